/**
 * A compressed PDF stream made with Node's zlib. pdf-lib's own flateStream compresses with pako,
 * in JavaScript: a book of a thousand inputs spent a quarter of its time there. The bytes are
 * the same format (zlib, FlateDecode); only the compressor differs.
 */
import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFRawStream } from 'pdf-lib';

type DictValues = Parameters<PDFContext['stream']>[1];

/** `contents` as a FlateDecode stream; a string is taken as bytes (content streams are ASCII). */
export function flateStream(context: PDFContext, contents: string | Uint8Array, dict: DictValues = {}): PDFRawStream {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
  return deflatedStream(context, deflateSync(bytes), dict);
}

/** A FlateDecode stream of bytes compressed already (a font shared by many documents). */
export function deflatedStream(context: PDFContext, deflated: Uint8Array, dict: DictValues = {}): PDFRawStream {
  return context.stream(deflated, { ...dict, Filter: 'FlateDecode' });
}
