/**
 * Reads a JSON request body as the API takes it: declared as application/json, uncompressed,
 * counted byte by byte as it arrives (a body over the limit is refused as soon as it passes it,
 * announced or chunked), strict UTF-8, one JSON value, and no member named twice at the top level
 * (parsers disagree on which of two values wins; a duplicated field is a tampered request, as in
 * the web form).
 */
export const MAX_JSON_BYTES = 512 * 1024;

/** A refused body is still read and dropped up to this much, so the client gets the 413 rather than a reset. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

export type JsonRead =
  | { ok: true; value: unknown }
  | { ok: false; problem: 'unsupported-media-type' | 'unsupported-encoding' | 'content-too-large' | 'malformed' | 'duplicate-member' };

/** application/json, with no charset or charset=utf-8 (JSON is UTF-8 by definition, RFC 8259). */
export function isJsonContentType(header: string | null): boolean {
  const [type, ...params] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || p.slice(8).replace(/"/g, '') === 'utf-8');
}

/** What the headers alone say is wrong with the body, before any of it is read. */
export function requestBodyProblem(request: Request): 'unsupported-media-type' | 'unsupported-encoding' | undefined {
  if (!isJsonContentType(request.headers.get('Content-Type'))) return 'unsupported-media-type';
  const encoding = (request.headers.get('Content-Encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return 'unsupported-encoding';
  return undefined;
}

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BYTES): Promise<JsonRead> {
  const wrong = requestBodyProblem(request);
  if (wrong) return { ok: false, problem: wrong };
  const reader = request.body?.getReader();
  const announced = Number(request.headers.get('Content-Length') ?? 0);
  if (announced > maxBytes) {
    if (announced <= DRAIN_LIMIT_BYTES) await drain(reader, 0);
    else await reader?.cancel().catch(() => {});
    return { ok: false, problem: 'content-too-large' };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await drain(reader, size);
      return { ok: false, problem: 'content-too-large' };
    }
    chunks.push(value);
  }
  let text: string;
  let value: unknown;
  try {
    // Fatal decoding: bytes that are not UTF-8 are a broken request, not text to guess at.
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (repeatsTopLevelMember(text)) return { ok: false, problem: 'duplicate-member' };
  return { ok: true, value };
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array> | undefined, already: number) {
  let size = already;
  try {
    for (;;) {
      if (size > DRAIN_LIMIT_BYTES) return await reader?.cancel();
      const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
      if (done) return;
      size += value.byteLength;
    }
  } catch {
    // The client went away: nothing left to answer.
  }
}

/**
 * True when the top-level JSON object names a member twice. Runs on text JSON.parse accepted, so
 * only strings and brackets need tracking; nested containers are skipped (the input's fields are
 * all at the top level, and anything nested is refused by validation anyway).
 */
export function repeatsTopLevelMember(json: string): boolean {
  const seen = new Set<string>();
  const topIsObject = json.trimStart().startsWith('{');
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      let end = i + 1;
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      if (depth === 1 && topIsObject && expectKey) {
        const key = JSON.parse(json.slice(i, end + 1)) as string;
        if (seen.has(key)) return true;
        seen.add(key);
      }
      expectKey = false;
      i = end;
    } else if (c === '{' || c === '[') {
      depth++;
      expectKey = depth === 1 && c === '{';
    } else if (c === '}' || c === ']') {
      depth--;
    } else if (c === ',' && depth === 1) {
      expectKey = topIsObject;
    }
  }
  return false;
}
