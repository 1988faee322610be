/**
 * Named places where a test build can be told to die at once, as `kill -9` would kill it, so the
 * reliability suites can prove that work interrupted exactly there is neither lost nor done twice.
 *
 * `PORTAL_CRASH_POINTS=email-after-smtp-accept:0.05,relay-after-enqueue:0.1` makes the process kill
 * itself with SIGKILL at those points with those odds. Only when NODE_ENV is `test`: a production
 * process never reads the variable, whatever its environment holds.
 */
import { writeSync } from 'node:fs';

export const CRASH_POINTS = [
  /** The relay handed jobs to Redis but has not yet stamped the outbox rows as relayed. */
  'relay-after-enqueue',
  /** The SMTP server answered 250 but the delivery is not yet recorded: the one duplicate window. */
  'email-after-smtp-accept',
  /** Inside the transaction storing a receipt PDF, before it commits. */
  'receipt-mid-write',
] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

let odds: Map<string, number> | undefined;

function configuredOdds(): Map<string, number> {
  if (odds) return odds;
  odds = new Map();
  if (process.env.NODE_ENV !== 'test') return odds;
  for (const part of (process.env.PORTAL_CRASH_POINTS ?? '').split(',').filter(Boolean)) {
    const [name, chance] = part.split(':');
    if (!(CRASH_POINTS as readonly string[]).includes(name)) throw new Error(`unknown crash point ${name}`);
    odds.set(name, chance === undefined ? 1 : Number(chance));
  }
  return odds;
}

/** Dies here, now, without any clean-up, if this test build was asked to (see above). */
export function crashPoint(name: CrashPoint): void {
  const chance = configuredOdds().get(name);
  if (!chance || Math.random() >= chance) return;
  // Written synchronously: the suites count crashes per point from the process's output.
  writeSync(2, `${JSON.stringify({ level: 'error', source: 'crash-point', msg: `crash point ${name}` })}\n`);
  process.kill(process.pid, 'SIGKILL');
}
