/**
 * THE contract between the web side and the workers: job names, their queues and payload schemas.
 * Payloads stay in the outbox row in PostgreSQL; BullMQ jobs carry only the outbox id, so neither
 * personal data nor secrets ever reach Redis.
 */
import { z } from 'zod';

export const JOBS = {
  /** Asks the submitter to confirm the address (status link), right after a submission is stored. */
  'confirm-email': { queue: 'email', payload: z.object({ statusToken: z.string().min(43) }) },
  /** Acknowledgement e-mail with the PDF receipt, once the submitter confirmed the address. */
  acknowledge: { queue: 'email', payload: z.object({ statusToken: z.string().min(43) }) },
  /** The private link to continue a saved draft. */
  'draft-link': { queue: 'email', payload: z.object({ token: z.string().min(43) }) },
  /** The one-time link for a staff member to choose a password (an invitation, or a new link). */
  'staff-invite': { queue: 'email', payload: z.object({ token: z.string().min(43) }) },
  /** Tells the submitter the moderation decision, or that their input was withdrawn from publication. */
  'decision-email': {
    queue: 'email',
    payload: z.object({
      decision: z.enum(['accepted', 'rejected', 'changes_requested', 'duplicate', 'unpublished']),
      // A request for changes links to the status page, where the submitter edits the input.
      statusToken: z.string().min(43).optional(),
    }),
  },
  /** Looks for near-identical inputs in the same forum once an input reaches moderators. */
  'find-similar': { queue: 'analysis', payload: z.object({}) },
  /** Brings the publication PDF of an input up to date: published, its public version changed, or withdrawn. */
  'render-publication': { queue: 'documents', payload: z.object({}) },
  /** Makes the book of a forum's published inputs that an admin asked for (books table). */
  'render-book': { queue: 'documents', payload: z.object({ bookId: z.uuid() }) },
  /** Deletes the files of books retired because an input in them was withdrawn, erased or redacted. */
  'remove-retired-books': { queue: 'documents', payload: z.object({}) },
} as const;

export type JobKind = keyof typeof JOBS;
/**
 * Payload fields that say what the work is (which decision to announce, which book to make): they
 * stay on a row that failed for good, so an admin can retry it. Every other field (the one-time
 * status and invitation tokens) is erased then, as all of a payload is once a row is done.
 */
export const KEPT_ON_FAILURE = ['decision', 'bookId'] as const;

export function keptOnFailure<V>(payload: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => (KEPT_ON_FAILURE as readonly string[]).includes(key)));
}
export type JobPayload<K extends JobKind> = z.infer<(typeof JOBS)[K]['payload']>;
/** Jobs that send an e-mail: the only outbox rows a submitter or a moderator sees as e-mails. */
export const EMAIL_JOB_KINDS = (Object.keys(JOBS) as JobKind[]).filter((kind) => JOBS[kind].queue === 'email');
export const QUEUE_NAMES = [...new Set(Object.values(JOBS).map((j) => j.queue))];
export type QueueName = (typeof JOBS)[JobKind]['queue'];

/**
 * Jobs a worker process runs at once, per queue. An e-mail job mostly waits (on the mail server's
 * replies and the database), so many run together; a receipt is a few milliseconds of CPU each.
 * Documents (publication PDFs, books) are CPU and memory heavy: two at a time. Near-duplicate
 * checks run one at a time per forum anyway (an advisory lock), so one at a time: with four, three
 * sat waiting for the lock, each holding one of the process's six database connections, and the
 * e-mail jobs queued for the two left (acknowledgements at 30 inputs/s fell 10 s behind).
 */
export const QUEUE_CONCURRENCY: Record<QueueName, number> = { email: 16, analysis: 1, documents: 2 };

/** What BullMQ carries for every job: the outbox row that asked for it. */
export const jobDataSchema = z.object({ outboxId: z.number().int().positive() });
export type JobData = z.infer<typeof jobDataSchema>;

/** Deterministic job id: the same outbox row can never be queued twice at once. */
export function jobIdFor(outboxId: number): string {
  return `outbox-${outboxId}`;
}

export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(JOBS, kind);
}
