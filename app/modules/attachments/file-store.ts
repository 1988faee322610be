/**
 * Where attachment bytes live, behind one small interface so several web servers can share files
 * (an S3-compatible store) or one machine can keep them on disk. Keys are made by the server
 * (random, no user text), so a key is never a path someone else chose.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface FileStore {
  /** Stores the file at `sourcePath` under a new key, and returns the key. */
  put(sourcePath: string): Promise<string>;
  /** The stored bytes; rejects when the key is malformed or nothing is stored under it. */
  open(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

const KEY = /^[a-f0-9]{2}\/[a-f0-9]{32}$/;

/** A new key: 128 random bits, spread over 256 prefixes so no folder or listing grows too large. */
export function newFileKey(): string {
  const id = randomBytes(16).toString('hex');
  return `${id.slice(0, 2)}/${id}`;
}

/** Only keys the server made are ever looked up: anything else is refused before any I/O. */
export function assertFileKey(key: string): string {
  if (!KEY.test(key)) throw new Error('not a file key');
  return key;
}

/** Files under one folder on this machine. */
export function localFileStore(root: string): FileStore {
  const pathOf = (key: string) => path.join(root, assertFileKey(key));
  return {
    async put(sourcePath) {
      const key = newFileKey();
      await mkdir(path.dirname(pathOf(key)), { recursive: true });
      await copyFile(sourcePath, pathOf(key));
      return key;
    },
    async open(key) {
      const file = pathOf(key);
      await access(file);
      return createReadStream(file);
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
