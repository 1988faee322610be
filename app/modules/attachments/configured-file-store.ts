/**
 * The file store the settings choose (FILE_STORE): files under DATA_DIR on this machine, or an
 * S3-compatible store when several servers must see the same files. One place decides, for the
 * web server and the worker alike.
 */
import path from 'node:path';
import type { RuntimeEnv } from '../config/runtime-env';
import { localFileStore, type FileStore } from './file-store';
import { s3FileStore } from './s3-file-store';

type StoreSettings = Pick<RuntimeEnv, 'DATA_DIR' | 'FILE_STORE' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_BUCKET' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'>;

export function configuredFileStore(env: StoreSettings): FileStore {
  if (env.FILE_STORE === 's3') {
    // The env schema refuses FILE_STORE=s3 without these; checked again for callers that build settings by hand.
    if (!env.S3_ENDPOINT || !env.S3_BUCKET || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) throw new Error('FILE_STORE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
    return s3FileStore({
      endpoint: env.S3_ENDPOINT,
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    });
  }
  return localFileStore(path.resolve(env.DATA_DIR, 'files'));
}

/** Uploads being read and checked live here for the length of one request (always local disk). */
export function uploadDirectory(env: Pick<RuntimeEnv, 'DATA_DIR'>): string {
  return path.resolve(env.DATA_DIR, 'tmp', 'uploads');
}
