/**
 * SHA-256 of bytes as they stream past, so a table or a file is read once to be copied and hashed.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';

export interface Digest {
  sha256: string;
  bytes: number;
  /** Newline bytes seen: in COPY's text format, the number of rows (newlines inside values are escaped). */
  lines: number;
}

interface Digester {
  update(chunk: Buffer): void;
  result(): Digest;
}

function digester(): Digester {
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  let digest: Digest | undefined;
  return {
    update(chunk) {
      hash.update(chunk);
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    },
    result: () => (digest ??= { sha256: hash.digest('hex'), bytes, lines }),
  };
}

/** A pass-through stream that hashes what goes through it; `result()` once the stream has ended. */
export function digestingStream(): { stream: Transform; result: () => Digest } {
  const d = digester();
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      d.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: d.result };
}

/** A file's bytes, hashed as they are read; `result()` once they have all been read. */
export function digestingRead(file: string): { chunks: AsyncIterable<Buffer>; result: () => Digest } {
  const d = digester();
  async function* chunks() {
    for await (const chunk of createReadStream(file)) {
      d.update(chunk as Buffer);
      yield chunk as Buffer;
    }
  }
  return { chunks: chunks(), result: d.result };
}

export async function digestFile(file: string): Promise<Digest> {
  const { chunks, result } = digestingRead(file);
  for await (const _ of chunks);
  return result();
}
