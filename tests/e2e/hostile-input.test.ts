/**
 * The hostile-input corpus (tests/hostile/) against the running portal: the form (url-encoded and
 * multipart, drafts too), the JSON API, files sent with the form, staff texts and public searches.
 * Each case is one test with these oracles: never a 5xx; a refusal is a 4xx carrying the translated
 * message for the field (English and Arabic by turns) and stores nothing (no input, file, outbox
 * row, draft, note or staff audit event, no temporary upload left); what is kept is stored byte
 * for byte.
 *
 * "Nothing executed": every markup payload calls its own address on a local canary server if it
 * ever runs. The kept ones are confirmed by their submitters through the e-mailed link and accepted
 * by a moderator; Chromium, with the portal's Content-Security-Policy switched off so that escaping
 * alone is tested, then opens every page that shows them (status, received, resumed draft, staff
 * queue, detail and publication pages, the public listing, the input's page, searches, the Atom
 * feeds) and every e-mail's HTML as a mail client would show it; receipts and publication PDFs
 * are searched for actions. The canary must hear nothing and no page may hold an element that
 * could call it. Control tests show each oracle does fire when a payload is put in a page unescaped.
 */
import { validApiInput as sharedApiInput } from '../helpers/api-submit';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, count, desc, eq, ne } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { translator } from '../../app/i18n/translate';
import { parseWebEnv } from '../../app/lib/web-env.server';
import { issueFormStamp } from '../../app/modules/abuse/form-timing';
import { decide } from '../../app/modules/moderation/decide';
import { attachments, auditEvents, drafts, outbox, staffNotes, submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { CORPUS, countsByClass } from '../hostile/corpus';
import { asHtmlText, domFindings, pdfFindings, startCanary, startPageServer, type Canary } from '../hostile/oracles';
import { SCRIPT_PAYLOADS } from '../hostile/script-payloads';
import { textOf, type CaseContext, type HostileCase, type RawRequest, type Refused, type StaffField } from '../hostile/types';
import { multipart, urlencoded } from '../hostile/build';
import { launchChromium } from '../helpers/browser';
import { portalEnv } from '../helpers/processes';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { eventually } from '../helpers/services';
import { createStaff, signInInBrowser, signInOverHttp, type TestStaff } from '../helpers/staff';

type Lang = 'en' | 'ar';
type Row = typeof submissions.$inferSelect;

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let canary: Canary;
let pageServer: Awaited<ReturnType<typeof startPageServer>>;
let refuseForum: Forum;
let keepForum: Forum;
let moderator: TestStaff;
let staffHttp: { cookie: string; csrf: string };
let browser: Browser | undefined;
const secret = parseWebEnv(portalEnv()).SESSION_SECRET;
const startedAt = Date.now();

/** Kept payloads to follow through every page, e-mail and PDF that shows them. */
interface Followed {
  id: string;
  lang: Lang;
  submissionId?: string;
  email?: string;
  /** The status link's token, for inputs made here by the factory (staff texts' hosts). */
  statusToken?: string;
  draftEmail?: string;
  searchUrl?: string;
  /** Leave in the queue (not accepted): some stay pending, so the queue shows them too. */
  keepPending?: boolean;
  /** The input was decided by its case (a staff text): no acceptance here. */
  decided?: boolean;
  /** Changes were requested: the submitter's edit form shows the message too. */
  changesRequested?: boolean;
  /** Sent through the API: the same columns as the form's, so its staff publication page is not opened again. */
  api?: boolean;
  /** Where the payload is: the submitter's status page shows only the title, file names and decisions' texts. */
  shownOnStatus?: boolean;
  /** A payload sent as the title: the pages' headings must show it as text, exactly. */
  title?: string;
}
const followed: Followed[] = [];

const ATTACHMENT_RULES = { allowedTypes: ['pdf', 'docx', 'odt', 'txt'] as ('pdf' | 'docx' | 'odt' | 'txt')[], maxSizeMb: 1, maxCount: 1 };
const LIMITS = { titleMaxChars: 300, summaryMaxChars: 1500, bodyMaxWords: 3000 };

beforeAll(async () => {
  canary = await startCanary();
  pageServer = await startPageServer();
  portal = await startPortalUnderTest(REDIS_DB.hostileInput);
  [refuseForum, keepForum] = await Promise.all([
    createForum(portal.db, 'open', { limits: LIMITS, attachmentRules: ATTACHMENT_RULES }),
    createForum(portal.db, 'open', { limits: LIMITS, attachmentRules: ATTACHMENT_RULES, name: { en: 'Hostile input kept', ar: 'مدخلات عدائية محفوظة' } }),
  ]);
  moderator = await createStaff(portal.db, { email: `hostile-mod-${crypto.randomUUID().slice(0, 8)}@un.example`, role: 'moderator', displayName: 'Hostile Moderator' });
  staffHttp = await signInOverHttp(portal.appUrl, moderator);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await canary?.close();
  await pageServer?.close();
});

const url = (p: string) => `${portal.appUrl}${p}`;
const contextOf = (id: string): CaseContext => ({ canary: `${canary.base}/c/${id}`, canaryHost: canary.host, caseId: id });
let clients = 0;
/** A client address per request (trusted from loopback only), so the per-connection limit never adds up. */
const nextClient = () => `203.0.113.${(clients++ % 250) + 1}`;
const uploadsDir = () => path.join(portal.dataDir, 'tmp', 'uploads');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function validFields(email: string): Array<[string, string]> {
  return [
    ['idempotencyKey', crypto.randomUUID()],
    ['formStamp', issueFormStamp(secret, Date.now() - 10_000)],
    ['website', ''],
    ['submitterType', 'organisation'],
    ['contactName', 'Test Person'],
    ['organisation', 'Test Org'],
    ['email', email],
    ['constituency', 'civil_society'],
    ['country', 'JO'],
    ['language', 'en'],
    ['title', 'A title'],
    ['summary', 'A summary'],
    ['body', 'A body of text'],
    ['objectives', '23'],
    ['consentPublication', 'yes'],
    ['publishName', 'yes'],
    ['publishOrganisation', 'yes'],
    ['publishAttachments', 'yes'],
  ];
}

/** Sets (or adds) fields, keeping the form's order. */
function withValues(fields: Array<[string, string]>, set: Array<[string, string]>): Array<[string, string]> {
  const out = fields.map(([k, v]): [string, string] => [k, set.find(([s]) => s === k)?.[1] ?? v]);
  for (const [k, v] of set) if (!fields.some(([f]) => f === k)) out.push([k, v]);
  return out;
}

function sendRaw(target: string, raw: RawRequest, headers: Record<string, string>): Promise<Response> {
  const body = typeof raw.body === 'function' ? raw.body() : raw.body;
  const all: Record<string, string> = { ...headers, ...raw.headers };
  for (const [k, v] of Object.entries(all)) if (v === '') delete all[k];
  return fetch(url(target), {
    method: 'POST',
    body: body instanceof Uint8Array ? new Blob([new Uint8Array(body)]) : (body as BodyInit),
    redirect: 'manual',
    headers: all,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

const formPath = (lang: Lang, forum: Forum) => `/${lang}/forums/${forum.slug}/submit`;
const formHeaders = () => ({ Origin: portal.appUrl, 'X-Forwarded-For': nextClient(), 'Content-Type': 'application/x-www-form-urlencoded' });

/** Everything a refused request must leave as it was. */
async function storedCounts() {
  const n = async (q: PromiseLike<Array<{ n: number }>>) => (await q)[0].n;
  const db = portal.db;
  return {
    submissions: await n(db.select({ n: count() }).from(submissions)),
    attachments: await n(db.select({ n: count() }).from(attachments)),
    outbox: await n(db.select({ n: count() }).from(outbox)),
    drafts: await n(db.select({ n: count() }).from(drafts)),
    staffNotes: await n(db.select({ n: count() }).from(staffNotes)),
    // Staff and submitter actions; the worker's own records of failed e-mails are no input's.
    audit: await n(db.select({ n: count() }).from(auditEvents).where(ne(auditEvents.actorKind, 'system'))),
    uploadsLeft: existsSync(uploadsDir()) ? (await readdir(uploadsDir())).length : 0,
  };
}

async function submissionByEmail(email: string): Promise<Row | undefined> {
  const [row] = await portal.db.select().from(submissions).where(eq(submissions.email, email)).orderBy(desc(submissions.receivedAt));
  return row;
}

/** The translated message for `key` is where the page shows the problem with `field`. */
function expectMessageOnPage(html: string, field: string, message: string, also?: string) {
  const page = html.replace(/<!-- -->/g, '');
  const anchor = field === 'form' ? 'notice-error" role="alert">' : `id="${field}-error"`;
  const at = page.indexOf(anchor);
  expect(at, `the page marks ${field} as refused`).toBeGreaterThan(-1);
  const near = page.slice(at, at + 5000);
  expect(near, `the message for ${field}`).toContain(asHtmlText(message));
  if (also) expect(near, 'the file is named').toContain(asHtmlText(also));
}

const tFor = (lang: Lang) => translator(lang);

// ————— staff hosts: inputs on which staff write their texts —————

const STAFF_TARGET: Record<StaffField, { page: 'detail' | 'publication'; name: string; needs: 'pending' | 'published' }> = {
  note: { page: 'detail', name: 'note', needs: 'pending' },
  reason: { page: 'detail', name: 'reason', needs: 'pending' },
  message: { page: 'detail', name: 'message', needs: 'pending' },
  'public-title': { page: 'publication', name: 'title', needs: 'published' },
  'public-summary': { page: 'publication', name: 'summary', needs: 'published' },
  'public-body': { page: 'publication', name: 'body', needs: 'published' },
  'unpublish-reason': { page: 'publication', name: 'reason', needs: 'published' },
};

async function makeHost(state: 'pending' | 'published', lang: Lang, tag: string) {
  const made = await createTestSubmission(portal.db, keepForum, { publishName: true, title: `Host of ${tag}`, body: 'Migrant workers need access to justice.' }, lang);
  const [row] = await portal.db.select().from(submissions).where(eq(submissions.id, made.id));
  if (state === 'published') {
    const result = await decide(portal.db, { submissionId: made.id, expectedVersion: row.version, staffId: moderator.id, request: { decision: 'accepted' } });
    if (!result.ok) throw new Error(`host not accepted: ${result.reason}`);
  }
  return { id: made.id, statusToken: made.statusToken, email: row.email, reference: made.reference };
}

const sharedHosts = new Map<string, Awaited<ReturnType<typeof makeHost>>>();
async function sharedHost(state: 'pending' | 'published') {
  if (!sharedHosts.has(state)) sharedHosts.set(state, await makeHost(state, 'en', `shared-${state}`));
  return sharedHosts.get(state)!;
}

async function staffPost(p: string, fields: Record<string, string>, encoding?: 'multipart') {
  const all = { ...fields, csrf: staffHttp.csrf };
  let body: BodyInit;
  const headers: Record<string, string> = { Origin: portal.appUrl, Cookie: staffHttp.cookie };
  if (encoding === 'multipart') {
    const built = multipart(Object.entries(all).map(([name, value]) => ({ name, value })));
    body = new Blob([built.body]);
    headers['Content-Type'] = built.headers['Content-Type'];
  } else {
    body = new URLSearchParams(all).toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  return fetch(url(p), { method: 'POST', body, redirect: 'manual', headers });
}

async function sendStaffText(field: StaffField, value: string, lang: Lang, host: { id: string }, encoding?: 'multipart') {
  const [row] = await portal.db.select().from(submissions).where(eq(submissions.id, host.id));
  const detail = `/${lang}/staff/submissions/${host.id}`;
  switch (field) {
    case 'note':
      return staffPost(detail, { intent: 'note', note: value }, encoding);
    case 'reason':
      return staffPost(detail, { intent: 'reject', category: 'out_of_scope', reason: value, version: String(row.version) }, encoding);
    case 'message':
      return staffPost(detail, { intent: 'changes', message: value, version: String(row.version) }, encoding);
    case 'unpublish-reason':
      return staffPost(`${detail}/publication`, { intent: 'unpublish', reason: value }, encoding);
    default: {
      const page = await (await fetch(url(`${detail}/publication`), { headers: { Cookie: staffHttp.cookie } })).text();
      const basis = /name="basis" value="([^"]*)"/.exec(page)?.[1] ?? '';
      const current = { title: row.publicTitle ?? row.title, summary: row.publicSummary ?? row.summary, body: row.publicBody ?? row.body };
      const name = STAFF_TARGET[field].name as 'title' | 'summary' | 'body';
      return staffPost(`${detail}/publication`, { intent: 'save-version', basis, ...current, [name]: value }, encoding);
    }
  }
}

/** What a staff text was stored as. */
async function storedStaffText(field: StaffField, hostId: string): Promise<string | null> {
  if (field === 'note') {
    const [note] = await portal.db.select().from(staffNotes).where(eq(staffNotes.submissionId, hostId)).orderBy(desc(staffNotes.createdAt));
    return note?.body ?? null;
  }
  const [row] = await portal.db.select().from(submissions).where(eq(submissions.id, hostId));
  return { reason: row.decisionReason, message: row.decisionReason, 'public-title': row.publicTitle, 'public-summary': row.publicSummary, 'public-body': row.publicBody, 'unpublish-reason': row.unpublishReason }[field] ?? null;
}

// ————— sending one case —————

interface Sent {
  res: Response;
  email?: string;
  host?: Awaited<ReturnType<typeof makeHost>>;
  value?: string;
  fileBytes?: Uint8Array;
  fileName?: string;
}

async function send(hc: HostileCase, lang: Lang, c: CaseContext): Promise<Sent> {
  const forum = hc.expect.outcome === 'kept' ? keepForum : refuseForum;
  const freshEmail = `${hc.id}-${crypto.randomUUID().slice(0, 6)}@example.org`;
  const s = hc.send;
  switch (s.via) {
    case 'form': {
      const value = textOf(s.value, c);
      const email = s.field === 'email' ? value.trim() : freshEmail;
      let fields = withValues(validFields(freshEmail), [[s.field, value], ...(s.extra ?? [])]);
      if (s.intent) fields = [...fields, ['intent', s.intent]];
      if (s.encoding === 'multipart') {
        const body = new FormData();
        for (const [k, v] of fields) body.append(k, v);
        return { res: await fetch(url(formPath(lang, forum)), { method: 'POST', body, redirect: 'manual', headers: { Origin: portal.appUrl, 'X-Forwarded-For': nextClient() } }), email, value };
      }
      return { res: await sendRaw(formPath(lang, forum), { body: urlencoded(fields) }, formHeaders()), email, value };
    }
    case 'form-raw':
      return { res: await sendRaw(formPath(lang, forum), s.build(validFields(freshEmail), c), formHeaders()), email: freshEmail };
    case 'api': {
      const value = typeof s.value === 'function' ? (s.value as (c: CaseContext) => unknown)(c) : s.value;
      const input = { ...sharedApiInput({ email: freshEmail, country: 'JO', publishName: true }), [s.member]: value, ...s.extra };
      const email = s.member === 'email' && typeof value === 'string' ? value.trim() : freshEmail;
      const res = await sendRaw(`/api/v1/forums/${forum.slug}/submissions`, { body: JSON.stringify(input) }, apiHeaders(lang));
      return { res, email, value: typeof value === 'string' ? value : undefined };
    }
    case 'api-raw':
      return { res: await sendRaw(`/api/v1/forums/${forum.slug}/submissions`, s.build(sharedApiInput({ email: freshEmail, country: 'JO', publishName: true }), c), apiHeaders(lang)), email: freshEmail };
    case 'file': {
      const bytes = await s.bytes(c);
      const name = textOf(s.name, c);
      const fields = validFields(freshEmail);
      if (s.disposition) {
        const built = multipart([...fields.map(([n, value]) => ({ name: n, value })), { name: 'attachments', value: bytes, rawDisposition: s.disposition(c), type: 'application/octet-stream' }]);
        return { res: await sendRaw(formPath(lang, forum), built, { Origin: portal.appUrl, 'X-Forwarded-For': nextClient() }), email: freshEmail, fileBytes: bytes, fileName: name };
      }
      const body = new FormData();
      for (const [k, v] of fields) body.append(k, v);
      body.append('attachments', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), name);
      const res = await fetch(url(formPath(lang, forum)), { method: 'POST', body, redirect: 'manual', headers: { Origin: portal.appUrl, 'X-Forwarded-For': nextClient() } });
      return { res, email: freshEmail, fileBytes: bytes, fileName: name };
    }
    case 'staff': {
      const value = textOf(s.value, c);
      const needs = STAFF_TARGET[s.field].needs;
      // A kept text gets an input of its own (decisions are final), except notes, which add up.
      const host = hc.expect.outcome === 'kept' && s.field !== 'note' ? await makeHost(needs, lang, hc.id) : await sharedHost(needs);
      return { res: await sendStaffText(s.field, value, lang, host, s.encoding), host, value };
    }
    case 'search': {
      const query = textOf(s.query, c);
      const target = { page: `/${lang}/inputs?${query}`, api: `/api/v1/inputs?${query}`, staff: `/${lang}/staff?${query}` }[s.where];
      return { res: await fetch(url(target), { headers: { 'Accept-Language': lang, Cookie: s.where === 'staff' ? staffHttp.cookie : '' }, redirect: 'manual' }) };
    }
  }
}

const apiHeaders = (lang: Lang) => ({ 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), 'Accept-Language': lang, 'X-Forwarded-For': nextClient() });

// ————— checking one case —————

async function expectRefused(hc: HostileCase, expected: Refused, lang: Lang, sent: Sent) {
  const t = tFor(lang);
  const body = await sent.res.text();
  expect(sent.res.status, body.slice(0, 300)).toBe(expected.status);
  const via = hc.send.via;
  if (via === 'api' || via === 'api-raw') {
    expect(sent.res.headers.get('content-type')).toBe('application/problem+json');
    const problem = JSON.parse(body);
    expect(problem.type).toBe(`/api/v1/problems/${expected.problem ?? 'validation-failed'}`);
    if (expected.field === 'form') {
      expect(problem.detail).toBe(t(expected.key, { max: 512 * 1024 }));
    } else {
      const error = (problem.errors as Array<{ field: string; key: string; message: string }>).find((e) => e.field === expected.field);
      expect(error, JSON.stringify(problem.errors)).toEqual({ field: expected.field, pointer: `/${expected.field}`, key: expected.key, message: t(expected.key) });
    }
    return;
  }
  if (via === 'staff' && expected.field === 'form') {
    // A staff form that could not be read at all: a page saying so, in the page's language.
    expect(body).toContain(`<h1>${asHtmlText(t('formRefused.title'))}</h1><p>${asHtmlText(t(expected.key))}</p>`);
    return;
  }
  const field = via === 'staff' ? STAFF_TARGET[hc.send.field].name : expected.field;
  const fileName = via === 'file' && sent.fileName ? sent.fileName.split(/[\\/]/).pop() : undefined;
  const message = expected.key === 'attachment.tooMany' ? t(expected.key, { count: 1 }) : t(expected.key);
  expectMessageOnPage(body, field, message, fileName && expected.key !== 'attachment.expired' ? fileName.replace(/^[.\s]+/, '') : undefined);
}

async function expectKept(hc: HostileCase, lang: Lang, c: CaseContext, sent: Sent) {
  const s = hc.send;
  const expected = hc.expect.outcome === 'kept' ? hc.expect : undefined;
  if (!expected) return;
  const body = await sent.res.text();
  if (s.via === 'staff') {
    expect(sent.res.status, body.slice(0, 500)).toBe(302);
    const stored = await storedStaffText(s.field, sent.host!.id);
    expect(stored).toBe(expected.stored !== undefined ? textOf(expected.stored, c) : sent.value!.trim());
    if (hc.script) {
      const decided = s.field === 'reason' || s.field === 'message';
      followed.push({
        id: hc.id,
        lang,
        submissionId: sent.host!.id,
        email: sent.host!.email,
        statusToken: sent.host!.statusToken,
        decided: decided || STAFF_TARGET[s.field].needs === 'published',
        changesRequested: s.field === 'message',
        shownOnStatus: s.field === 'reason' || s.field === 'message' || s.field === 'unpublish-reason',
      });
    }
    return;
  }
  const api = s.via === 'api' || s.via === 'api-raw';
  if (s.via === 'form' && s.intent === 'draft') {
    expect(sent.res.status, body.slice(0, 500)).toBe(302);
    const [draft] = await portal.db.select().from(drafts).where(eq(drafts.email, sent.email!));
    expect(draft.values[s.field]).toBe(sent.value);
    if (hc.script) followed.push({ id: hc.id, lang, draftEmail: sent.email });
    return;
  }
  expect(sent.res.status, body.slice(0, 500)).toBe(api ? 201 : 302);
  const row = await submissionByEmail(sent.email!);
  expect(row, 'the input is stored').toBeDefined();
  if ((s.via === 'form' || s.via === 'api') && sent.value !== undefined) {
    const field = s.via === 'form' ? s.field : s.member;
    const want = expected.stored !== undefined ? textOf(expected.stored, c) : ['title', 'contactName', 'organisation', 'email'].includes(field) ? sent.value.trim() : sent.value;
    const got = (row as Record<string, unknown>)[field];
    // Byte for byte: the same UTF-8, not merely the same-looking text.
    expect(Buffer.from(String(got), 'utf8').equals(Buffer.from(want, 'utf8')), `${field} kept byte for byte`).toBe(true);
    expect(got).toBe(want);
  }
  if (s.via === 'file') {
    const [file] = await portal.db.select().from(attachments).where(eq(attachments.submissionId, row!.id));
    expect(file, 'the file is stored').toBeDefined();
    expect(file.fileName).toBe(expected.stored !== undefined ? textOf(expected.stored, c) : sent.fileName);
    expect(file.sha256).toBe(sha256(sent.fileBytes!));
  }
  if (expected.row) {
    const want = Object.fromEntries(Object.entries(expected.row).map(([k, v]) => [k, v === '$lang' ? lang : v]));
    expect(row).toMatchObject(want);
  }
  const asTitle = (s.via === 'form' || s.via === 'api') && (s.via === 'form' ? s.field : s.member) === 'title';
  const shownOnStatus = s.via === 'file' || asTitle;
  if (hc.script) followed.push({ id: hc.id, lang, submissionId: row!.id, email: row!.email, keepPending: followed.length % 4 === 3, api, shownOnStatus, title: asTitle ? row!.title : undefined });
}

async function expectAnswered(hc: HostileCase, lang: Lang, c: CaseContext, sent: Sent) {
  if (hc.expect.outcome !== 'answered') return;
  const body = await sent.res.text();
  if (hc.expect.status !== undefined) expect(sent.res.status, body.slice(0, 300)).toBe(hc.expect.status);
  if (hc.expect.problem) {
    const problem = JSON.parse(body);
    expect(problem.type).toBe(`/api/v1/problems/${hc.expect.problem}`);
    expect(problem.title).toBe(tFor(lang)('api.problem.invalidQuery'));
  }
  if (hc.expect.shows !== undefined) expect(body).toContain(`value="${asHtmlText(textOf(hc.expect.shows, c))}"`);
  if (hc.script && hc.send.via === 'search') followed.push({ id: hc.id, lang, searchUrl: `/${lang}/${hc.send.where === 'staff' ? 'staff' : 'inputs'}?${textOf(hc.send.query, c)}` });
}

const CASES = CORPUS.map((hc, i) => {
  const lang: Lang = i % 3 === 1 ? 'ar' : 'en';
  return [`${hc.class} · ${hc.target} · ${hc.id} [${lang}] → ${hc.expect.outcome}`, hc, lang] as const;
});

describe('the hostile-input corpus', () => {
  it('holds at least 150 concrete cases, in every class of the design note', () => {
    const counts = countsByClass();
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    for (const [cls, n] of Object.entries(counts)) expect(n, cls).toBeGreaterThanOrEqual(3);
  });

  it.each(CASES)('%s', async (_name, hc, lang) => {
    const c = contextOf(hc.id);
    // The input a refused staff text is written on exists before counting.
    if (hc.send.via === 'staff' && hc.expect.outcome === 'refused') await sharedHost(STAFF_TARGET[hc.send.field].needs);
    const before = hc.expect.outcome === 'refused' ? await storedCounts() : undefined;
    const sent = await send(hc, lang, c);
    expect(sent.res.status, 'never a server error').toBeLessThan(500);
    if (hc.expect.outcome === 'refused') {
      await expectRefused(hc, hc.expect, lang, sent);
      expect(await storedCounts(), 'nothing stored half-way').toEqual(before);
    } else if (hc.expect.outcome === 'kept') {
      await expectKept(hc, lang, c, sent);
    } else {
      await expectAnswered(hc, lang, c, sent);
    }
  });

  it('stored nothing at all for the forum that got only refusals', async () => {
    const [row] = await portal.db.select({ n: count() }).from(submissions).where(eq(submissions.forumId, refuseForum.id));
    expect(row.n).toBe(0);
    const [files] = await portal.db.select({ n: count() }).from(attachments).where(eq(attachments.forumId, refuseForum.id));
    expect(files.n).toBe(0);
  });
});

// ————— "nothing executed" —————

/** A context with the portal's CSP off: what is tested is that no page ever makes markup of text. */
async function openContext(): Promise<{ context: BrowserContext; problems: string[] }> {
  browser ??= await launchChromium();
  const context = await browser.newContext({ bypassCSP: true });
  const problems: string[] = [];
  context.on('page', (p) => p.on('pageerror', (e) => problems.push(`script error on ${p.url()}: ${e.message}`)));
  return { context, problems };
}

/**
 * Opens each address in a few tabs at once (each must answer 200, so the oracle is not looking at an
 * error page); collects what the DOM oracle finds, and checks headings that must show a text exactly.
 */
async function visitAll(context: BrowserContext, addresses: string[], findings: string[], headings = new Map<string, string>()) {
  const queue = [...new Set(addresses)];
  const worker = async () => {
    const page = await context.newPage();
    for (let next = queue.shift(); next; next = queue.shift()) {
      const res = await page.goto(next, { waitUntil: 'load' }).catch((e: Error) => e);
      if (res instanceof Error) {
        findings.push(`${next}: ${res.message.split('\n')[0]}`);
        continue;
      }
      expect(res?.status() ?? 0, next).toBe(200);
      const heading = headings.get(next);
      if (heading !== undefined) expect(await page.locator('h1').first().textContent(), next).toBe(heading);
      await page.waitForTimeout(30);
      for (const f of await page.evaluate(domFindings, canary.host)) findings.push(`${next}: ${f}`);
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

const mailCache = new Map<string, ParsedMail>();
/** Every captured message to these addresses (parsed once; only messages sent since this file started). */
async function mailsTo(addresses: Iterable<string>): Promise<Array<ParsedMail & { file: string }>> {
  const dir = inject('mailCaptureDir');
  const wanted = new Set([...addresses].map((a) => a.toLowerCase()));
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.eml') || mailCache.has(name) || Number(name.slice(0, 15)) < startedAt - 1000) continue;
    mailCache.set(name, await simpleParser(await readFile(path.join(dir, name))));
  }
  return [...mailCache.entries()]
    .filter(([, m]) => [m.to].flat().some((a) => a?.value.some((v) => wanted.has((v.address ?? '').toLowerCase()))))
    .map(([file, m]) => Object.assign(m, { file }));
}

const statusLinkIn = (mail: ParsedMail) => /\/(?:en|ar|fr|es|ru|zh)\/status\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')?.[1];

async function pdfBytesOf(address: string): Promise<Uint8Array> {
  const res = await fetch(url(address));
  expect(res.status, address).toBe(200);
  expect(res.headers.get('content-type'), address).toBe('application/pdf');
  return new Uint8Array(await res.arrayBuffer());
}

describe('nothing executed', () => {
  const controls = SCRIPT_PAYLOADS.filter((p) => p.control !== 'none');
  let controls$: Promise<BrowserContext> | undefined;
  afterAll(async () => (await controls$)?.close());
  // Each in its own page, a few at a time: a control's calls carry its own id.
  it.concurrent.for(controls.map((p) => [p.kind, p] as const))('control: %s, set unescaped into a page, does reach the oracles', async ([kind, p], { expect }) => {
    const id = `control-${kind.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const payload = p.make(contextOf(id));
    if (p.control === 'pdf') {
      // A PDF writer that let the text out of its string: the PDF oracle sees the action.
      const doc = await PDFDocument.create();
      doc.addPage();
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'URI', URI: PDFString.of(`${canary.base}/c/${id}`) }));
      expect(await pdfFindings(await doc.save(), canary.host)).not.toEqual([]);
      return;
    }
    const html = typeof p.control === 'function' ? p.control(payload) : `<!doctype html><html><head><title>control</title></head><body><div>${payload}</div></body></html>`;
    controls$ ??= openContext().then((o) => o.context);
    const controlPage = await (await controls$).newPage();
    await controlPage.goto(pageServer.put(id, html), { waitUntil: 'load', timeout: 5_000 }).catch(() => undefined);
    const heard = () => canary.hits.filter((h) => h.includes(`/c/${id}`)).length;
    // A payload that navigates away (a refresh) leaves no page to look into: the canary heard it then.
    const found = await Promise.race([
      controlPage.evaluate(domFindings, canary.host).catch(() => [] as string[]),
      new Promise<string[]>((resolve) => setTimeout(() => resolve([]), 2_000)),
    ]);
    if (found.length === 0) await expect.poll(heard, { timeout: 2_000, interval: 50 }).toBeGreaterThan(0);
    expect(heard() + found.length, `${kind}: the canary heard ${heard()}, the DOM showed ${found.join(' ')}`).toBeGreaterThan(0);
    // Not awaited for long: a page that is being sent elsewhere (a refresh) can take its time to close.
    await Promise.race([controlPage.close({ runBeforeUnload: false }).catch(() => undefined), new Promise((r) => setTimeout(r, 500))]);
  });

  it('Chromium opens every page, e-mail and PDF that shows the kept payloads, and the canary hears nothing', { timeout: 240_000 }, async () => {
    const { context, problems } = await openContext();
    const findings: string[] = [];
    const hitsBefore = canary.hits.length;

    // One input sent from the form in Chromium, with JavaScript: each text field and a file name carry
    // a payload, the file goes up at once and its section is put in place by the page's script.
    const browserId = 'browser-form';
    const b = contextOf(browserId);
    const typed = {
      contactName: `"><img src=x onerror="fetch('${b.canary}/name')">`,
      organisation: `<svg onload="fetch('${b.canary}/org')"></svg>`,
      title: `</title><script src="${b.canary}/title"></script>`,
      summary: `<style>@import url("${b.canary}/summary");</style>`,
      body: `<iframe srcdoc="<img src='${b.canary}/body'>"></iframe>\n{{constructor.constructor('fetch("${b.canary}/tpl")')()}}`,
    };
    const browserEmail = `browser-form-${crypto.randomUUID().slice(0, 6)}@example.org`;
    const page = await context.newPage();
    const loadedAt = Date.now();
    await page.goto(url(`/ar/forums/${keepForum.slug}/submit`), { waitUntil: 'load' });
    await page.locator('input[name="submitterType"][value="organisation"]').check();
    for (const [name, value] of Object.entries(typed)) await page.locator(`[name="${name}"]`).fill(value);
    await page.locator('input[name="email"]').fill(browserEmail);
    await page.locator('select[name="constituency"]').selectOption('civil_society');
    await page.locator('select[name="country"]').selectOption('JO');
    await page.locator('select[name="language"]').selectOption('en');
    await page.locator('input[name="objectives"][value="23"]').check();
    for (const box of ['consentPublication', 'publishName', 'publishOrganisation', 'publishAttachments']) await page.locator(`input[name="${box}"]`).check();
    const uploadName = `<img src=x onerror=fetch('http:&#47;&#47;${canary.host}&#47;c&#47;${browserId}-file')>.pdf`;
    const onePage = await PDFDocument.create();
    onePage.addPage();
    await page.locator('input[name="attachments"]').setInputFiles({ name: uploadName, mimeType: 'application/pdf', buffer: Buffer.from(await onePage.save()) });
    await expect.poll(() => page.locator('input[name="attachment"]').count()).toBe(1);
    for (const f of await page.evaluate(domFindings, canary.host)) findings.push(`form after upload: ${f}`);
    await page.waitForTimeout(Math.max(0, loadedAt + 3_500 - Date.now()));
    await page.locator('form[method="post"] button[type="submit"]:not([name])').click();
    await page.waitForURL((u) => u.pathname.endsWith('/received'), { waitUntil: 'load' });
    for (const f of await page.evaluate(domFindings, canary.host)) findings.push(`received page: ${f}`);
    const sentRow = await eventually(() => submissionByEmail(browserEmail), 10_000, 'the input sent from Chromium');
    for (const [field, value] of Object.entries(typed)) expect((sentRow as Record<string, unknown>)[field], field).toBe(field === 'body' ? value.replace(/\n/g, '\r\n') : value);
    const [uploaded] = await portal.db.select().from(attachments).where(eq(attachments.submissionId, sentRow.id));
    expect(uploaded.fileName).toBe(uploadName);
    followed.push({ id: browserId, lang: 'ar', submissionId: sentRow.id, email: browserEmail, shownOnStatus: true });
    await page.close();

    // Each submitter confirms with the link from the confirmation e-mail.
    const toConfirm = followed.filter((f) => f.email && !f.statusToken);
    const confirmations = await eventually(async () => {
      const mails = await mailsTo(toConfirm.map((f) => f.email!));
      return toConfirm.every((f) => mails.some((m) => [m.to].flat().some((a) => a?.value.some((v) => v.address === f.email)))) ? mails : undefined;
    }, 60_000, 'every confirmation e-mail');
    for (const f of toConfirm) {
      const mail = confirmations.find((m) => [m.to].flat().some((a) => a?.value.some((v) => v.address === f.email)))!;
      f.statusToken = statusLinkIn(mail);
      expect(f.statusToken, `status link for ${f.id}`).toBeDefined();
      const res = await fetch(url(`/${f.lang}/status/${f.statusToken}`), { method: 'POST', body: new URLSearchParams({ intent: 'confirm' }), headers: { Origin: portal.appUrl }, redirect: 'manual' });
      expect(res.status, f.id).toBe(302);
    }

    // A moderator accepts most of them (published at once); a few stay in the queue.
    for (const f of followed.filter((x) => x.submissionId && !x.decided && !x.keepPending)) {
      const [row] = await portal.db.select().from(submissions).where(eq(submissions.id, f.submissionId!));
      // Notes share one input: accepted once.
      if (row.decision !== 'pending') continue;
      const res = await staffPost(`/en/staff/submissions/${f.submissionId}`, { intent: 'accept', version: String(row.version) });
      expect(res.status, f.id).toBe(302);
    }
    const acceptedRows = await portal.db.select({ id: submissions.id, publishedAt: submissions.publishedAt }).from(submissions).where(and(eq(submissions.forumId, keepForum.id), eq(submissions.decision, 'accepted')));
    const accepted = new Set(acceptedRows.map((r) => r.id));
    const published = new Set(acceptedRows.filter((r) => r.publishedAt).map((r) => r.id));

    // The drafts' link e-mails bring the forms back.
    const draftLinks: string[] = [];
    for (const f of followed.filter((x) => x.draftEmail)) {
      const [mail] = await eventually(async () => { const m = await mailsTo([f.draftEmail!]); return m.length ? m : undefined; }, 30_000, 'the draft link');
      const link = /https?:\/\/\S+\/submit\?draft=[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0];
      expect(link, 'draft link').toBeDefined();
      draftLinks.push(link!.replace(/^https?:\/\/[^/]+/, portal.appUrl));
    }

    // Every page that shows them.
    const withInput = followed.filter((f) => f.submissionId);
    const refs = new Map((await portal.db.select({ id: submissions.id, reference: submissions.reference }).from(submissions).where(eq(submissions.forumId, keepForum.id))).map((r) => [r.id, r.reference]));
    const pages: string[] = [...draftLinks, ...followed.filter((f) => f.searchUrl).map((f) => url(f.searchUrl!))];
    const headings = new Map<string, string>();
    for (const f of withInput) {
      if (f.shownOnStatus) pages.push(url(`/${f.lang}/status/${f.statusToken}`));
      pages.push(url(`/${f.lang}/staff/submissions/${f.submissionId}`));
      if (f.title !== undefined) headings.set(url(`/${f.lang}/staff/submissions/${f.submissionId}`), f.title);
      if (published.has(f.submissionId!)) pages.push(url(`/${f.lang}/inputs/${refs.get(f.submissionId!)}`));
      if (published.has(f.submissionId!) && f.title !== undefined) headings.set(url(`/${f.lang}/inputs/${refs.get(f.submissionId!)}`), f.title);
      if (accepted.has(f.submissionId!) && !f.api) pages.push(url(`/${f.lang}/staff/submissions/${f.submissionId}/publication`));
      if (f.changesRequested) pages.push(url(`/${f.lang}/status/${f.statusToken}/edit`));
    }
    for (const stage of ['pending', 'accepted', 'rejected', 'changes_requested']) {
      for (const order of ['oldest', 'newest']) pages.push(url(`/en/staff?forum=${keepForum.id}&stage=${stage}&order=${order}`));
    }
    for (const q of ['fetch', 'img', 'script', 'javascript']) pages.push(url(`/en/inputs?q=${q}`), url(`/ar/forums/${keepForum.slug}?q=${q}`));
    pages.push(url(`/en/forums/${keepForum.slug}/feed.atom`), url('/en/feed.atom'), url('/ar/feed.atom'), url('/en/inputs'));
    // The listing, page by page.
    for (let next: string | undefined = `/en/forums/${keepForum.slug}`; next; ) {
      pages.push(url(next));
      const html: string = await (await fetch(url(next))).text();
      next = /<a[^>]*href="([^"]*after=[^"]*)"[^>]*rel="next"|rel="next"[^>]*href="([^"]*)"/.exec(html)?.slice(1).find(Boolean)?.replace(/&amp;/g, '&');
    }
    const staffPage = await context.newPage();
    await signInInBrowser(staffPage, portal.appUrl, moderator);
    await staffPage.close();
    await visitAll(context, pages, findings, headings);
    expect(headings.size, 'titles checked on their pages').toBeGreaterThan(10);

    // Every e-mail to them, as a mail client shows its HTML (a page of its own origin, scripts allowed).
    const addresses = withInput.map((f) => f.email!);
    await eventually(async () => {
      const mails = await mailsTo(addresses);
      // The confirmation, the acknowledgement with its receipt, and the decision for accepted ones.
      const wanted = withInput.map((f) => (accepted.has(f.submissionId!) || f.decided ? 3 : 2));
      return withInput.every((f, i) => mails.filter((m) => [m.to].flat().some((a) => a?.value.some((v) => v.address === f.email))).length >= wanted[i]);
    }, 120_000, 'every acknowledgement and decision e-mail');
    const mails = await mailsTo(addresses);
    const mailPages: string[] = [];
    for (const mail of mails) {
      // One recipient, no copies, a one-line subject: nothing reached the headers.
      expect([mail.to].flat().flatMap((a) => a?.value ?? [])).toHaveLength(1);
      expect(mail.cc).toBeUndefined();
      expect(mail.bcc).toBeUndefined();
      expect(mail.subject ?? '').not.toMatch(/[\r\n]/);
      // Every payload spells the canary's address: a message without it (even as text) has none to run.
      if (typeof mail.html === 'string' && mail.html.includes(canary.host)) mailPages.push(pageServer.put(mail.file, mail.html));
    }
    expect(mailPages.length, 'e-mails showing the payloads').toBeGreaterThan(withInput.length / 2);
    await visitAll(context, mailPages, findings);
    // The receipts and the publication PDFs.
    for (const f of withInput) {
      for (const f2 of await pdfFindings(await pdfBytesOf(`/${f.lang}/status/${f.statusToken}/receipt`), canary.host)) findings.push(`receipt of ${f.id}: ${f2}`);
      if (published.has(f.submissionId!)) {
        for (const f2 of await pdfFindings(await pdfBytesOf(`/${f.lang}/inputs/${refs.get(f.submissionId!)}/pdf`), canary.host)) findings.push(`publication PDF of ${f.id}: ${f2}`);
      }
    }

    // A text file holding HTML is only ever a download: never shown in the portal's origin.
    const [htmlFile] = await portal.db.select().from(attachments).where(and(eq(attachments.forumId, keepForum.id), eq(attachments.fileName, 'notes.txt')));
    if (htmlFile) {
      const res = await fetch(url(`/en/staff/submissions/${htmlFile.submissionId}/attachments/${htmlFile.id}`), { headers: { Cookie: staffHttp.cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
      await res.arrayBuffer();
    }

    await new Promise((r) => setTimeout(r, 1_000));
    expect(findings, 'markup that could run or call out').toEqual([]);
    expect(canary.hits.slice(hitsBefore).filter((h) => !h.includes('/c/control-')), 'requests the canary heard').toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
