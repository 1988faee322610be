/** What the tests of POST /api/v1/forums/{slug}/submissions share. */
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { submissions } from '../../db/schema';

export const newEmail = (tag = 'api') => `${tag}-${crypto.randomUUID().slice(0, 8)}@example.org`;

/** A valid input as the API's tests send it, with a fresh address. */
export function validApiInput(overrides: Record<string, unknown> = {}) {
  return {
    submitterType: 'organisation',
    contactName: 'Amina Haddad',
    organisation: 'Migrant Rights Network',
    email: newEmail(),
    constituency: 'civil_society',
    country: 'LB',
    language: 'en',
    title: 'Access to services for migrant workers',
    summary: 'Recommendations on objectives 6 and 15.',
    body: 'Migrant domestic workers need access to justice and basic services.',
    objectives: ['15', '6'],
    principles: ['human_rights'],
    publishName: false,
    publishOrganisation: true,
    consentPublication: true,
    ...overrides,
  };
}

/** How many inputs a forum holds (to prove a refused request stored nothing). */
export async function storedFor(db: Db, forumId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(submissions).where(eq(submissions.forumId, forumId));
  return row.n;
}

/** A different client address per request (the portal trusts X-Forwarded-For from loopback only), so per-IP limits stay apart. */
let clients = 0;
export const nextClientAddress = () => `198.51.100.${++clients}`;
