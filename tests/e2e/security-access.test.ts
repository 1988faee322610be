/**
 * Security, other people's inputs: no input, file or receipt reached through another one's address
 * or a status link that is not one; and the sign-in throttles answering 429 with Retry-After (the
 * submit form's 429: submit-abuse.test.ts; the API's: api-submit.test.ts).
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '../../app/modules/staff/sign-in';
import { submissions } from '../../db/schema';
import { REDIS_DB } from '../helpers/redis-databases';
import { expectNoSecretsOutside, securityPortal, type Input } from '../helpers/security-portal';
import { signInOverHttp } from '../helpers/staff';

const ctx = securityPortal(REDIS_DB.securityAccess);
const { get, postForm, passwordStep } = ctx;

describe('other people’s inputs, files and receipts', () => {
  /** A 404 that tells nothing about the inputs (their reference only where the address itself has it). */
  const notFoundWithout = async (p: string, res: Response, ...inputs: Input[]) => {
    const body = await res.text();
    expect(res.status, p).toBe(404);
    for (const input of inputs) {
      for (const text of [input.title, input.summary, input.email, input.contactName, ...(p.includes(input.reference) ? [] : [input.reference])]) {
        expect(body, p).not.toContain(text);
      }
    }
  };
  const getNotFound = async (p: string, inputs: Input[], headers: Record<string, string> = {}) => notFoundWithout(p, await get(p, headers), ...inputs);
  const wrongToken = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');

  it('answers a status link that is not one with a 404, and each link opens only its own input', async () => {
    for (const token of [wrongToken(), `${ctx.pending.statusToken.slice(0, -1)}${ctx.pending.statusToken.endsWith('A') ? 'B' : 'A'}`, ctx.pending.id, ctx.pending.reference]) {
      for (const p of [`/en/status/${token}`, `/en/status/${token}.data`, `/en/status/${token}/receipt`, `/en/status/${token}/data`, `/en/status/${token}/edit`]) {
        await getNotFound(p, [ctx.pending, ctx.published]);
      }
    }
    // Withdrawal, erasure and confirmation through a link that is not one change nothing.
    for (const intent of ['withdraw', 'erase', 'confirm']) {
      const p = `/en/status/${wrongToken()}`;
      await notFoundWithout(p, await postForm(p, { intent, confirm: 'yes' }), ctx.pending);
    }
    const [untouched] = await ctx.portal.db.select().from(submissions).where(eq(submissions.id, ctx.pending.id));
    expect(untouched).toMatchObject({ withdrawnAt: null, personalDataErasedAt: null });
    const page = await (await get(`/en/status/${ctx.pending.statusToken}`)).text();
    expect(page).toContain(ctx.pending.title);
    expect(page).not.toContain(ctx.published.title);
  });

  it('gives each status link its own receipt and data only', async () => {
    // The receipt is made by the worker after the address was confirmed.
    const receiptOf = async (input: Input) => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const res = await get(`/en/status/${input.statusToken}/receipt`);
        if (res.status === 200) return res;
        await res.body?.cancel();
        if (Date.now() > deadline) throw new Error(`no receipt for ${input.reference}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const mine = await receiptOf(ctx.pending);
    const theirs = await receiptOf(ctx.published);
    expect(mine.headers.get('content-disposition')).toBe(`attachment; filename="receipt-${ctx.pending.reference}.pdf"`);
    expect(theirs.headers.get('content-disposition')).toBe(`attachment; filename="receipt-${ctx.published.reference}.pdf"`);
    expect(Buffer.from(await mine.arrayBuffer()).equals(Buffer.from(await theirs.arrayBuffer()))).toBe(false);
    const data = await get(`/en/status/${ctx.pending.statusToken}/data`);
    const text = await data.text();
    expect(text).toContain(ctx.pending.email);
    expect(text).not.toContain(ctx.published.email);
    expect(text).not.toContain(ctx.published.title);
  });

  it('serves no file of an input that is not published, nor through another input’s address', async () => {
    const file = (reference: string, id: string) => `/en/inputs/${reference}/attachments/${id}`;
    // The one file the public may have: published, and its publication agreed to.
    expect((await get(file(ctx.published.reference, ctx.published.file!))).status).toBe(200);
    for (const other of [ctx.pending, ctx.withdrawn, ctx.unpublished, ctx.elsewhere]) {
      await getNotFound(file(other.reference, other.file!), [other]);
      await getNotFound(file(ctx.published.reference, other.file!), [other]);
    }
    await getNotFound(file(ctx.pending.reference, ctx.published.file!), [ctx.pending]);

    // Pages, PDFs and the API: a pending or withdrawn input is not there at all.
    for (const other of [ctx.pending, ctx.withdrawn]) {
      for (const p of [`/en/inputs/${other.reference}`, `/en/inputs/${other.reference}.data`, `/en/inputs/${other.reference}/pdf`, `/api/v1/inputs/${other.reference}`]) {
        await getNotFound(p, [other]);
      }
    }
    // One withdrawn from publication says so (410, by design: readers and feeds drop their copy),
    // and nothing more: neither its text nor who sent it.
    for (const p of [`/en/inputs/${ctx.unpublished.reference}`, `/en/inputs/${ctx.unpublished.reference}/pdf`]) {
      const res = await get(p);
      const body = await res.text();
      expect(res.status, p).toBe(410);
      for (const text of [ctx.unpublished.title, ctx.unpublished.summary, ctx.unpublished.email, ctx.unpublished.contactName]) expect(body, p).not.toContain(text);
    }
  });

  it('lets staff download a file only through the input it belongs to', async () => {
    const session = await signInOverHttp(ctx.portal.appUrl, ctx.scoped);
    ctx.secrets.push(session.cookie);
    const staffFile = (id: string, attachmentId: string) => `/en/staff/submissions/${id}/attachments/${attachmentId}`;
    expect((await get(staffFile(ctx.elsewhere.id, ctx.elsewhere.file!), { Cookie: session.cookie })).status).toBe(200);
    // Another forum's file through an input this moderator may open: not found.
    await getNotFound(staffFile(ctx.elsewhere.id, ctx.pending.file!), [ctx.pending], { Cookie: session.cookie });
    // The other forum's input itself: refused (staff-access.test.ts holds the rule).
    expect((await get(staffFile(ctx.pending.id, ctx.pending.file!), { Cookie: session.cookie })).status).toBe(403);
    // Even an admin gets a file only through its own input.
    await getNotFound(staffFile(ctx.published.id, ctx.pending.file!), [ctx.pending], { Cookie: ctx.adminSession.cookie });
  });
});

describe('rate limits', () => {
  it('answers a throttled sign-in with 429 and Retry-After, as a page and as a data request', async () => {
    const ip = '198.51.100.21';
    const attempt = (p = '/en/staff/login') => postForm(p, { email: ctx.moderator.email, password: 'not the password' }, { 'X-Forwarded-For': ip });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp.limit; i++) expect((await attempt()).status).toBe(401);
    for (const p of ['/en/staff/login', '/en/staff/login.data']) {
      const res = await attempt(p);
      expect(res.status, p).toBe(429);
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter, p).toBeGreaterThan(0);
      expect(retryAfter, p).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccountAndIp.windowSeconds);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.getSetCookie(), p).toEqual([]);
    }
  });

  it('answers a throttled sign-in code with 429 and Retry-After', async () => {
    const ip = '198.51.100.22';
    const step = await passwordStep(ctx.admin, undefined, ip);
    const attempt = () => postForm('/en/staff/login/code', { csrf: step.csrf, code: '000000' }, { Cookie: step.cookie, 'X-Forwarded-For': ip });
    for (let i = 0; i < SIGN_IN_LIMITS.codePerAccountAndIp.limit; i++) expect((await attempt()).status).toBe(401);
    const res = await attempt();
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.codePerAccountAndIp.windowSeconds);
  });
});

describe('personal data outside the database', () => {
  it('writes none of this file’s addresses, passwords, tokens or session cookies to the processes’ output or the queue', () => expectNoSecretsOutside(ctx));
});
