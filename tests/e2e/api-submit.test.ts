/**
 * POST /api/v1/forums/{slug}/submissions over real HTTP against the running web and worker
 * processes: every answer is checked against the served OpenAPI document, every refusal is a
 * problem+json, and an input sent by a program follows the web form's path (one row per key,
 * the confirmation e-mail, nothing for moderators before the address is confirmed).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMIT_LIMITS } from '../../app/modules/abuse/rate-limit';
import { waitingInQueue } from '../helpers/queue';
import { auditEvents, forums, submissions, type Forum } from '../../db/schema';
import { issueFormStamp } from '../../app/modules/abuse/form-timing';
import { parseWebEnv } from '../../app/lib/web-env.server';
import { generateLateAccessCode, revokeLateAccessCode } from '../../app/modules/forums/late-access';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { portalEnv } from '../helpers/processes';
import { createForum } from '../factories/forums';
import { apiClient } from '../helpers/api-client';
import { newEmail, nextClientAddress, storedFor as storedInputs, validApiInput } from '../helpers/api-submit';
import { arabicFixture, TRICKY_TEXTS } from '../helpers/fixtures';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { eventually, mailTo } from '../helpers/services';

const SUBMIT = '/api/v1/forums/{slug}/submissions';
let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let api: ReturnType<typeof apiClient>;
let forum: Forum;
let closed: Forum;
let upcoming: Forum;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.apiSubmit);
  api = apiClient(portal.appUrl);
  forum = await createForum(portal.db);
  closed = await createForum(portal.db, 'closed');
  upcoming = await createForum(portal.db, 'upcoming');
});
afterAll(() => portal?.stop());

const client = nextClientAddress;

const validInput = validApiInput;

function submit(body: unknown, headers: Record<string, string | undefined> = {}, slug = forum.slug) {
  return api.post(`/api/v1/forums/${slug}/submissions`, body, { 'X-Forwarded-For': client(), ...headers });
}

const storedFor = (forumId: string) => storedInputs(portal.db, forumId);

describe('POST /api/v1/forums/{slug}/submissions', () => {
  it('stores an input (201), mails the confirmation link, and keeps it from moderators until the address is confirmed', async () => {
    const input = validInput();
    const res = await api.conforming(await submit(input), SUBMIT, 'post');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ forum: forum.slug, status: 'awaiting_confirmation' });
    expect(res.body.reference).toMatch(new RegExp(`^${forum.referencePrefix}-\\d{4}$`));
    expect(res.body.note).toContain('confirmation link');
    expect(Date.parse(res.body.confirmBy) - Date.parse(res.body.receivedAt)).toBe(7 * 24 * 3600 * 1000);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();

    const [row] = await portal.db.select().from(submissions).where(eq(submissions.reference, res.body.reference));
    expect(row).toMatchObject({ email: input.email, objectives: ['6', '15'], publishOrganisation: true, publishName: false, region: 'ESCWA', interfaceLocale: 'en' });
    expect(row.emailConfirmedAt).toBeNull();

    const [mail] = await eventually(async () => ((await mailTo(input.email)).length > 0 ? mailTo(input.email) : undefined), 30_000, 'confirmation e-mail');
    const statusLink = /https?:\/\/\S+\/en\/status\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0];
    expect(statusLink, 'the confirmation e-mail carries the status link').toBeDefined();
    expect(mail.subject).toContain(res.body.reference);
    expect(await waitingInQueue(portal.db)).not.toContain(row.id);

    // The submitter confirms with the link, as for an input sent with the web form.
    const confirm = await fetch(statusLink!, {
      method: 'POST',
      body: new URLSearchParams({ intent: 'confirm' }),
      headers: { Origin: portal.appUrl },
      redirect: 'manual',
    });
    expect(confirm.status).toBe(302);
    expect(await waitingInQueue(portal.db)).toContain(row.id);
    await eventually(async () => (await mailTo(input.email)).length === 2, 30_000, 'acknowledgement e-mail');
  });

  it('stores Arabic and other scripts byte for byte, and answers in Arabic when asked', async () => {
    const body = `${arabicFixture('ar-arab-region-imrf-briefing').trim()}\n\n${TRICKY_TEXTS.zwnjRlm}\n${TRICKY_TEXTS.emoji}\n${TRICKY_TEXTS.cjk}`;
    const input = validInput({ language: 'ar', contactName: 'أمينة حداد', organisation: 'شبكة حقوق المهاجرين', title: TRICKY_TEXTS.mixed, summary: TRICKY_TEXTS.vowelled, body });
    const res = await api.conforming(await submit(input, { 'Accept-Language': 'ar' }), SUBMIT, 'post');
    expect(res.status).toBe(201);
    expect(res.headers.get('content-language')).toBe('ar');
    expect(res.body.note).toContain('أرسلنا رابط تأكيد');
    const [row] = await portal.db.select().from(submissions).where(eq(submissions.reference, res.body.reference));
    for (const field of ['contactName', 'organisation', 'title', 'summary', 'body'] as const) {
      expect(Buffer.from(row[field]!, 'utf8').equals(Buffer.from(input[field] as string, 'utf8')), field).toBe(true);
    }
    // The e-mails speak the language the client asked for.
    expect(row.interfaceLocale).toBe('ar');
  });

  it('returns the same submission for a retry with the same Idempotency-Key: 201 once, then 200 with the same body', async () => {
    const input = validInput();
    const key = crypto.randomUUID();
    const first = await api.conforming(await submit(input, { 'Idempotency-Key': key }), SUBMIT, 'post');
    const again = await api.conforming(await submit(input, { 'Idempotency-Key': key.toUpperCase() }), SUBMIT, 'post');
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    // Racing retries of another input: one row, one reference, whatever the timing.
    const raceKey = crypto.randomUUID();
    const raced = validInput();
    const answers = await Promise.all(Array.from({ length: 6 }, () => submit(raced, { 'Idempotency-Key': raceKey })));
    const bodies = await Promise.all(answers.map((a) => api.conforming(a, SUBMIT, 'post')));
    expect(bodies.map((b) => b.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(bodies.map((b) => b.body.reference)).size).toBe(1);
    const rows = await portal.db.select({ id: submissions.id }).from(submissions).where(eq(submissions.idempotencyKey, raceKey));
    expect(rows).toHaveLength(1);
  });

  it('still answers a retry after the call closed, while a new input is refused', async () => {
    const closing = await createForum(portal.db);
    const input = validInput();
    const key = crypto.randomUUID();
    const first = await api.conforming(await submit(input, { 'Idempotency-Key': key }, closing.slug), SUBMIT, 'post');
    expect(first.status).toBe(201);
    const day = 86_400_000;
    await portal.db.update(forums).set({ opensAt: new Date(Date.now() - 2 * day), closesAt: new Date(Date.now() - day) }).where(eq(forums.id, closing.id));
    const retry = await api.conforming(await submit(input, { 'Idempotency-Key': key }, closing.slug), SUBMIT, 'post');
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await submit(validInput(), {}, closing.slug)).status).toBe(409);
  });

  it('refuses a used Idempotency-Key with a different input or for another forum (422), storing nothing more', async () => {
    const key = crypto.randomUUID();
    const input = validInput();
    expect((await submit(input, { 'Idempotency-Key': key })).status).toBe(201);
    const before = await storedFor(forum.id);
    const other = await api.conforming(await submit({ ...input, title: 'Another title' }, { 'Idempotency-Key': key }), SUBMIT, 'post');
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('/api/v1/problems/idempotency-key-reused');
    const elsewhere = await createForum(portal.db);
    const moved = await api.conforming(await submit(input, { 'Idempotency-Key': key }, elsewhere.slug), SUBMIT, 'post');
    expect(moved.status).toBe(422);
    expect(moved.body.type).toBe('/api/v1/problems/idempotency-key-reused');
    expect(await storedFor(forum.id)).toBe(before);
    expect(await storedFor(elsewhere.id)).toBe(0);
  });

  it('requires an Idempotency-Key holding a UUID (400)', async () => {
    for (const key of [undefined, '', 'not-a-uuid', '123', `${crypto.randomUUID()}x`]) {
      const res = await api.conforming(await submit(validInput(), { 'Idempotency-Key': key }), SUBMIT, 'post');
      expect(res.status, String(key)).toBe(400);
      expect(res.body.type).toBe('/api/v1/problems/idempotency-key-required');
    }
  });

  it('takes JSON only: a form post, text/plain, another charset or a compressed body get 415', async () => {
    const json = JSON.stringify(validInput());
    const cases: Array<[string | undefined, string, Record<string, string>]> = [
      ['application/x-www-form-urlencoded', new URLSearchParams({ title: 'x' }).toString(), {}],
      ['multipart/form-data; boundary=x', '--x--', {}],
      ['text/plain', json, {}],
      [undefined, json, {}],
      ['application/json; charset=iso-8859-1', json, {}],
      ['application/jsonx', json, {}],
      ['application/json', json, { 'Content-Encoding': 'gzip' }],
    ];
    for (const [type, body, extra] of cases) {
      const res = await fetch(`${portal.appUrl}/api/v1/forums/${forum.slug}/submissions`, {
        method: 'POST',
        body,
        headers: { ...(type ? { 'Content-Type': type } : {}), 'Idempotency-Key': crypto.randomUUID(), ...extra },
      });
      const checked = await api.conforming(res, SUBMIT, 'post');
      expect(checked.status, String(type)).toBe(415);
      expect(checked.headers.get('content-type')).toBe('application/problem+json');
      expect(checked.body.type).toBe('/api/v1/problems/unsupported-media-type');
    }
    // fetch sends a string body as text/plain unless told otherwise: refused too.
    const implicit = await fetch(`${portal.appUrl}/api/v1/forums/${forum.slug}/submissions`, { method: 'POST', body: json, headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(implicit.status).toBe(415);
    expect((await submit(validInput(), { 'Content-Type': 'application/json; charset=UTF-8' })).status).toBe(201);
  });

  it('bounds the body: 413 whether the size is announced or the body is streamed without a length', async () => {
    const big = JSON.stringify(validInput({ body: 'word '.repeat(120_000) }));
    const announced = await api.conforming(await submit(big), SUBMIT, 'post');
    expect(announced.status).toBe(413);
    expect(announced.body).toMatchObject({ type: '/api/v1/problems/content-too-large', maxBytes: 512 * 1024 });

    const chunk = new TextEncoder().encode(`{"body":"${'x'.repeat(64 * 1024)}`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const chunked = await fetch(`${portal.appUrl}/api/v1/forums/${forum.slug}/submissions`, {
      method: 'POST',
      body: stream,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      duplex: 'half',
    } as RequestInit);
    expect((await api.conforming(chunked, SUBMIT, 'post')).status).toBe(413);
  });

  it('answers 422 with message keys and messages in English, or in Arabic on request', async () => {
    const input = validInput({ title: '', email: 'not-an-address', objectives: [], consentPublication: false });
    const { contactName: _omitted, ...withoutName } = input;
    const en = await api.conforming(await submit(withoutName), SUBMIT, 'post');
    expect(en.status).toBe(422);
    expect(en.body.type).toBe('/api/v1/problems/validation-failed');
    expect(en.body.title).toBe('The input is not valid');
    const byField = Object.fromEntries(en.body.errors.map((e: { field: string }) => [e.field, e]));
    expect(byField.contactName).toEqual({ field: 'contactName', pointer: '/contactName', key: 'error.required', message: 'This field is required.' });
    expect(byField.title.key).toBe('error.required');
    expect(byField.email).toMatchObject({ key: 'error.email', message: 'Enter one e-mail address, like name@example.org.' });
    expect(byField.objectives.key).toBe('error.chooseSome');
    expect(byField.consentPublication.key).toBe('error.consentRequired');

    const ar = await api.conforming(await submit(withoutName, { 'Accept-Language': 'ar-EG,ar;q=0.9,en;q=0.5' }), SUBMIT, 'post');
    expect(ar.status).toBe(422);
    expect(ar.headers.get('content-language')).toBe('ar');
    expect(ar.body.title).toBe('المساهمة غير صالحة');
    const arByField = Object.fromEntries(ar.body.errors.map((e: { field: string }) => [e.field, e]));
    expect(arByField.contactName).toMatchObject({ key: 'error.required', message: 'هذا الحقل مطلوب.' });
    expect(arByField.objectives.message).toBe('اختر خيارًا واحدًا على الأقل.');

    // A string where a boolean belongs is not consent.
    const stringly = await api.conforming(await submit(validInput({ consentPublication: 'true' })), SUBMIT, 'post');
    expect(stringly.status).toBe(422);
    expect(stringly.body.errors).toEqual([expect.objectContaining({ field: 'consentPublication', key: 'error.invalid' })]);
  });

  it('refuses inputs to a closed or upcoming call with 409 call-not-open', async () => {
    for (const [f, state] of [[closed, 'closed'], [upcoming, 'upcoming']] as const) {
      const res = await api.conforming(await submit(validInput(), {}, f.slug), SUBMIT, 'post');
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ type: '/api/v1/problems/call-not-open', callState: state, detail: 'This call is not open for inputs.' });
      expect(res.body.closesAt).toBe(f.closesAt.toISOString());
      expect(await storedFor(f.id)).toBe(0);
    }
    const arabic = await api.conforming(await submit(validInput(), { 'Accept-Language': 'ar' }, closed.slug), SUBMIT, 'post');
    expect(arabic.body.detail).toBe('هذه الدعوة غير مفتوحة لتلقي المساهمات.');
  });

  it('lets an input into a closed call with a valid late-access code, recorded as late; a wrong or revoked code is refused', async () => {
    const staff = await upsertStaffUser(portal.db, { email: `api-late-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'Late', role: 'admin', password: 'a long and unguessable passphrase' });
    const late = await createForum(portal.db, 'closed');
    const generated = await generateLateAccessCode(portal.db, { forumId: late.id, staffId: staff.id });
    if (!generated.ok) throw new Error('no code');
    const wrong = await api.conforming(await submit(validInput({ lateAccessCode: 'AAAA-BBBB-CCCC' }), {}, late.slug), SUBMIT, 'post');
    expect(wrong.status).toBe(409);
    expect(wrong.body.detail).not.toBe('This call is not open for inputs.');
    expect(await storedFor(late.id)).toBe(0);
    const accepted = await api.conforming(await submit(validInput({ lateAccessCode: generated.code.toLowerCase() }), {}, late.slug), SUBMIT, 'post');
    expect(accepted.status).toBe(201);
    const [row] = await portal.db.select().from(submissions).where(eq(submissions.reference, accepted.body.reference));
    const [received] = await portal.db.select().from(auditEvents).where(and(eq(auditEvents.submissionId, row.id), eq(auditEvents.action, 'submission.received')));
    expect(received.details).toMatchObject({ late: true, lateAccessCodeId: generated.id });
    await revokeLateAccessCode(portal.db, { forumId: late.id, codeId: generated.id, staffId: staff.id });
    expect((await submit(validInput({ lateAccessCode: generated.code }), {}, late.slug)).status).toBe(409);
    expect(await storedFor(late.id)).toBe(1);
  });

  it("applies the forum's own rules: required optional fields and minimum lengths", async () => {
    const strict = await createForum(portal.db, 'open', {
      requiredFields: ['organisation', 'principles'],
      limits: { titleMaxChars: 200, summaryMaxChars: 1500, summaryMinChars: 50, bodyMaxWords: 3000, bodyMinWords: 20 },
    });
    const res = await api.conforming(await submit(validInput({ submitterType: 'individual', organisation: null, principles: [] }), {}, strict.slug), SUBMIT, 'post');
    expect(res.status).toBe(422);
    const keys = Object.fromEntries((res.body.errors as Array<{ field: string; key: string }>).map((e) => [e.field, e.key]));
    expect(keys).toEqual({ organisation: 'error.required', principles: 'error.chooseSome', summary: 'error.tooShort', body: 'error.tooFewWords' });
    expect(await storedFor(strict.id)).toBe(0);
  });

  it('a web form carrying a key already used in another forum is refused as a broken form, never a 500', async () => {
    const key = crypto.randomUUID();
    expect((await submit(validInput(), { 'Idempotency-Key': key })).status).toBe(201);
    const elsewhere = await createForum(portal.db);
    const form = new URLSearchParams({ ...Object.fromEntries(Object.entries(validInput()).map(([k, v]) => [k, Array.isArray(v) ? v[0] : String(v)])), idempotencyKey: key });
    form.set('formStamp', issueFormStamp(parseWebEnv(portalEnv()).SESSION_SECRET, Date.now() - 10_000));
    form.set('consentPublication', 'yes');
    form.delete('publishName');
    const res = await fetch(`${portal.appUrl}/en/forums/${elsewhere.slug}/submit`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      headers: { Origin: portal.appUrl, 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': client() },
    });
    expect(res.status).toBe(400);
    expect(await storedFor(elsewhere.id)).toBe(0);
  });

  it('answers 404 problem+json for an unknown forum', async () => {
    for (const slug of ['no-such-forum', "x'%20or%201=1--", '%00', 'A'.repeat(300)]) {
      const res = await api.conforming(await api.post(`/api/v1/forums/${slug}/submissions`, validInput()), SUBMIT, 'post');
      expect(res.status, slug).toBe(404);
      expect(res.body.type).toBe('/api/v1/problems/not-found');
    }
  });

  it('limits inputs per e-mail address like the form: 429 with Retry-After, while a retry still gets its answer', async () => {
    const email = newEmail('flood');
    const firstKey = crypto.randomUUID();
    const first = validInput({ email });
    expect((await submit(first, { 'Idempotency-Key': firstKey })).status).toBe(201);
    for (let i = 1; i < SUBMIT_LIMITS.perEmail.limit; i++) expect((await submit(validInput({ email }))).status).toBe(201);
    const refused = await api.conforming(await submit(validInput({ email })), SUBMIT, 'post');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ type: '/api/v1/problems/rate-limited', retryAfterSeconds: retryAfter });
    const inArabic = await api.conforming(await submit(validInput({ email }), { 'Accept-Language': 'ar' }), SUBMIT, 'post');
    expect(inArabic.status).toBe(429);
    expect(inArabic.body.detail).toContain('أُرسل عدد كبير من المساهمات');
    expect((await submit(first, { 'Idempotency-Key': firstKey })).status).toBe(200);
  });

  it('ignores members that are not input fields: a client cannot set a decision, publication or confirmation', async () => {
    const res = await api.conforming(
      await submit(validInput({ decision: 'accepted', publishedAt: '2020-01-01T00:00:00Z', emailConfirmedAt: '2020-01-01T00:00:00Z', reference: 'HACK-0001', forumId: closed.id, id: crypto.randomUUID() })),
      SUBMIT,
      'post',
    );
    expect(res.status).toBe(201);
    const [row] = await portal.db.select().from(submissions).where(eq(submissions.reference, res.body.reference));
    expect(row).toMatchObject({ decision: 'pending', publishedAt: null, emailConfirmedAt: null, forumId: forum.id });
  });
});
