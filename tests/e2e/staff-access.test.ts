/**
 * Who may reach the staff side, route by route, over real HTTP against the running portal: every
 * staff route file is listed here with the role it needs (a new one without an entry fails this
 * test), and each is tried without a session and by a moderator where only admins may go, for
 * reading and for writing. A signed-out session cookie,
 * replayed, opens nothing.
 */
import { readdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let forum: Forum;
let submission: { id: string };
const moderator = { email: 'access-mod@un.example', password: 'a long and unguessable passphrase' };
const url = (p: string) => `${portal.appUrl}${p}`;

/** Every staff route file, the role it needs, and a path to try it at. */
function staffRoutes(): Record<string, { role: 'staff' | 'admin'; path: () => string; writes: boolean }> {
  const uuid = '00000000-0000-4000-8000-000000000000';
  return {
    '$lang.staff._index.tsx': { role: 'staff', path: () => '/en/staff', writes: false },
    '$lang.staff.submissions.$id.tsx': { role: 'staff', path: () => `/en/staff/submissions/${submission.id}`, writes: true },
    '$lang.staff.submissions.$id_.attachments.$attachmentId.tsx': { role: 'staff', path: () => `/en/staff/submissions/${submission.id}/attachments/${uuid}`, writes: false },
    '$lang.staff.forums._index.tsx': { role: 'admin', path: () => '/en/staff/forums', writes: false },
    '$lang.staff.forums.new.tsx': { role: 'admin', path: () => '/en/staff/forums/new', writes: true },
    '$lang.staff.forums.$id._index.tsx': { role: 'admin', path: () => `/en/staff/forums/${forum.id}`, writes: true },
    '$lang.staff.forums.$id.late-access.tsx': { role: 'admin', path: () => `/en/staff/forums/${forum.id}/late-access`, writes: true },
  };
}
/** Routes anyone may reach by design. */
const OPEN = ['$lang.staff.login.tsx', '$lang.staff.logout.tsx'];

async function signIn(who: { email: string; password: string }): Promise<string> {
  const res = await fetch(url('/en/staff/login'), {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: portal.appUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(who),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 302 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

const get = (path: string, cookie?: string) => fetch(url(path), { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });
const post = (path: string, cookie?: string) =>
  fetch(url(path), {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: portal.appUrl, 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams({ intent: 'accept', version: '1', slug: 'taken-over', reason: 'x', message: 'x' }),
  });

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.staffAccess);
  forum = await createForum(portal.db);
  submission = await createTestSubmission(portal.db, forum);
  await upsertStaffUser(portal.db, { ...moderator, displayName: 'Access Moderator', role: 'moderator' });
});
afterAll(() => portal?.stop());

describe('the staff side', () => {
  it('lists a role for every staff route there is', () => {
    const files = readdirSync('app/routes').filter((f) => f.startsWith('$lang.staff'));
    expect(files.filter((f) => !OPEN.includes(f)).sort()).toEqual(Object.keys(staffRoutes()).sort());
  });

  it('sends visitors without a session to sign in, and changes nothing for their posts', async () => {
    for (const [file, route] of Object.entries(staffRoutes())) {
      const page = await get(route.path());
      expect(page.status, file).toBe(302);
      expect(page.headers.get('location'), file).toBe('/en/staff/login');
      if (route.writes) expect((await post(route.path())).status, file).toBeOneOf([302, 403, 405]);
    }
    const [row] = await portal.db.select().from(submissions).where(eq(submissions.id, submission.id));
    expect(row.decision).toBe('pending');
  });

  it('keeps moderators out of admin routes, for reading and for writing', async () => {
    const cookie = await signIn(moderator);
    for (const [file, route] of Object.entries(staffRoutes())) {
      const page = await get(route.path(), cookie);
      if (route.role === 'admin') {
        expect(page.status, file).toBe(403);
        if (route.writes) expect((await post(route.path(), cookie)).status, file).toBe(403);
      } else {
        // Staff routes answer a moderator (the attachment id here belongs to nothing: 404).
        expect(page.status, file).toBeOneOf([200, 404]);
      }
    }
  });

  it('opens nothing with a session cookie replayed after signing out', async () => {
    const cookie = await signIn(moderator);
    expect((await get('/en/staff', cookie)).status).toBe(200);
    const out = await fetch(url('/en/staff/logout'), { method: 'POST', redirect: 'manual', headers: { Origin: portal.appUrl, Cookie: cookie } });
    expect(out.status).toBe(302);
    const replayed = await get('/en/staff', cookie);
    expect(replayed.status).toBe(302);
    expect(replayed.headers.get('location')).toBe('/en/staff/login');
    expect((await post(`/en/staff/submissions/${submission.id}`, cookie)).status).toBe(302);
    const [row] = await portal.db.select().from(submissions).where(eq(submissions.id, submission.id));
    expect(row.decision).toBe('pending');
  });
});
