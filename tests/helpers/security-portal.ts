/**
 * The portal the security suite (tests/e2e/security-*.test.ts) runs against, and its helpers.
 * `securityPortal(redisDb)` registers beforeAll/afterAll in the calling file: a running portal on
 * its own database, two forums, three staff (an admin, a moderator of every forum, a moderator of
 * the other forum only), five inputs in different states each with a file, and the admin's and
 * moderator's sessions. `secrets` collects what a file hands its portal that is personal or secret;
 * security-headers-and-data.test.ts checks that none of its own reaches a log or a job.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { parseWebEnv } from '../../app/lib/web-env.server';
import { localFileStore } from '../../app/modules/attachments/file-store';
import { decide } from '../../app/modules/moderation/decide';
import { unpublishSubmission } from '../../app/modules/publication/publish';
import { withdrawSubmission } from '../../app/modules/submissions/withdraw';
import { attachments, staffForumAssignments, staffUsers, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { launchChromium } from './browser';
import { portalEnv } from './processes';
import { startPortalUnderTest } from './portal-under-test';
import { createStaff, signInOverHttp, type TestStaff } from './staff';

export const secret = parseWebEnv(portalEnv()).SESSION_SECRET;
export const EVIL = 'https://evil.example';

export type Input = Awaited<ReturnType<typeof createTestSubmission>> & { title: string; summary: string; email: string; contactName: string; file?: string };
type Session = { cookie: string; csrf: string };

export interface SecurityPortal {
  portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
  forum: Forum;
  /** The only forum `scoped` moderates. */
  otherForum: Forum;
  admin: TestStaff;
  moderator: TestStaff;
  scoped: TestStaff;
  /** Published, with a file whose publication the submitter agreed to. */
  published: Input;
  /** Confirmed and waiting for a decision, with a file. */
  pending: Input;
  /** Taken back by the submitter before any decision, with a file. */
  withdrawn: Input;
  /** Published, then withdrawn from publication by staff, with a file. */
  unpublished: Input;
  /** In the forum the scoped moderator moderates, with a file. */
  elsewhere: Input;
  adminSession: Session;
  moderatorSession: Session;
  /** Everything personal or secret this file hands the portal: none of it may reach a log or a job. */
  secrets: string[];
  url: (p: string) => string;
  get: (p: string, headers?: Record<string, string>) => Promise<Response>;
  postForm: (p: string, fields: Record<string, string>, headers?: Record<string, string | undefined>) => Promise<Response>;
  newInput: (inForum: Forum, tag: string, overrides?: { publishAttachments?: boolean }) => Promise<Input>;
  passwordStep: (who: TestStaff, cookie?: string, ip?: string) => Promise<{ res: Response; cookie: string; csrf: string }>;
}

export const withCookie = (cookie: string | undefined): Record<string, string> => (cookie ? { Cookie: cookie } : {});

/** The name, value and attributes (lower-case names) of one Set-Cookie line. */
export function parseSetCookie(line: string) {
  const [pair, ...rest] = line.split(';').map((s) => s.trim());
  const at = pair.indexOf('=');
  const attributes = new Map<string, string>();
  for (const a of rest) {
    const i = a.indexOf('=');
    attributes.set((i < 0 ? a : a.slice(0, i)).toLowerCase(), i < 0 ? '' : a.slice(i + 1));
  }
  return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes };
}

export const cookiePair = (res: Response, name: string) => res.headers.getSetCookie().map(parseSetCookie).find((c) => c.name === name);

/**
 * A client address of its own for each sign-in that needs no particular one: the throttle counts
 * every attempt per account and address, and these files sign the same people in many times.
 */
let addresses = 0;
export const nextAddress = () => `192.0.2.${++addresses}`;

/** The portal and its data, set up before the calling file's tests and stopped after them. */
export function securityPortal(redisDb: number): SecurityPortal;
export function securityPortal(redisDb: number, options: { browser: true }): SecurityPortal & { browser: Browser };
export function securityPortal(redisDb: number, options: { browser?: boolean } = {}): SecurityPortal & { browser?: Browser } {
  const url = (p: string) => `${ctx.portal.appUrl}${p}`;
  const get = (p: string, headers: Record<string, string> = {}) => fetch(url(p), { redirect: 'manual', headers });

  /** Posts a form with the given cookie and headers (same-origin unless the headers say otherwise). */
  function postForm(p: string, fields: Record<string, string>, headers: Record<string, string | undefined> = {}) {
    const h: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    for (const [k, v] of Object.entries({ Origin: ctx.portal.appUrl, ...headers })) if (v !== undefined) h[k] = v;
    return fetch(url(p), { method: 'POST', redirect: 'manual', headers: h, body: new URLSearchParams(fields) });
  }

  async function newInput(inForum: Forum, tag: string, overrides: { publishAttachments?: boolean } = {}): Promise<Input> {
    const unique = crypto.randomUUID().slice(0, 8);
    const fields = {
      title: `Security ${tag} title ${unique}`,
      summary: `Security ${tag} summary ${unique}`,
      email: `security-${tag}-${unique}@example.org`,
      contactName: `Contact ${tag} ${unique}`,
    };
    const created = await createTestSubmission(ctx.portal.db, inForum, { ...fields, publishAttachments: true, ...overrides });
    ctx.secrets.push(fields.email, fields.contactName, created.statusToken);
    return { ...created, ...fields };
  }

  /** Signs in with the password only: the cookie of the step reached, and the CSRF token its pages carry. */
  async function passwordStep(who: TestStaff, cookie?: string, ip = nextAddress()) {
    const res = await postForm('/en/staff/login', { email: who.email, password: who.password }, { ...withCookie(cookie), 'X-Forwarded-For': ip });
    expect(res.status).toBe(302);
    const set = cookiePair(res, 'staff_session');
    if (!set) throw new Error('no session cookie after the password');
    const next = `staff_session=${set.value}`;
    const page = await (await get('/en/staff/login/code', { Cookie: next })).text();
    return { res, cookie: next, csrf: /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '' };
  }

  async function attachFile(input: Input, inForum: Forum, name: string): Promise<string> {
    const source = path.join(os.tmpdir(), `security-${crypto.randomUUID()}.txt`);
    const bytes = `Notes of ${input.title}\n`;
    writeFileSync(source, bytes);
    const storageKey = await localFileStore(path.join(ctx.portal.dataDir, 'files')).put(source);
    const [row] = await ctx.portal.db
      .insert(attachments)
      .values({ forumId: inForum.id, submissionId: input.id, storageKey, fileName: name, kind: 'txt', mediaType: 'text/plain', sizeBytes: Buffer.byteLength(bytes), sha256: '0'.repeat(64) })
      .returning();
    input.file = row.id;
    return row.id;
  }

  // The data fields are filled in by beforeAll, before any test reads them.
  const ctx = { secrets: [], url, get, postForm, newInput, passwordStep } as unknown as SecurityPortal & { browser?: Browser };

  beforeAll(async () => {
    const portal = (ctx.portal = await startPortalUnderTest(redisDb));
    const forum = (ctx.forum = await createForum(portal.db, 'open', { attachmentRules: { allowedTypes: ['pdf', 'txt'], maxSizeMb: 1, maxCount: 2 } }));
    const otherForum = (ctx.otherForum = await createForum(portal.db, 'open'));
    const admin = (ctx.admin = await createStaff(portal.db, { email: 'security-admin@un.example', displayName: 'Security Admin', role: 'admin' }));
    const moderator = (ctx.moderator = await createStaff(portal.db, { email: 'security-mod@un.example', displayName: 'Security Moderator', role: 'moderator' }));
    const scoped = (ctx.scoped = await createStaff(portal.db, { email: 'security-scoped@un.example', role: 'moderator' }));
    await portal.db.update(staffUsers).set({ allForums: false }).where(eq(staffUsers.id, scoped.id));
    await portal.db.insert(staffForumAssignments).values({ staffId: scoped.id, forumId: otherForum.id });
    ctx.secrets.push(admin.password, admin.totpSecret!);

    const published = (ctx.published = await newInput(forum, 'published'));
    await attachFile(published, forum, 'published-notes.txt');
    expect(await decide(portal.db, { submissionId: published.id, expectedVersion: 1, staffId: moderator.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
    const pending = (ctx.pending = await newInput(forum, 'pending'));
    await attachFile(pending, forum, 'pending-notes.txt');
    const withdrawn = (ctx.withdrawn = await newInput(forum, 'withdrawn'));
    await attachFile(withdrawn, forum, 'withdrawn-notes.txt');
    expect(await withdrawSubmission(portal.db, withdrawn.id)).toBe(true);
    const unpublished = (ctx.unpublished = await newInput(forum, 'unpublished'));
    await attachFile(unpublished, forum, 'unpublished-notes.txt');
    expect(await decide(portal.db, { submissionId: unpublished.id, expectedVersion: 1, staffId: moderator.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
    expect(await unpublishSubmission(portal.db, { submissionId: unpublished.id, staffId: moderator.id, reason: 'Names a child.' })).toBe('unpublished');
    const elsewhere = (ctx.elsewhere = await newInput(otherForum, 'elsewhere'));
    await attachFile(elsewhere, otherForum, 'elsewhere-notes.txt');

    ctx.adminSession = await signInOverHttp(portal.appUrl, admin);
    ctx.moderatorSession = await signInOverHttp(portal.appUrl, moderator);
    if (options.browser) ctx.browser = await launchChromium();
  });

  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.portal?.stop();
  });

  return ctx;
}

/**
 * None of the personal data and secrets this file's portal saw (addresses, passwords, tokens,
 * session cookies) is in its processes' output or anywhere in its Redis. Each file runs its own
 * portal, so each file ends with this check on its own.
 */
export async function expectNoSecretsOutside(ctx: SecurityPortal): Promise<void> {
  // A session cookie as sent, and the token inside it (Remix encodes cookie values as base64 JSON).
  const values = [...new Set(ctx.secrets)].flatMap((s) => {
    if (!s.startsWith('staff_session=')) return [s];
    const encoded = decodeURIComponent(s.slice('staff_session='.length));
    return [encoded, JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as string];
  });
  expect(values.length).toBeGreaterThan(10);
  const output = `${ctx.portal.web.output()}\n${ctx.portal.worker.output()}`;
  for (const value of values) expect(output.includes(value), `process output holds ${value.slice(0, 12)}…`).toBe(false);

  // Everything BullMQ keeps in Redis: job data, options, results, failure reasons, events.
  const redis = new Redis(ctx.portal.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const stored: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        if (type === 'hash') stored.push(...Object.values(await redis.hgetall(key)));
        else if (type === 'string') stored.push((await redis.get(key)) ?? '');
        else if (type === 'list') stored.push(...(await redis.lrange(key, 0, -1)));
        else if (type === 'set') stored.push(...(await redis.smembers(key)));
        else if (type === 'zset') stored.push(...(await redis.zrange(key, 0, -1)));
        else if (type === 'stream') stored.push(...(await redis.xrange(key, '-', '+')).flatMap(([, fields]) => fields));
        stored.push(key);
      }
    } while (cursor !== '0');
    expect(stored.length).toBeGreaterThan(0);
    const all = stored.join('\n');
    for (const value of values) expect(all.includes(value), `Redis holds ${value.slice(0, 12)}…`).toBe(false);
  } finally {
    redis.disconnect();
  }
}
