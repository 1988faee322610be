import type { Forum } from '../../../db/schema';

export type CallState = 'upcoming' | 'open' | 'closed';

/** The server clock decides, to the second: open from opensAt (inclusive) until closesAt (exclusive). */
export function callState(forum: Pick<Forum, 'opensAt' | 'closesAt'>, now: Date): CallState {
  if (now < forum.opensAt) return 'upcoming';
  if (now >= forum.closesAt) return 'closed';
  return 'open';
}
