/**
 * Reads a multipart form (fields and files) as it arrives, never holding a file in memory: each
 * file streams to its own server-named temporary file, and every limit — per file, number of
 * files, per field, whole request — is enforced while the bytes come in, with or without a
 * Content-Length. A file over its size or beyond the number of files is cut off and marked, but
 * the rest of the form is still read, so nothing typed is lost because of a refused file; only a
 * request over its whole limit, or a broken one, stops the reading.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';

export interface UploadLimits {
  maxFiles: number;
  maxFileBytes: number;
  /** Text fields together with files. */
  maxRequestBytes: number;
  maxFieldBytes: number;
  maxFields: number;
}

export interface ReceivedFile {
  field: string;
  /** Server-made temporary path; the caller moves or removes it. */
  path: string;
  originalName: string;
  sizeBytes: number;
  /** The file was larger than `maxFileBytes`: only its beginning was written. */
  truncated: boolean;
}

export type UploadProblem = 'upload.fieldTooLarge' | 'upload.requestTooLarge' | 'upload.malformed';

export type ReceivedUpload =
  | { ok: true; fields: Array<[string, string]>; files: ReceivedFile[]; /** More files were sent than `maxFiles`; the extra ones were dropped. */ filesDropped: boolean }
  | { ok: false; problem: UploadProblem; fields: Array<[string, string]> };

export async function receiveUpload(request: Request, tmpDir: string, limits: UploadLimits): Promise<ReceivedUpload> {
  const fields: Array<[string, string]> = [];
  const files: ReceivedFile[] = [];
  if (Number(request.headers.get('Content-Length') ?? 0) > limits.maxRequestBytes) return { ok: false, problem: 'upload.requestTooLarge', fields };
  const type = (request.headers.get('Content-Type') ?? '').toLowerCase();
  if (!request.body || !type.startsWith('multipart/form-data')) return { ok: false, problem: 'upload.malformed', fields };
  await mkdir(tmpDir, { recursive: true });

  let problem: UploadProblem | undefined;
  let received = 0;
  const writes: Array<Promise<void>> = [];
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: Object.fromEntries(request.headers),
      defParamCharset: 'utf8',
      limits: { files: limits.maxFiles, fileSize: limits.maxFileBytes, fieldSize: limits.maxFieldBytes, fields: limits.maxFields, parts: limits.maxFiles + limits.maxFields },
    });
  } catch {
    return { ok: false, problem: 'upload.malformed', fields };
  }
  const source = Readable.fromWeb(request.body as unknown as WebReadableStream);
  // On the first problem, stop parsing and writing; the rest of the body is read and dropped (the
  // server's request timeout bounds it) so the client gets the answer rather than a reset.
  const fail = (p: UploadProblem) => {
    if (problem) return;
    problem = p;
    // Torn down on the next turn: busboy is still inside its own handler when it reports a limit.
    setImmediate(() => {
      source.unpipe(parser);
      parser.destroy();
      source.resume();
    });
  };
  source.on('data', (chunk: Buffer) => {
    received += chunk.byteLength;
    if (received > limits.maxRequestBytes) fail('upload.requestTooLarge');
  });

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) return fail('upload.fieldTooLarge');
    fields.push([name, value]);
  });
  parser.on('file', (field, stream, info) => {
    if (!info.filename) {
      stream.resume();
      return;
    }
    const tmp = path.join(tmpDir, randomBytes(16).toString('hex'));
    const entry: ReceivedFile = { field, path: tmp, originalName: info.filename, sizeBytes: 0, truncated: false };
    files.push(entry);
    stream.on('data', (chunk: Buffer) => (entry.sizeBytes += chunk.byteLength));
    // Busboy drops the rest of this file and goes on with the next parts.
    stream.on('limit', () => (entry.truncated = true));
    writes.push(pipeline(stream, createWriteStream(tmp)).catch(() => fail('upload.malformed')));
  });
  let filesDropped = false;
  parser.on('filesLimit', () => (filesDropped = true));
  parser.on('fieldsLimit', () => fail('upload.malformed'));
  parser.on('partsLimit', () => fail('upload.malformed'));

  const finished = new Promise<void>((resolve) => {
    parser.on('close', () => resolve());
    parser.on('error', () => {
      fail('upload.malformed');
      resolve();
    });
    source.on('error', () => {
      fail('upload.malformed');
      resolve();
    });
  });
  source.pipe(parser);
  await finished;
  await Promise.all(writes);
  if (problem) {
    await Promise.all(files.map((f) => rm(f.path, { force: true })));
    return { ok: false, problem, fields };
  }
  return { ok: true, fields, files, filesDropped };
}
