/**
 * One contract for every file store: the local folder and an S3-compatible store (a real S3 API
 * server, s3rver, on a free port). Put, open and remove; a large file streamed and returned byte
 * for byte; missing and malformed keys; concurrent puts.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { configuredFileStore } from '../../app/modules/attachments/configured-file-store';
import { localFileStore, type FileStore } from '../../app/modules/attachments/file-store';
import { s3FileStore } from '../../app/modules/attachments/s3-file-store';
import { parseRuntimeEnv } from '../../app/modules/config/runtime-env';

let dir: string;
let s3: S3rver;
let endpoint: string;
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

beforeAll(async () => {
  dir = mkdtempSync(path.join(inject('dataDir'), 'file-store-'));
  s3 = new S3rver({ port: 0, address: '127.0.0.1', directory: path.join(dir, 's3'), silent: true, configureBuckets: [{ name: 'portal-files', configs: [] }] });
  const { port } = await s3.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await s3?.close();
});

async function digestOf(stream: NodeJS.ReadableStream): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const stores: Array<[string, () => FileStore]> = [
  ['local disk', () => localFileStore(path.join(dir, 'local'))],
  ['S3-compatible store', () => s3FileStore({ endpoint, bucket: 'portal-files', region: 'us-east-1', ...credentials, forcePathStyle: true })],
];

describe.each(stores)('file store: %s', (_name, make) => {
  it('stores under a new server-made key, gives the same bytes back, and removes', async () => {
    const store = make();
    const source = path.join(dir, `${crypto.randomUUID()}.txt`);
    writeFileSync(source, 'نص مرفق\nsecond line');
    const key = await store.put(source);
    expect(key).toMatch(/^[a-f0-9]{2}\/[a-f0-9]{32}$/);
    let text = '';
    for await (const chunk of await store.open(key)) text += (chunk as Buffer).toString('utf8');
    expect(text).toBe('نص مرفق\nsecond line');
    await store.remove(key);
    await expect(store.open(key)).rejects.toThrow();
    // Removing twice is fine: the file is gone, as asked.
    await store.remove(key);
  });

  it('streams a 20 MB file in and out unchanged', async () => {
    const store = make();
    const source = path.join(dir, `${crypto.randomUUID()}.bin`);
    const bytes = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32BE(i, i);
    writeFileSync(source, bytes);
    const key = await store.put(source);
    expect(await digestOf(await store.open(key))).toBe(await digestOf(createReadStream(source)));
    await store.remove(key);
  });

  it('refuses keys it did not make, before any request or file access', async () => {
    const store = make();
    for (const key of ['../../etc/passwd', 'ab/../../x', 'AB/0123456789abcdef0123456789abcdef', '', 'ab/cd']) {
      await expect(store.open(key), key).rejects.toThrow('not a file key');
      await expect(store.remove(key), key).rejects.toThrow('not a file key');
    }
  });

  it('gives each of many concurrent puts its own key', async () => {
    const store = make();
    const sources = Array.from({ length: 12 }, (_, i) => {
      const p = path.join(dir, `${crypto.randomUUID()}-${i}`);
      writeFileSync(p, `file ${i}`);
      return p;
    });
    const keys = await Promise.all(sources.map((s) => store.put(s)));
    expect(new Set(keys).size).toBe(12);
    for (const [i, key] of keys.entries()) {
      let text = '';
      for await (const chunk of await store.open(key)) text += String(chunk);
      expect(text).toBe(`file ${i}`);
    }
  });
});

describe('choosing the store', () => {
  it('uses S3 when FILE_STORE=s3, and refuses to start without its settings', async () => {
    const base: NodeJS.ProcessEnv = { NODE_ENV: 'test', DATABASE_URL: 'postgres://x/y', REDIS_URL: 'redis://x', SMTP_URL: 'smtp://x' };
    expect(() => parseRuntimeEnv({ ...base, FILE_STORE: 's3' })).toThrow(/S3_ENDPOINT is required when FILE_STORE=s3/);
    expect(() => parseRuntimeEnv({ ...base, FILE_STORE: 'ftp' })).toThrow(/FILE_STORE must be local or s3/);
    const env = parseRuntimeEnv({
      ...base,
      FILE_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: 'portal-files',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    });
    const store = configuredFileStore(env);
    const source = path.join(dir, 'chosen.txt');
    writeFileSync(source, 'through the settings');
    const key = await store.put(source);
    // The object is in the S3 server's bucket, not on local disk.
    const direct = s3FileStore({ endpoint, bucket: 'portal-files', region: 'us-east-1', ...credentials, forcePathStyle: true });
    let text = '';
    for await (const chunk of await direct.open(key)) text += String(chunk);
    expect(text).toBe('through the settings');
    expect(parseRuntimeEnv(base).FILE_STORE).toBe('local');
  });
});
