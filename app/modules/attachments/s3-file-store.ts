/**
 * Attachment bytes in an S3-compatible object store (AWS S3, MinIO, Ceph, Garage…), so several
 * web servers and workers share the same files. Requests are signed with AWS Signature V4 by
 * aws4fetch and sent with fetch; uploads stream from the checked temporary file with their length
 * known (UNSIGNED-PAYLOAD: the bytes were hashed already, and TLS protects them in transit), and
 * downloads stream back, so no file is ever held whole in memory.
 */
import { AwsClient } from 'aws4fetch';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { assertFileKey, newFileKey, type FileStore } from './file-store';

export interface S3Settings {
  /** e.g. https://s3.eu-west-1.amazonaws.com or http://minio:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path (MinIO and most self-hosted stores) instead of the host name. */
  forcePathStyle: boolean;
}

/** Errors name the operation and status only: object keys and store replies stay out of logs. */
class ObjectStoreError extends Error {
  override name = 'ObjectStoreError';
}

export function s3FileStore(settings: S3Settings): FileStore {
  const client = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, region: settings.region, service: 's3' });
  const base = new URL(settings.endpoint);
  const urlOf = (key: string) => {
    const safe = assertFileKey(key);
    if (settings.forcePathStyle) return new URL(`${base.pathname.replace(/\/$/, '')}/${settings.bucket}/${safe}`, base).toString();
    return new URL(`/${safe}`, `${base.protocol}//${settings.bucket}.${base.host}`).toString();
  };
  return {
    async put(sourcePath) {
      const key = newFileKey();
      const { size } = await stat(sourcePath);
      const res = await client.fetch(urlOf(key), {
        method: 'PUT',
        body: Readable.toWeb(createReadStream(sourcePath)) as ReadableStream,
        headers: { 'Content-Length': String(size), 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD', 'Content-Type': 'application/octet-stream' },
        duplex: 'half',
      } as RequestInit);
      await res.body?.cancel();
      if (!res.ok) throw new ObjectStoreError(`object store refused an upload (HTTP ${res.status})`);
      return key;
    },
    async open(key) {
      const res = await client.fetch(urlOf(key));
      if (!res.ok || !res.body) {
        await res.body?.cancel();
        throw new ObjectStoreError(`object store could not give a file (HTTP ${res.status})`);
      }
      return Readable.fromWeb(res.body as unknown as WebReadableStream);
    },
    async remove(key) {
      const res = await client.fetch(urlOf(key), { method: 'DELETE' });
      await res.body?.cancel();
      // Gone already is what was asked for.
      if (!res.ok && res.status !== 404) throw new ObjectStoreError(`object store refused a delete (HTTP ${res.status})`);
    },
  };
}
