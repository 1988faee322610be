/**
 * React 18.3's streaming renderer has a bug (facebook/react#31134): when a multi-byte UTF-8
 * character does not fit at the end of its 2 KB output buffer, the whole buffer is written,
 * unused zero bytes included. Pages in Arabic (or any non-Latin script) then carry stray NUL
 * bytes, invisible on screen but sent back inside any form field they land in. React 19 fixes it,
 * but Remix 2 needs React 18 (see toolchain notes). The zero bytes are extra, never in place of
 * content, and a page never holds a NUL on purpose (no stored text may contain one), so removing
 * every zero byte restores exactly what React meant to send.
 */
import { Transform } from 'node:stream';

export function stripNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk);
    },
  });
}
