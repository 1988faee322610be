/**
 * Reads a moderator's decision form: which decision, and the text it needs. A problem comes back
 * as the field it belongs to and a message key, with the text as typed so nothing is lost.
 */
import { REJECTION_CATEGORIES, type RejectionCategory } from '../../db/schema';
import type { DecisionRequest } from '../modules/moderation/decide';
import { hasControlCharacters } from '../modules/submissions/submission-input';
import { countCharacters } from '../modules/submissions/text-measure';
import { readPublishTime, type PublishTimeError } from './publish-time-form.server';

export type DecisionFormProblem = {
  field: 'reason' | 'message' | 'category' | 'original' | 'publishAt';
  error: 'error.required' | 'error.invalidCharacters' | 'error.tooLong' | 'error.invalid' | PublishTimeError;
  value: string;
};

/** What is wrong with a reason or a message for the submitter, if anything. */
export function staffTextProblem(text: string): DecisionFormProblem['error'] | undefined {
  if (text.length === 0) return 'error.required';
  if (hasControlCharacters(text)) return 'error.invalidCharacters';
  if (countCharacters(text) > 5_000) return 'error.tooLong';
  return undefined;
}

export type DecisionIntent = 'accept' | 'reject' | 'changes' | 'duplicate' | 'spam';
export const DECISION_INTENTS: readonly DecisionIntent[] = ['accept', 'reject', 'changes', 'duplicate', 'spam'];

/**
 * The decision a form asks for, or the problem with it. `findOriginal` turns the reference typed
 * for a duplicate into the id of that input (in the same forum), if there is one; `timeZone` is
 * the one a scheduled publication time is read in.
 */
export async function readDecision(
  form: FormData,
  intent: DecisionIntent,
  opts: { findOriginal: (reference: string) => Promise<string | undefined>; timeZone: string },
): Promise<{ ok: true; request: DecisionRequest } | { ok: false; problem: DecisionFormProblem }> {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  if (intent === 'accept') {
    const when = readPublishTime(form, opts.timeZone);
    if (!when.ok) return { ok: false, problem: { field: 'publishAt', error: when.error, value: when.value } };
    return { ok: true, request: { decision: 'accepted', publishAt: when.at } };
  }
  if (intent === 'spam') return { ok: true, request: { decision: 'spam' } };
  if (intent === 'reject') {
    const reason = text('reason');
    const category = text('category');
    if (!(REJECTION_CATEGORIES as readonly string[]).includes(category)) return { ok: false, problem: { field: 'category', error: 'error.required', value: reason } };
    const error = staffTextProblem(reason);
    if (error) return { ok: false, problem: { field: 'reason', error, value: reason } };
    return { ok: true, request: { decision: 'rejected', category: category as RejectionCategory, reason } };
  }
  if (intent === 'changes') {
    const message = text('message');
    const error = staffTextProblem(message);
    if (error) return { ok: false, problem: { field: 'message', error, value: message } };
    return { ok: true, request: { decision: 'changes_requested', reason: message } };
  }
  const reference = text('original').toUpperCase();
  if (!reference) return { ok: false, problem: { field: 'original', error: 'error.required', value: reference } };
  const original = reference.length <= 40 ? await opts.findOriginal(reference) : undefined;
  if (!original) return { ok: false, problem: { field: 'original', error: 'error.invalid', value: reference } };
  return { ok: true, request: { decision: 'duplicate', duplicateOf: original } };
}
