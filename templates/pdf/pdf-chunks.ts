/**
 * Serialises a pdf-lib document as a sequence of chunks instead of one buffer. pdf-lib's save()
 * sizes the whole file, allocates it, and copies every object in: for a book of tens of
 * megabytes that is the document twice over in memory at its peak. Here the byte offsets and the
 * cross-reference table come from pdf-lib's own writer (so the file is exactly what save() would
 * write), and the objects are copied out a chunk at a time, for the caller to stream to a file.
 */
import { PDFObjectStream, PDFWriter, type PDFDocument } from 'pdf-lib';

const CHUNK_BYTES = 1 << 20;
const encoder = new TextEncoder();

class ChunkedWriter extends PDFWriter {
  static of(doc: PDFDocument): ChunkedWriter {
    return new ChunkedWriter(doc.context, 50);
  }

  async *chunks(): AsyncGenerator<Uint8Array> {
    const { header, indirectObjects, xref, trailerDict, trailer } = await this.computeBufferSize();
    // PDFWriter (not the object-stream writer) always has a cross-reference table and trailer dictionary.
    if (!xref || !trailerDict) throw new Error('no cross-reference table');
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const take = () => {
      const chunk = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      return chunk;
    };
    const push = (bytes: Uint8Array) => {
      pending.push(bytes);
      pendingBytes += bytes.length;
    };
    const serialised = (item: { sizeInBytes(): number; copyBytesInto(buffer: Uint8Array, offset: number): number }) => {
      const bytes = new Uint8Array(item.sizeInBytes());
      item.copyBytesInto(bytes, 0);
      return bytes;
    };

    push(serialised(header));
    push(encoder.encode('\n\n'));
    for (const [ref, object] of indirectObjects) {
      // The same bytes, in the same order, as PDFWriter.serializeToBuffer (offsets in the xref depend on it).
      push(encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
      push(serialised(object));
      push(encoder.encode('\nendobj\n\n'));
      if (object instanceof PDFObjectStream) throw new Error('object streams are not written in chunks');
      if (pendingBytes >= CHUNK_BYTES) yield take();
    }
    push(serialised(xref));
    push(encoder.encode('\n'));
    push(serialised(trailerDict));
    push(encoder.encode('\n\n'));
    push(serialised(trailer));
    yield take();
  }
}

/** The document's bytes in chunks of about a megabyte; the same file as `doc.save({ useObjectStreams: false })`. */
export async function* pdfChunks(doc: PDFDocument): AsyncGenerator<Uint8Array> {
  await doc.flush();
  yield* ChunkedWriter.of(doc).chunks();
}
