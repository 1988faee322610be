import type { Submission } from '../../../db/schema';

/** What the submitter sees; derived from the orthogonal state fields, never stored. */
export type Stage = 'in_review' | 'changes_requested' | 'accepted' | 'published' | 'not_accepted' | 'withdrawn';

export function stageOf(s: Pick<Submission, 'decision' | 'publishedAt' | 'withdrawnAt'>): Stage {
  if (s.withdrawnAt) return 'withdrawn';
  if (s.decision === 'accepted') return s.publishedAt ? 'published' : 'accepted';
  if (s.decision === 'changes_requested') return 'changes_requested';
  if (s.decision === 'pending') return 'in_review';
  return 'not_accepted';
}
