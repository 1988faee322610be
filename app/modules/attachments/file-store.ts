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

/** Files under one folder, two levels deep so no folder grows too large. */
export function localFileStore(root: string): FileStore {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error('not a file key');
    return path.join(root, key);
  };
  return {
    async put(sourcePath) {
      const id = randomBytes(16).toString('hex');
      const key = `${id.slice(0, 2)}/${id}`;
      await mkdir(path.join(root, id.slice(0, 2)), { recursive: true });
      await copyFile(sourcePath, pathOf(key));
      return key;
    },
    async open(key) {
      const file = pathOf(key);
      await access(file);
      return createReadStream(file);
    },
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}
