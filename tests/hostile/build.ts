/** Shorthands for writing cases. */
import type { MessageKey } from '../../app/i18n/translate';
import type { Answered, FormField, HostileCase, HostileClass, Kept, RawRequest, Refused, Send, Text } from './types';

export const refused = (field: string, key: MessageKey, status = 400): Refused => ({ outcome: 'refused', status, field, key });
/** The API's answer to an invalid member: 422 validation-failed naming it. */
export const apiRefused = (field: string, key: MessageKey): Refused => ({ outcome: 'refused', status: 422, field, key, problem: 'validation-failed' });
/** The API's answer to a body it cannot take at all. */
export const apiProblem = (status: number, problem: string, key: MessageKey): Refused => ({ outcome: 'refused', status, field: 'form', key, problem });
export const kept = (stored?: Text, row?: Record<string, unknown>): Kept => ({ outcome: 'kept', stored, row });
export const answered = (status?: number, shows?: Text, problem?: string): Answered => ({ outcome: 'answered', status, shows, problem });

export function make(id: string, cls: HostileClass, target: string, send: Send, expect: HostileCase['expect'], script = false): HostileCase {
  return { id, class: cls, target, send, expect, ...(script ? { script } : {}) };
}

export const form = (id: string, cls: HostileClass, field: FormField, value: Text, expect: HostileCase['expect'], more: { extra?: Array<[string, string]>; encoding?: 'multipart'; intent?: 'draft' } = {}) =>
  make(id, cls, `form ${field}${more.encoding ? ' (multipart)' : ''}${more.intent ? ' (draft)' : ''}`, { via: 'form', field, value, ...more }, expect);

export const api = (id: string, cls: HostileClass, member: string, value: unknown, expect: HostileCase['expect'], extra?: Record<string, unknown>) =>
  make(id, cls, `API ${member}`, { via: 'api', member, value, ...(extra ? { extra } : {}) }, expect);

/** The form's fields as a url-encoded body, the way a browser writes them. */
export const urlencoded = (fields: Array<[string, string]>) => new URLSearchParams(fields).toString();

export const formRaw = (id: string, cls: HostileClass, field: string, build: (fields: Array<[string, string]>) => RawRequest, expect: HostileCase['expect']) =>
  make(id, cls, `form request (${field})`, { via: 'form-raw', field, build }, expect);

export const apiRaw = (id: string, cls: HostileClass, field: string, build: (input: Record<string, unknown>) => RawRequest, expect: HostileCase['expect']) =>
  make(id, cls, `API request (${field})`, { via: 'api-raw', field, build }, expect);

/** Replaces the value of `name` in a url-encoded body with raw, already-encoded text. */
export function withEncoded(fields: Array<[string, string]>, name: string, encodedValue: string): string {
  return fields.map(([k, v]) => `${encodeURIComponent(k)}=${k === name ? encodedValue : encodeURIComponent(v)}`).join('&');
}

/** A multipart body written byte by byte, so a part can hold raw bytes a FormData would repair. */
export function multipart(parts: Array<{ name: string; value: string | Uint8Array; fileName?: string; type?: string; rawDisposition?: string }>) {
  const boundary = `----hostile${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = p.rawDisposition ?? `form-data; name="${p.name}"${p.fileName !== undefined ? `; filename="${p.fileName}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`, 'utf8'));
    chunks.push(typeof p.value === 'string' ? Buffer.from(p.value, 'utf8') : Buffer.from(p.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: new Uint8Array(Buffer.concat(chunks)), headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } };
}
