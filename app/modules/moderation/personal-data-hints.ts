/**
 * Likely personal data in an input's text: e-mail addresses and phone numbers. A hint for the
 * moderator who prepares the public version, never a verdict: the same patterns flag inputs in
 * the queue (a column PostgreSQL computes) and mark the matches on the input's page.
 */
import { EMAIL_PATTERN, NOT_DIGIT, PHONE_PATTERN } from '../../../db/schema/personal-data-patterns';

const LEADING_EDGE = new RegExp(`^(?!\\+)${NOT_DIGIT}`, 'u');
const TRAILING_EDGE = new RegExp(`${NOT_DIGIT}$`, 'u');

export interface PersonalDataHint {
  kind: 'email' | 'phone';
  start: number;
  end: number;
}

/** Where the text seems to hold an e-mail address or a phone number, in order. */
export function personalDataHints(text: string): PersonalDataHint[] {
  const hints: PersonalDataHint[] = [];
  for (const [kind, pattern] of [['email', EMAIL_PATTERN], ['phone', PHONE_PATTERN]] as const) {
    for (const match of text.matchAll(new RegExp(pattern, 'gu'))) {
      // The local phone pattern takes the character before and after to see the number's edges;
      // those are not part of the number.
      const found = kind === 'phone' ? match[0].replace(LEADING_EDGE, '').replace(TRAILING_EDGE, '') : match[0];
      const start = match.index + match[0].indexOf(found);
      hints.push({ kind, start, end: start + found.length });
    }
  }
  return hints.sort((a, b) => a.start - b.start).filter((h, i, all) => i === 0 || h.start >= all[i - 1].end);
}

/** The text cut into plain and flagged parts, for showing with the flagged parts marked. */
export function splitByHints(text: string): Array<{ text: string; hint?: PersonalDataHint['kind'] }> {
  const parts: Array<{ text: string; hint?: PersonalDataHint['kind'] }> = [];
  let at = 0;
  for (const h of personalDataHints(text)) {
    if (h.start > at) parts.push({ text: text.slice(at, h.start) });
    parts.push({ text: text.slice(h.start, h.end), hint: h.kind });
    at = h.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
