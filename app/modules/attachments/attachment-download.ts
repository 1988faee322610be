/**
 * Serves a stored attachment as a download that no browser will run or render in the portal's
 * origin: always `attachment` disposition (the name kept in any script, with an ASCII fallback),
 * the type decided when the file was checked, no sniffing (X-Content-Type-Options is set on every
 * response by the server), and a sandbox that gives the bytes no origin even if a browser shows
 * them anyway.
 */
import contentDisposition from 'content-disposition';
import { Readable } from 'node:stream';
import type { Attachment } from '../../../db/schema';
import type { FileStore } from './file-store';

export async function attachmentResponse(store: FileStore, file: Pick<Attachment, 'storageKey' | 'fileName' | 'mediaType' | 'sizeBytes'>): Promise<Response> {
  const bytes = await store.open(file.storageKey);
  return new Response(Readable.toWeb(bytes) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Length': String(file.sizeBytes),
      'Content-Disposition': contentDisposition(file.fileName, { type: 'attachment' }),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'private, no-store',
    },
  });
}
