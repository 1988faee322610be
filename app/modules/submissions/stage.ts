import type { Submission } from '../../../db/schema';

/** What the submitter sees; derived from the orthogonal state fields, never stored. */
export type Stage =
  | 'awaiting_confirmation'
  | 'expired'
  | 'in_review'
  | 'changes_requested'
  | 'accepted'
  | 'published'
  | 'unpublished'
  | 'not_accepted'
  | 'withdrawn';

export function stageOf(s: Pick<Submission, 'decision' | 'publishedAt' | 'unpublishedAt' | 'withdrawnAt' | 'emailConfirmedAt' | 'expiredAt'>): Stage {
  if (s.withdrawnAt) return 'withdrawn';
  if (s.expiredAt) return 'expired';
  if (!s.emailConfirmedAt) return 'awaiting_confirmation';
  if (s.decision === 'accepted') return s.publishedAt ? 'published' : s.unpublishedAt ? 'unpublished' : 'accepted';
  if (s.decision === 'changes_requested') return 'changes_requested';
  if (s.decision === 'pending') return 'in_review';
  return 'not_accepted';
}
