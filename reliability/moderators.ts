/**
 * Two moderators at work during the load, each through a different web process, racing for the
 * same inputs on purpose: both claim each confirmed input and both decide it at once, one to
 * accept, one to reject. Exactly one decision may win per input, no two people may hold a claim
 * at once, and the submitter must get exactly one decision e-mail.
 */
import { and, asc, eq, isNotNull, notInArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { staffForumAssignments, submissions } from '../db/schema';
import { upsertStaffUser } from '../app/modules/staff/staff-accounts';

interface Moderator {
  webUrl: string;
  cookie: string;
  csrf: string;
}

export interface ModerationTally {
  decisionsWon: number;
  /** Decisions refused because the other moderator's came first (409): the expected loser. */
  decisionsRefused: number;
  /** Answers other than a redirect or a 409: each one is a defect. */
  unexpectedAnswers: string[];
}

export async function startModerators(db: Db, forumId: string, webUrls: string[]) {
  const team: Moderator[] = [];
  for (let i = 0; i < 2; i++) {
    const webUrl = webUrls[i % webUrls.length];
    const email = `moderator-${i}-${crypto.randomUUID().slice(0, 6)}@un.example`;
    const password = 'a long and unguessable passphrase for the run';
    const user = await upsertStaffUser(db, { email, displayName: `Moderator ${i}`, role: 'moderator', password });
    await db.insert(staffForumAssignments).values({ staffId: user.id, forumId });
    team.push(await signIn(webUrl, email, password));
  }
  const tally: ModerationTally = { decisionsWon: 0, decisionsRefused: 0, unexpectedAnswers: [] };
  const seen = new Set<string>();
  let finishing = false;
  const loop = (async () => {
    for (;;) {
      const due = await db
        .select({ id: submissions.id, version: submissions.version })
        .from(submissions)
        .where(
          and(
            eq(submissions.forumId, forumId),
            eq(submissions.decision, 'pending'),
            isNotNull(submissions.emailConfirmedAt),
            seen.size ? notInArray(submissions.id, [...seen]) : undefined,
          ),
        )
        .orderBy(asc(submissions.receivedAt))
        .limit(20)
        .catch(() => []);
      const fresh = due.filter((d) => !seen.has(d.id));
      // Told to finish: stop once every confirmed input has been raced on.
      if (finishing && fresh.length === 0) return;
      // Several inputs at a time, as a team works through a queue, so they keep pace with the load.
      for (const input of fresh) seen.add(input.id);
      await Promise.all(fresh.map((input) => Promise.all(team.map((m, i) => decide(m, input.id, input.version, i === 0 ? 'accept' : 'reject', tally)))));
      if (fresh.length === 0) await new Promise((r) => setTimeout(r, 500));
    }
  })();
  return {
    tally,
    /** Resolves once every confirmed input so far has been raced on. */
    async finish() {
      finishing = true;
      await loop;
      return tally;
    },
  };
}

async function decide(m: Moderator, submissionId: string, version: number, intent: 'accept' | 'reject', tally: ModerationTally) {
  const post = (body: Record<string, string>) =>
    fetch(`${m.webUrl}/en/staff/submissions/${submissionId}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: m.webUrl, Cookie: m.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: m.csrf, ...body }),
      signal: AbortSignal.timeout(30_000),
    })
      .then(async (res) => (await res.arrayBuffer(), res.status))
      // No answer, or an answer cut off (the time limit can fall while the body is read): 0.
      .catch(() => 0);
  // The claim may be refused (the other has it): deciding is then refused too, which is the point.
  await post({ intent: 'claim' });
  const status = await post(intent === 'accept' ? { intent, version: String(version) } : { intent, version: String(version), category: 'other', reason: 'Outside the scope of this call.' });
  if (status === 302) tally.decisionsWon++;
  else if (status === 409) tally.decisionsRefused++;
  // No answer or 5xx while PostgreSQL restarts is an outage, not a wrong decision; anything else is.
  else if (status !== 0 && status < 500) tally.unexpectedAnswers.push(`${intent} ${submissionId}: ${status}`);
}

async function signIn(webUrl: string, email: string, password: string): Promise<Moderator> {
  const res = await fetch(`${webUrl}/en/staff/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: webUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 302 || !cookie) throw new Error(`moderator sign-in failed: ${res.status}`);
  const page = await (await fetch(`${webUrl}/en/staff`, { headers: { Cookie: cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error('no CSRF token on the staff page');
  return { webUrl, cookie, csrf };
}
