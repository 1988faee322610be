/**
 * Real HTTP against the portal's JSON API, with every answer checked against the OpenAPI document
 * the portal itself serves: status documented for the operation, content type as documented, body
 * valid against the documented schema (tests/helpers/json-schema.ts).
 */
import { expect } from 'vitest';
import { validateAgainst } from './json-schema';

type Doc = Record<string, unknown> & { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };

export function apiClient(appUrl: string) {
  let doc: Doc | undefined;

  async function openApi(): Promise<Doc> {
    doc ??= (await (await fetch(`${appUrl}/api/v1/openapi.json`)).json()) as Doc;
    return doc;
  }

  /** Reads the body and checks the response against the operation `method template` of the document. */
  async function conforming(res: Response, template: string, method = 'get'): Promise<{ status: number; headers: Headers; body: any }> {
    const text = await res.text();
    const document = await openApi();
    const operation = document.paths[template]?.[method];
    expect(operation, `${method} ${template} is documented`).toBeDefined();
    const documented = operation.responses[String(res.status)];
    expect(documented, `${method} ${template} documents status ${res.status} (body: ${text.slice(0, 300)})`).toBeDefined();
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim();
    const media = documented.content?.[contentType];
    expect(media, `${method} ${template} ${res.status} documents ${contentType}`).toBeDefined();
    const body = JSON.parse(text);
    expect(validateAgainst(document, media!.schema as Record<string, unknown>, body), `${method} ${template} ${res.status} body matches its schema`).toEqual([]);
    return { status: res.status, headers: res.headers, body };
  }

  return {
    openApi,
    conforming,
    get: (path: string, headers: Record<string, string> = {}) => fetch(`${appUrl}${path}`, { headers }),
    /** POSTs raw bytes or a JSON value with the given headers (JSON content type and a fresh key by default). */
    post(path: string, body: unknown, headers: Record<string, string | undefined> = {}) {
      const payload: BodyInit = typeof body === 'string' ? body : body instanceof Uint8Array ? new Blob([new Uint8Array(body)]) : JSON.stringify(body);
      const all: Record<string, string> = {};
      for (const [k, v] of Object.entries({ 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...headers })) {
        if (v !== undefined) all[k] = v;
      }
      return fetch(`${appUrl}${path}`, { method: 'POST', body: payload, headers: all, redirect: 'manual' });
    },
  };
}
