/**
 * An open-model load generator: inputs arrive at a fixed rate whatever the portal's speed, as
 * people do (a closed model, N users waiting for answers, slows down with the server and hides
 * exactly the overload it should show). Each arrival posts the real form, multipart with its
 * file if it has one, to one of the web processes in turn, and behaves like a person: after a
 * failure or no answer it sends the same form again (same idempotency key) a few times.
 *
 * Every request is recorded in the ledger: the reconciler later joins it with the database and
 * the mailbox.
 */
import { createCookie } from '@remix-run/node';
import { issueFormStamp } from '../app/modules/abuse/form-timing';
import type { InputMix, PlannedInput } from './input-mix';

export interface LedgerEntry {
  marker: string;
  email: string;
  locale: string;
  withFile: boolean;
  attempts: number;
  /** Status of the last attempt (0: no answer). */
  status: number;
  /** The reference shown on screen, when the portal gave one. */
  reference?: string;
  latencyMs?: number;
  error?: string;
}

export interface LoadOptions {
  webUrls: string[];
  forumSlug: string;
  sessionSecret: string;
  runId: string;
  ratePerSecond: number;
  durationSeconds: number;
  mix: InputMix;
  /** How often one arrival sends its form before giving up (a person pressing "send" again). */
  maxAttempts?: number;
}

const REQUEST_TIMEOUT_MS = 30_000;
const RETRY_PAUSE_MS = 2_000;

export async function runOpenLoad(opts: LoadOptions): Promise<LedgerEntry[]> {
  const received = createCookie('received', { secrets: [opts.sessionSecret] });
  const total = Math.round(opts.ratePerSecond * opts.durationSeconds);
  const started = performance.now();
  const arrivals: Array<Promise<LedgerEntry>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / opts.ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    arrivals.push(arrive(opts, received, opts.mix.plan(opts.runId, i), i));
  }
  return Promise.all(arrivals);
}

async function arrive(opts: LoadOptions, received: ReturnType<typeof createCookie>, input: PlannedInput, i: number): Promise<LedgerEntry> {
  const entry: LedgerEntry = { marker: input.marker, email: input.email, locale: input.locale, withFile: !!input.file, attempts: 0, status: 0 };
  const idempotencyKey = crypto.randomUUID();
  // The form was opened a minute ago (the minimum fill time is long past).
  const formStamp = issueFormStamp(opts.sessionSecret, Date.now() - 60_000);
  const maxAttempts = opts.maxAttempts ?? 5;
  while (entry.attempts < maxAttempts) {
    entry.attempts++;
    const webUrl = opts.webUrls[(i + entry.attempts - 1) % opts.webUrls.length];
    const t0 = performance.now();
    try {
      const res = await fetch(`${webUrl}/${input.locale}/forums/${opts.forumSlug}/submit`, {
        method: 'POST',
        redirect: 'manual',
        // One address per simulated person: the per-IP limits are for abuse, not for this.
        headers: { Origin: webUrl, 'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: formBody(input, idempotencyKey, formStamp),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await res.arrayBuffer();
      entry.status = res.status;
      entry.latencyMs = performance.now() - t0;
      if (res.status === 302 && res.headers.get('location')?.endsWith('/received')) {
        const cookie = res.headers.get('set-cookie')?.split(';')[0];
        entry.reference = cookie ? ((await received.parse(cookie)) as string) : undefined;
        delete entry.error;
        return entry;
      }
      entry.error = `answered ${res.status}`;
      // A refusal of the form itself (4xx other than 429) would be refused again: stop.
      if (res.status >= 400 && res.status < 500 && res.status !== 429) return entry;
    } catch (error) {
      entry.status = 0;
      entry.error = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
  }
  return entry;
}

function formBody(input: PlannedInput, idempotencyKey: string, formStamp: string): FormData {
  const form = new FormData();
  form.set('idempotencyKey', idempotencyKey);
  form.set('formStamp', formStamp);
  for (const [name, value] of Object.entries(input.fields)) form.set(name, value);
  if (input.file) form.set('attachments', new Blob([Buffer.from(input.file.bytes)], { type: input.file.type }), input.file.name);
  return form;
}
