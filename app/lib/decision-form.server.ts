/**
 * Reads a moderator's decision form: which decision, and the text it needs. Problems come back
 * all at once, each as the field it belongs to and a message key, with what was typed in every
 * field of the form so nothing is lost.
 */
import { REJECTION_CATEGORIES, type RejectionCategory } from '../../db/schema';
import type { DecisionRequest } from '../modules/moderation/decide';
import { hasControlCharacters } from '../modules/submissions/submission-input';
import { countCharacters } from '../modules/submissions/text-measure';
import { readPublishTime, type PublishTimeError } from './publish-time-form.server';

export type DecisionField = 'publishAt' | 'category' | 'reason' | 'message' | 'original';
export type DecisionFieldError = 'error.required' | 'error.invalidCharacters' | 'error.tooLong' | 'error.invalid' | PublishTimeError;

/** A refused decision form: each field's problem, in the form's order, and what was typed. */
export interface DecisionFormProblems {
  errors: Array<{ field: DecisionField; error: DecisionFieldError }>;
  values: Partial<Record<DecisionField, string>>;
}

/** What is wrong with a reason or a message for the submitter, if anything. */
export function staffTextProblem(text: string): DecisionFieldError | undefined {
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
): Promise<{ ok: true; request: DecisionRequest } | { ok: false; problems: DecisionFormProblems }> {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const refused = (errors: DecisionFormProblems['errors'], values: DecisionFormProblems['values']) => ({ ok: false as const, problems: { errors, values } });
  if (intent === 'accept') {
    const when = readPublishTime(form, opts.timeZone);
    if (!when.ok) return refused([{ field: 'publishAt', error: when.error }], { publishAt: when.value });
    return { ok: true, request: { decision: 'accepted', publishAt: when.at } };
  }
  if (intent === 'spam') return { ok: true, request: { decision: 'spam' } };
  if (intent === 'reject') {
    const reason = text('reason');
    const category = text('category');
    const known = (REJECTION_CATEGORIES as readonly string[]).includes(category);
    const reasonError = staffTextProblem(reason);
    const errors: DecisionFormProblems['errors'] = [];
    if (!known) errors.push({ field: 'category', error: 'error.required' });
    if (reasonError) errors.push({ field: 'reason', error: reasonError });
    if (errors.length) return refused(errors, { category: known ? category : '', reason });
    return { ok: true, request: { decision: 'rejected', category: category as RejectionCategory, reason } };
  }
  if (intent === 'changes') {
    const message = text('message');
    const error = staffTextProblem(message);
    if (error) return refused([{ field: 'message', error }], { message });
    return { ok: true, request: { decision: 'changes_requested', reason: message } };
  }
  const reference = text('original').toUpperCase();
  if (!reference) return refused([{ field: 'original', error: 'error.required' }], { original: reference });
  const original = reference.length <= 40 ? await opts.findOriginal(reference) : undefined;
  if (!original) return refused([{ field: 'original', error: 'error.invalid' }], { original: reference });
  return { ok: true, request: { decision: 'duplicate', duplicateOf: original } };
}
