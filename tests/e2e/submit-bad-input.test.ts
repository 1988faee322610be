/**
 * Bad input against the real submit endpoint, class by class (see the reliability design): each
 * case gets a clear 4xx, never a 500, and stores nothing; markup and script are kept as text and
 * never run. The oracle for "never run": every payload calls a local canary server, Chromium then
 * opens every page that shows the text, and the canary must have heard nothing.
 */
import { docx } from '../factories/office-files';
import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { strToU8 } from 'fflate';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { count, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFormStamp } from '../../app/modules/abuse/form-timing';
import { parseWebEnv } from '../../app/lib/web-env.server';
import { decide } from '../../app/modules/moderation/decide';
import { confirmEmail } from '../../app/modules/submissions/email-confirmation';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { attachments, outbox, submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { launchChromium, openPage } from '../helpers/browser';
import { portalEnv } from '../helpers/processes';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let canary: http.Server;
const canaryHits: string[] = [];
let canaryUrl = '';
const secret = parseWebEnv(portalEnv()).SESSION_SECRET;

beforeAll(async () => {
  canary = http.createServer((req, res) => {
    canaryHits.push(req.url ?? '');
    res.end();
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryUrl = `http://127.0.0.1:${(canary.address() as { port: number }).port}`;
  portal = await startPortalUnderTest(REDIS_DB.badInput);
  forum = await createForum(portal.db, 'open', { limits: { titleMaxChars: 120, summaryMaxChars: 500, bodyMaxWords: 300 } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  canary?.close();
});

const valid = () => ({
  idempotencyKey: crypto.randomUUID(),
  formStamp: issueFormStamp(secret, Date.now() - 10_000),
  submitterType: 'organisation',
  contactName: 'Test Person',
  organisation: 'Test Org',
  email: `bad-${crypto.randomUUID().slice(0, 8)}@example.org`,
  constituency: 'civil_society',
  country: 'JO',
  language: 'en',
  title: 'A title',
  summary: 'A summary',
  body: 'A body',
  objectives: '23',
  consentPublication: 'yes',
  publishName: 'yes',
  publishOrganisation: 'yes',
});

function post(body: string | URLSearchParams | ReadableStream, headers: Record<string, string> = {}) {
  return fetch(`${portal.appUrl}/en/forums/${forum.slug}/submit`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { Origin: portal.appUrl, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function stored() {
  const [row] = await portal.db.select({ n: count() }).from(submissions).where(eq(submissions.forumId, forum.id));
  return row.n;
}

/** Posts each case and expects a 4xx and no new row; returns the statuses for the record. */
async function refusedAll(cases: Array<[string, () => Promise<Response>]>) {
  const before = await stored();
  for (const [name, send] of cases) {
    const res = await send();
    expect(res.status, name).toBeGreaterThanOrEqual(400);
    expect(res.status, name).toBeLessThan(500);
    await res.arrayBuffer();
  }
  expect(await stored()).toBe(before);
}

const withField = (field: string, value: string) => () => post(new URLSearchParams({ ...valid(), [field]: value }));

describe('bad input on the submit endpoint', () => {
  it('refuses invalid UTF-8, NUL and control bytes in every text field', async () => {
    const fields = ['contactName', 'organisation', 'email', 'title', 'summary', 'body'];
    const cases: Array<[string, () => Promise<Response>]> = [];
    for (const field of fields) {
      cases.push([`${field} NUL`, withField(field, 'a\u0000b')]);
      cases.push([`${field} BEL`, withField(field, 'a\u0007b')]);
      cases.push([`${field} ESC`, withField(field, '\u001b[31mred')]);
      cases.push([`${field} C1`, withField(field, 'a\u0085b\u009b')]);
      const raw = new URLSearchParams(valid()).toString().replace(`${field}=`, `${field}=%FF%FE%C0%AF`);
      cases.push([`${field} invalid UTF-8`, () => post(raw)]);
    }
    await refusedAll(cases);
  });

  it('refuses line breaks and bidi overrides where a value reaches e-mail headers or one line', async () => {
    const cases: Array<[string, () => Promise<Response>]> = [];
    for (const field of ['contactName', 'organisation', 'email', 'title']) {
      for (const trick of ['\r\nBcc: victim@example.org', '\nX-Injected: 1', '\r', '\u2028', '\u202Egnp.exe', '\u2066x\u2069']) {
        cases.push([`${field} ${JSON.stringify(trick)}`, withField(field, `val${trick}ue`)]);
      }
    }
    await refusedAll(cases);
  });

  it('refuses several addresses, display names and look-alike or invisible tricks in the e-mail field', async () => {
    const addresses = [
      'a@example.org, b@example.org',
      'a@example.org;b@example.org',
      'a@example.org b@example.org',
      '"Name" <a@example.org>',
      '<a@example.org>',
      'a@example.org\u200B',
      'a\uFEFF@example.org',
      'a@ex\u0430mple.org',
      'a@@example.org',
      'a@',
      '@example.org',
      'x'.repeat(250) + '@example.org',
    ];
    await refusedAll(addresses.map((a) => [a, withField('email', a)]));
  });

  it('refuses oversized fields and bodies, with and without Content-Length', async () => {
    const big = 'x'.repeat(700 * 1024);
    const chunked = () =>
      new ReadableStream({
        start(controller) {
          const piece = new TextEncoder().encode(`body=${'y'.repeat(64 * 1024)}`);
          for (let i = 0; i < 12; i++) controller.enqueue(piece);
          controller.close();
        },
      });
    await refusedAll([
      ['title over the forum limit', withField('title', 't'.repeat(121))],
      ['summary over the forum limit', withField('summary', 's'.repeat(501))],
      ['body over the word limit', withField('body', 'word '.repeat(301))],
      ['url-encoded body over the cap', withField('body', big)],
      ['chunked body over the cap, no Content-Length', () => post(chunked())],
    ]);
  });

  it('ignores fields the form does not have (mass assignment) and refuses duplicated ones', async () => {
    await refusedAll([
      ['duplicate email', () => post(new URLSearchParams([...Object.entries(valid()), ['email', 'second@example.org']]))],
      ['duplicate title', () => post(new URLSearchParams([...Object.entries(valid()), ['title', 'second']]))],
      ['wrong content type', () => post(JSON.stringify(valid()), { 'Content-Type': 'application/json' })],
      ['no body', () => post('')],
    ]);
    const fields = { ...valid(), decision: 'accepted', publishedAt: '2020-01-01', emailConfirmedAt: '2020-01-01', forumId: crypto.randomUUID(), reference: 'FAKE-0001', version: '99' };
    const res = await post(new URLSearchParams(fields));
    expect(res.status).toBe(302);
    const [row] = await portal.db.select().from(submissions).where(eq(submissions.email, fields.email));
    expect(row).toMatchObject({ decision: 'pending', publishedAt: null, emailConfirmedAt: null, forumId: forum.id, version: 1 });
    expect(row.reference).not.toBe('FAKE-0001');
  });

  it('answers 404, never 500, for nonsense in every path parameter', async () => {
    const nasty = ['%00', '%FF%FE', 'a%00b', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(5000), '%E2%80%AE', "'%20OR%201=1--", 'IMRF26-0042%0D%0A', '-'.repeat(36)];
    const routes = (p: string) => [
      `/en/forums/${p}`,
      `/en/forums/${p}/submit`,
      `/ar/inputs/${p}`,
      `/en/status/${p}`,
      `/en/status/${p}/receipt`,
      `/en/status/${p}/data`,
      `/en/status/${p}/edit`,
      `/${p}/forums/${forum.slug}`,
      `/en/inputs/${p}/attachments/${p}`,
      `/en/inputs/IMRF26-0042/attachments/${p}`,
      `/en/staff/submissions/${p}/attachments/${p}`,
      `/en/forums/${p}/attachments`,
    ];
    for (const p of nasty) {
      for (const route of routes(p)) {
        const res = await fetch(`${portal.appUrl}${route}`, { redirect: 'manual' });
        const body = await res.text();
        expect(res.status, route.slice(0, 80)).toBeGreaterThanOrEqual(300);
        expect(res.status, route.slice(0, 80)).toBeLessThan(500);
        // No error page shows the server's inside (stack frames, file paths).
        expect(body, route.slice(0, 80)).not.toMatch(/\n\s+at |node_modules|\/work\//);
      }
    }
  });

  it('answers malformed bodies on the other forms with a 4xx, never a 500', async () => {
    const targets = ['/en/staff/login', `/en/status/${'A'.repeat(43)}`];
    const bodies: Array<[string, string]> = [
      ['%FF%FE=%C0', 'application/x-www-form-urlencoded'],
      ['{"email":"x"}', 'application/json'],
      ['--x\r\nbroken multipart', 'multipart/form-data; boundary=x'],
      ['email=' + 'a'.repeat(100 * 1024), 'application/x-www-form-urlencoded'],
    ];
    for (const target of targets) {
      for (const [body, type] of bodies) {
        const res = await fetch(`${portal.appUrl}${target}`, { method: 'POST', body, redirect: 'manual', headers: { Origin: portal.appUrl, 'Content-Type': type } });
        await res.arrayBuffer();
        expect(res.status, `${target} ${type}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${target} ${type}`).toBeLessThan(500);
      }
    }
  });

  it("refuses a moderator's reason or message holding control characters, deciding nothing and keeping the text", async () => {
    const { id } = await createTestSubmission(portal.db, forum);
    await upsertStaffUser(portal.db, { email: 'ctl-mod@un.example', displayName: 'Mod', role: 'moderator', password: 'a long and unguessable passphrase' });
    const { page } = await openPage(browser);
    await page.goto(`${portal.appUrl}/en/staff/login`);
    await page.getByLabel('E-mail address').fill('ctl-mod@un.example');
    await page.getByLabel('Password').fill('a long and unguessable passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${portal.appUrl}/en/staff/submissions/${id}`);
    const csrf = (await page.locator('input[name="csrf"]').first().getAttribute('value')) ?? '';
    for (const [intent, field, value] of [
      ['reject', 'reason', 'Out of scope\u0000'],
      ['reject', 'reason', '\u001b[31mred'],
      ['changes', 'message', 'Add sources\u0007'],
      ['changes', 'message', 'x'.repeat(5001)],
    ] as const) {
      const res = await page.request.post(`${portal.appUrl}/en/staff/submissions/${id}`, {
        form: { csrf, intent, version: '1', [field]: value },
        headers: { Origin: portal.appUrl },
        maxRedirects: 0,
      });
      expect(res.status(), `${field} ${JSON.stringify(value.slice(0, 20))}`).toBe(400);
    }
    const [row] = await portal.db.select().from(submissions).where(eq(submissions.id, id));
    expect(row).toMatchObject({ decision: 'pending', decisionReason: null, version: 1 });
    await page.context().close();
  });

  it('refuses hostile files sent with the form, by name and reason, storing nothing and leaving no temporary file', async () => {
    const goodPdf = Buffer.from(await (await PDFDocument.create()).save({ useObjectStreams: false }));
    const scripted = await PDFDocument.create();
    scripted.addPage();
    scripted.catalog.set(PDFName.of('OpenAction'), scripted.context.register(scripted.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') })));
    const cases: Array<[string, Uint8Array, string]> = [
      ['bomb.docx', docx({ 'word/media/zeros.bin': new Uint8Array(30 * 1024 * 1024) }), 'unpacks to far more data'],
      ['traversal.docx', docx({ '../../etc/cron.d/evil': strToU8('* * * * * root id') }), 'unpacks to far more data'],
      ['picture.pdf', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'does not match its name'],
      ['report.docx', goodPdf, 'does not match its name'],
      ['cut.pdf', goodPdf.subarray(0, goodPdf.length / 2), 'could not be read'],
      ['script.pdf', await scripted.save({ useObjectStreams: false }), 'contains scripts'],
      ['page.html', strToU8('<script>alert(1)</script>'), 'not accepted here'],
    ];
    const before = await stored();
    for (const [name, bytes, message] of cases) {
      const form = new FormData();
      for (const [k, v] of Object.entries(valid())) form.append(k, v);
      form.append('attachments', new Blob([Buffer.from(bytes)]), name);
      const res = await fetch(`${portal.appUrl}/en/forums/${forum.slug}/submit`, { method: 'POST', body: form, redirect: 'manual', headers: { Origin: portal.appUrl } });
      expect(res.status, name).toBe(400);
      const html = await res.text();
      expect(html, name).toContain(message);
      expect(html, name).toContain(name.replace(/&/g, '&amp;'));
    }
    expect(await stored()).toBe(before);
    expect(await portal.db.select().from(attachments).where(eq(attachments.forumId, forum.id))).toEqual([]);
    const uploads = path.join(portal.dataDir, 'tmp', 'uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });

  it('keeps markup, script and SQL-looking text as text, byte for byte, and never runs it anywhere it is shown', async () => {
    const hit = (tag: string) => `${canaryUrl}/${tag}`;
    const payloads = {
      contactName: `<script>fetch('${hit('name')}')</script>`,
      organisation: `"><img src=x onerror="fetch('${hit('org')}')">`,
      title: `<svg onload="fetch('${hit('title')}')"></svg> '); DROP TABLE submissions;--`,
      summary: `<iframe src="javascript:fetch('${hit('summary')}')"></iframe> {{constructor.constructor('fetch(\\'${hit('tpl')}\\')')()}}`,
      body: `<img src="${hit('body-img')}"> <a href="javascript:fetch('${hit('body-link')}')">link</a> <style>@import '${hit('css')}';</style> ' OR 1=1 -- \u0627\u0644\u0647\u062c\u0631\u0629`,
    };
    const fields = { ...valid(), ...payloads, publishAttachments: 'yes' };
    // A file name is shown on pages too: markup in it (no slashes, which would cut it to its last part).
    const fileName = `"><img src=x onerror="fetch('http:'+String.fromCharCode(47,47)+'${canaryUrl.slice('http://'.length)}'+String.fromCharCode(47)+'file')">.pdf`;
    const multipart = new FormData();
    for (const [k, v] of Object.entries(fields)) multipart.append(k, v);
    multipart.append('attachments', new Blob([Buffer.from(await (await PDFDocument.create()).save())]), fileName);
    const res = await fetch(`${portal.appUrl}/en/forums/${forum.slug}/submit`, { method: 'POST', body: multipart, redirect: 'manual', headers: { Origin: portal.appUrl } });
    expect(res.status).toBe(302);
    const [row] = await portal.db.select().from(submissions).where(eq(submissions.email, fields.email));
    for (const [field, value] of Object.entries(payloads)) expect((row as Record<string, unknown>)[field], field).toBe(value);
    // Clients escape a double quote in a multipart file name as %22 (HTML's form encoding): that is the name received and kept.
    const [file] = await portal.db.select().from(attachments).where(eq(attachments.submissionId, row.id));
    expect(file.fileName).toBe(fileName.replaceAll('"', '%22'));

    // Confirm, accept, and look at every page and e-mail that shows it.
    const [confirmJob] = await portal.db.select().from(outbox).where(eq(outbox.submissionId, row.id));
    const token = String(confirmJob.payload.statusToken ?? '');
    if (token) await confirmEmail(portal.db, row.id, token);
    else await portal.db.update(submissions).set({ emailConfirmedAt: new Date() }).where(eq(submissions.id, row.id));
    const staff = await upsertStaffUser(portal.db, { email: 'xss-mod@un.example', displayName: 'Mod', role: 'moderator', password: 'a long and unguessable passphrase' });
    const { page, problems } = await openPage(browser);
    await page.goto(`${portal.appUrl}/en/staff/login`);
    await page.getByLabel('E-mail address').fill('xss-mod@un.example');
    await page.getByLabel('Password').fill('a long and unguessable passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    await page.goto(`${portal.appUrl}/en/staff/submissions/${row.id}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(payloads.title);
    expect(await page.getByRole('link', { name: file.fileName, exact: true }).count()).toBe(1);
    await decide(portal.db, { submissionId: row.id, expectedVersion: row.version, staffId: staff.id, request: { decision: 'accepted' } });
    for (const path of [`/en/forums/${forum.slug}`, `/ar/forums/${forum.slug}`, `/en/inputs/${row.reference}`, `/ar/inputs/${row.reference}`, '/dev/mail']) {
      await page.goto(`${portal.appUrl}${path}`);
    }
    expect(await page.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
    // Every captured e-mail's HTML, as a mail client would show it.
    const mailLinks = await page.getByRole('link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href).filter((h) => /\/dev\/mail\/[^/]+$/.test(h)));
    for (const link of mailLinks) {
      await page.goto(`${link}/html`);
    }
    await page.goto(`${portal.appUrl}/en/status/${token}`);
    await page.goto(`${portal.appUrl}/en/inputs/${row.reference}`);
    expect(await page.getByText(payloads.summary, { exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: file.fileName, exact: true }).count()).toBe(1);
    await page.waitForTimeout(500);
    expect(canaryHits).toEqual([]);
    // A script blocked by the CSP would show up here: markup must never reach the DOM at all.
    expect(problems()).toEqual([]);
    await page.context().close();
  });
});
