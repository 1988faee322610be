import type { Tx } from '../../../db/client';
import { statusLinks } from '../../../db/schema';
import { hashSecretToken, newSecretToken } from '../ids/secret-token';

/** A status-link token: a secret token whose hash alone is kept in the database. */
export const newStatusToken = newSecretToken;
export const hashStatusToken = hashSecretToken;

/** Shape check before any database look-up: 43 base64url characters. */
export function looksLikeStatusToken(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * A further status link of a submission, for an e-mail that must carry one when no raw token is
 * kept (a request for changes, an e-mail sent again): only its hash is stored; the token goes
 * into the e-mail's outbox row. Earlier links keep working.
 */
export async function issueStatusLink(tx: Tx, submissionId: string): Promise<string> {
  const link = newStatusToken();
  await tx.insert(statusLinks).values({ submissionId, tokenHash: link.hash });
  return link.token;
}
