/**
 * The shape of one hostile-input case (tests/e2e/hostile-input.test.ts runs them): which class of
 * the reliability design it belongs to, where it is sent, what is sent, and what must come of it.
 * Payloads that need the canary address or other run-time values are functions of CaseContext.
 */
import type { MessageKey } from '../../app/i18n/translate';

export const HOSTILE_CLASSES = [
  'markup and script',
  'SQL-looking strings',
  'oversized fields and bodies',
  'invalid UTF-8 and NUL bytes',
  'control and bidi-override characters',
  'zero-width and homoglyph tricks',
  'CR/LF towards e-mail headers',
  'several addresses in one e-mail field',
  'mass assignment',
  'name, extension and content disagree',
  'zip bombs and path traversal in DOCX',
  'encrypted, truncated and script-bearing PDFs',
  'duplicate parameters',
  'wrong content types',
  'legitimate text in any script',
] as const;
export type HostileClass = (typeof HOSTILE_CLASSES)[number];

/** Values known only when the case runs. */
export interface CaseContext {
  /** This case's own canary address: a request to it means something ran. */
  canary: string;
  /** host:port of the canary server, for payloads that must spell the address without slashes. */
  canaryHost: string;
  caseId: string;
}

export type Text = string | ((c: CaseContext) => string);

export const textOf = (t: Text, c: CaseContext): string => (typeof t === 'function' ? t(c) : t);

/** A request crafted byte by byte (duplicates, raw bytes, other content types, chunked bodies). */
export interface RawRequest {
  body: string | Uint8Array | (() => ReadableStream<Uint8Array>);
  headers?: Record<string, string>;
}

export type FormField = 'contactName' | 'organisation' | 'email' | 'title' | 'summary' | 'body';
export type StaffField = 'note' | 'reason' | 'message' | 'public-title' | 'public-summary' | 'public-body' | 'unpublish-reason';

export type Send =
  /** The submission form: a valid input with `field` set to `value`, url-encoded unless said. */
  | { via: 'form'; field: FormField; value: Text; encoding?: 'multipart'; extra?: Array<[string, string]>; intent?: 'draft' }
  /** The submission form, the request made by `build` from the valid fields (in order). */
  | { via: 'form-raw'; field: string; build: (fields: Array<[string, string]>, c: CaseContext) => RawRequest }
  /** POST /api/v1/forums/{slug}/submissions with `member` set to `value` (JSON). */
  | { via: 'api'; member: string; value: unknown; extra?: Record<string, unknown> }
  /** The API, the request made by `build` from a valid input. */
  | { via: 'api-raw'; field: string; build: (input: Record<string, unknown>, c: CaseContext) => RawRequest }
  /** One file sent with the form (multipart), under `name`. */
  | { via: 'file'; name: Text; bytes: (c: CaseContext) => Uint8Array | Promise<Uint8Array>; disposition?: (c: CaseContext) => string }
  /** A staff form: an internal note, a decision's reason or message, the public version, a withdrawal's reason. */
  | { via: 'staff'; field: StaffField; value: Text; encoding?: 'multipart' }
  /** A search (the public listing page, the API, or the staff queue) with this raw query string. */
  | { via: 'search'; where: 'page' | 'api' | 'staff'; query: Text };

/** A 4xx whose body is the translated message for `field` (or `form` for the whole request); nothing stored. */
export interface Refused {
  outcome: 'refused';
  status: number;
  field: string;
  key: MessageKey;
  /** For API refusals of the whole body: the problem type. */
  problem?: string;
}

/** Accepted and stored exactly: `stored` (default: the value sent) in the field it was sent in. */
export interface Kept {
  outcome: 'kept';
  stored?: Text;
  /** Columns of the stored row that must hold these values (mass assignment). */
  row?: Record<string, unknown>;
}

/** A read (search): answered without a 5xx; a page shows the query back exactly as typed. */
export interface Answered {
  outcome: 'answered';
  /** The status expected; undefined: any answer below 500. */
  status?: number;
  /** The text the search box must show (a page), or the API's problem type on a refusal. */
  shows?: Text;
  problem?: string;
}

export interface HostileCase {
  id: string;
  class: HostileClass;
  /** Where it goes, for the record: "form title", "API email", "file", "staff note"… */
  target: string;
  send: Send;
  expect: Refused | Kept | Answered;
  /**
   * A markup or script payload that calls this case's canary if it ever runs: a kept one is followed
   * through confirmation, acceptance and every page, e-mail and PDF that shows it.
   */
  script?: boolean;
}
