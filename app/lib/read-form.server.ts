/**
 * Reads a url-encoded form body, counting bytes as they arrive: a body over the limit is refused
 * as soon as it passes it, whether or not it announced its length (chunked uploads), so a large
 * post never sits whole in memory. Multipart bodies (attachments) take their own streamed path.
 */
import { translator } from '../i18n/translate';
import { DEFAULT_LOCALE, isInterfaceLocale } from '../modules/taxonomy/locales';

export type FormRead = { ok: true; form: FormData } | { ok: false; problem: 'too_large' | 'unsupported' | 'malformed' };

/**
 * A refused body is still read (and dropped) up to this much, so the client gets the 413 instead
 * of a connection reset while it is still sending; beyond it the connection is simply cut.
 */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

async function drain(reader: ReadableStreamDefaultReader<Uint8Array> | undefined, already: number) {
  let size = already;
  for (;;) {
    const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
    if (done) return;
    size += value.byteLength;
    if (size > DRAIN_LIMIT_BYTES) return reader?.cancel();
  }
}

export async function readFormWithin(request: Request, maxBytes: number): Promise<FormRead> {
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return { ok: false, problem: 'unsupported' };
  const reader = request.body?.getReader();
  const announced = Number(request.headers.get('Content-Length') ?? 0);
  if (announced > maxBytes) {
    if (announced <= DRAIN_LIMIT_BYTES) await drain(reader, 0);
    else await reader?.cancel();
    return { ok: false, problem: 'too_large' };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await drain(reader, size);
        return { ok: false, problem: 'too_large' };
      }
      chunks.push(value);
    }
    // Fatal decoding: raw bytes that are not UTF-8 are a broken form, not text to guess at.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    const form = new FormData();
    for (const [name, value] of new URLSearchParams(text)) form.append(name, value);
    return { ok: true, form };
  } catch {
    return { ok: false, problem: 'malformed' };
  }
}

/**
 * For small forms (sign-in, decisions, status actions): the form, or a 4xx response thrown whose
 * body is one sentence in the page's language (`locale`, when the route knows it).
 */
export async function requireSmallForm(request: Request, maxBytes = 64 * 1024, locale?: string): Promise<FormData> {
  const read = await readFormWithin(request, maxBytes);
  if (read.ok) return read.form;
  const status = read.problem === 'too_large' ? 413 : read.problem === 'unsupported' ? 415 : 400;
  const t = translator(isInterfaceLocale(locale) ? locale : DEFAULT_LOCALE);
  throw new Response(t(read.problem === 'too_large' ? 'error.tooLong' : 'error.form'), {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Language': isInterfaceLocale(locale) ? locale : DEFAULT_LOCALE, ...(read.problem === 'too_large' ? { Connection: 'close' } : {}) },
  });
}
