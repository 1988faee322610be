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
import { staffForumAssignments, staffUsers, submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { createStaff, signInOverHttp, type TestStaff } from '../helpers/staff';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let forum: Forum;
let submission: { id: string };
let moderator: TestStaff;
let otherStaffId: string;
const url = (p: string) => `${portal.appUrl}${p}`;

/** Every staff route file, the role it needs, and a path to try it at. */
function staffRoutes(): Record<string, { role: 'staff' | 'admin'; path: () => string; writes: boolean }> {
  const uuid = '00000000-0000-4000-8000-000000000000';
  return {
    '$lang.staff._index.tsx': { role: 'staff', path: () => '/en/staff', writes: true },
    '$lang.staff.submissions.$id.tsx': { role: 'staff', path: () => `/en/staff/submissions/${submission.id}`, writes: true },
    '$lang.staff.submissions.$id_.publication.tsx': { role: 'staff', path: () => `/en/staff/submissions/${submission.id}/publication`, writes: true },
    '$lang.staff.submissions.$id_.attachments.$attachmentId.tsx': { role: 'staff', path: () => `/en/staff/submissions/${submission.id}/attachments/${uuid}`, writes: false },
    '$lang.staff.forums._index.tsx': { role: 'admin', path: () => '/en/staff/forums', writes: false },
    '$lang.staff.forums.new.tsx': { role: 'admin', path: () => '/en/staff/forums/new', writes: true },
    '$lang.staff.forums.$id._index.tsx': { role: 'admin', path: () => `/en/staff/forums/${forum.id}`, writes: true },
    '$lang.staff.forums.$id.held-emails.tsx': { role: 'admin', path: () => `/en/staff/forums/${forum.id}/held-emails`, writes: true },
    '$lang.staff.forums.$id.late-access.tsx': { role: 'admin', path: () => `/en/staff/forums/${forum.id}/late-access`, writes: true },
    '$lang.staff.forums.$id.books._index.tsx': { role: 'admin', path: () => `/en/staff/forums/${forum.id}/books`, writes: true },
    '$lang.staff.forums.$id.books.$bookId.tsx': { role: 'admin', path: () => `/en/staff/forums/${forum.id}/books/00000000-0000-4000-8000-000000000000`, writes: false },
    '$lang.staff.forums.$id.coverage.tsx': { role: 'staff', path: () => `/en/staff/forums/${forum.id}/coverage`, writes: false },
    '$lang.staff.account.two-factor.tsx': { role: 'staff', path: () => '/en/staff/account/two-factor', writes: true },
    '$lang.staff.team._index.tsx': { role: 'admin', path: () => '/en/staff/team', writes: false },
    '$lang.staff.team.new.tsx': { role: 'admin', path: () => '/en/staff/team/new', writes: true },
    '$lang.staff.team.$id.tsx': { role: 'admin', path: () => `/en/staff/team/${otherStaffId}`, writes: true },
    '$lang.staff.operations.tsx': { role: 'admin', path: () => '/en/staff/operations', writes: true },
  };
}
/**
 * Routes anyone may reach by design: signing in and out, its second step (which needs the session
 * of a first), the invitation page (its one-time token is the credential), and the frame of the
 * staff pages, which shows nothing of its own.
 */
const OPEN = ['$lang.staff.login.tsx', '$lang.staff.login_.code.tsx', '$lang.staff.logout.tsx', '$lang.staff.invite.$token.tsx', '$lang.staff.tsx'];

async function signIn(who: TestStaff): Promise<string> {
  return (await signInOverHttp(portal.appUrl, who)).cookie;
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
  moderator = await createStaff(portal.db, { email: 'access-mod@un.example', displayName: 'Access Moderator', role: 'moderator' });
  otherStaffId = (await createStaff(portal.db, { email: 'access-other@un.example', role: 'moderator' })).id;
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
    const { cookie, csrf } = await signInOverHttp(portal.appUrl, moderator);
    expect((await get('/en/staff', cookie)).status).toBe(200);
    const logout = (fields: Record<string, string>) =>
      fetch(url('/en/staff/logout'), {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: portal.appUrl, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      });
    // Without the token nobody is signed out (another site cannot do it either).
    expect((await logout({})).status).toBe(403);
    expect((await get('/en/staff', cookie)).status).toBe(200);
    const out = await logout({ csrf });
    expect(out.status).toBe(302);
    const replayed = await get('/en/staff', cookie);
    expect(replayed.status).toBe(302);
    expect(replayed.headers.get('location')).toBe('/en/staff/login');
    expect((await post(`/en/staff/submissions/${submission.id}`, cookie)).status).toBe(302);
    const [row] = await portal.db.select().from(submissions).where(eq(submissions.id, submission.id));
    expect(row.decision).toBe('pending');
  });
});

describe('staff forms and forum assignments', () => {
  const decide = (cookie: string, id: string, fields: Record<string, string>) =>
    fetch(url(`/en/staff/submissions/${id}`), {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: portal.appUrl, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      body: new URLSearchParams({ intent: 'accept', version: '1', ...fields }),
    });

  it('refuses a decision without the session’s CSRF token, or with another session’s, and takes it with its own', async () => {
    const target = await createTestSubmission(portal.db, forum);
    const mine = await signInOverHttp(portal.appUrl, moderator);
    const other = await signInOverHttp(portal.appUrl, moderator);
    expect((await decide(mine.cookie, target.id, {})).status).toBe(403);
    expect((await decide(mine.cookie, target.id, { csrf: other.csrf })).status).toBe(403);
    expect((await decide(mine.cookie, target.id, { csrf: `${mine.csrf.slice(0, -1)}x` })).status).toBe(403);
    const [untouched] = await portal.db.select().from(submissions).where(eq(submissions.id, target.id));
    expect(untouched.decision).toBe('pending');
    expect((await decide(mine.cookie, target.id, { csrf: mine.csrf })).status).toBe(302);
    const [decided] = await portal.db.select().from(submissions).where(eq(submissions.id, target.id));
    expect(decided.decision).toBe('accepted');
  });

  it('keeps a moderator to the forums they are assigned: other inputs are neither listed, shown nor decided', async () => {
    const theirs = await createForum(portal.db);
    const elsewhere = await createTestSubmission(portal.db, forum, { title: 'In a forum not assigned' });
    const assigned = await createTestSubmission(portal.db, theirs, { title: 'In the assigned forum' });
    const scoped = await createStaff(portal.db, { email: 'scoped-mod@un.example', role: 'moderator' });
    await portal.db.update(staffUsers).set({ allForums: false }).where(eq(staffUsers.id, scoped.id));
    await portal.db.insert(staffForumAssignments).values({ staffId: scoped.id, forumId: theirs.id });
    const session = await signInOverHttp(portal.appUrl, scoped);

    const queue = await (await get('/en/staff', session.cookie)).text();
    expect(queue).toContain('In the assigned forum');
    expect(queue).not.toContain('In a forum not assigned');
    expect((await get(`/en/staff/submissions/${elsewhere.id}`, session.cookie)).status).toBe(403);
    expect((await decide(session.cookie, elsewhere.id, { csrf: session.csrf })).status).toBe(403);
    // Nor its public version or publication.
    expect((await get(`/en/staff/submissions/${elsewhere.id}/publication`, session.cookie)).status).toBe(403);
    const redact = await fetch(url(`/en/staff/submissions/${elsewhere.id}/publication`), {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: portal.appUrl, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie },
      body: new URLSearchParams({ intent: 'save-version', csrf: session.csrf, title: 'Replaced', summary: 'Replaced', body: 'Replaced' }),
    });
    expect(redact.status).toBe(403);
    expect((await get(`/en/staff/submissions/${assigned.id}`, session.cookie)).status).toBe(200);
    const [row] = await portal.db.select().from(submissions).where(eq(submissions.id, elsewhere.id));
    expect(row).toMatchObject({ decision: 'pending', publicTitle: null, publicBody: null });
  });
});
