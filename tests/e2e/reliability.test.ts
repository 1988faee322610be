/**
 * The reliability promises, proved in short on every test run (the long runs are
 * `npm run reliability`): two web processes and two workers on their own PostgreSQL, Redis and
 * mail server, an open load of real form posts (a third with files), the submitters confirming
 * their addresses, and faults injected meanwhile. The reconciler then joins the load's ledger with
 * the database, the mail received and the files on disk: every count that must be zero is zero.
 */
import { describe, expect, it } from 'vitest';
import { defectsOf, runScenario, type ScenarioResult } from '../../reliability/scenario';

const zeros = (result: ScenarioResult) => Object.fromEntries(Object.keys(defectsOf(result)).map((k) => [k, 0]));

describe('nothing lost, nothing doubled, under load and faults', () => {
  it('with nothing broken, every input is acknowledged once and no e-mail is sent twice', async () => {
    const result = await runScenario({ webs: 2, workers: 2, ratePerSecond: 4, durationSeconds: 10, faults: [], moderators: true, drainSeconds: 60 });
    expect(defectsOf(result)).toEqual(zeros(result));
    const { figures } = result.reconciliation;
    expect(figures.answeredWithReference).toBe(figures.arrivals);
    expect(figures.acknowledged).toBe(figures.arrivals);
    expect(figures.duplicateEmailsSameMessageId).toBe(0);
    // Two moderators raced on every input through different web processes: one decision each.
    expect(figures.decided).toBe(figures.arrivals);
    expect(result.moderation).toMatchObject({ decisionsWon: figures.arrivals, decisionsRefused: figures.arrivals });
  }, 180_000);

  it('workers killed at crash points and by signal, Redis restarted and flushed, PostgreSQL restarted, SMTP deferring', async () => {
    const result = await runScenario({
      webs: 2,
      workers: 2,
      ratePerSecond: 2,
      durationSeconds: 30,
      crashPoints: 'email-after-smtp-accept:0.03,relay-after-enqueue:0.03,receipt-mid-write:0.03',
      moderators: true,
      redeliverAfterMs: 5_000,
      claimMs: 15_000,
      faults: [
        { fault: 'worker-kill', atSeconds: 4 },
        { fault: 'redis-restart', atSeconds: 8 },
        { fault: 'postgres-restart', atSeconds: 12 },
        { fault: 'smtp-4xx', atSeconds: 15, seconds: 4 },
        { fault: 'redis-flushall', atSeconds: 21 },
        { fault: 'worker-graceful-stop', atSeconds: 24 },
      ],
      drainSeconds: 150,
    });
    expect(defectsOf(result)).toEqual(zeros(result));
    const { figures } = result.reconciliation;
    // The run did what it says: most inputs got a reference, were confirmed and acknowledged, and
    // the crash points really fired.
    expect(figures.answeredWithReference).toBeGreaterThanOrEqual(figures.arrivals * 0.9);
    expect(figures.confirmed).toBeGreaterThanOrEqual(figures.answeredWithReference);
    expect(figures.acknowledged).toBe(figures.confirmed);
    expect(figures.withFiles).toBeGreaterThan(0);
    expect(result.processes.reduce((n, p) => n + Object.values(p.crashPoints).reduce((a, b) => a + b, 0), 0)).toBeGreaterThan(0);
    // The Redis sampler saw jobs (waiting out the SMTP deferrals), so "ids only" was really checked.
    expect(result.personalData.jobsSampled).toBeGreaterThan(0);
  }, 480_000);

  it('SMTP refusing for good and never greeting, Redis away and then evicting, PostgreSQL crashing', async () => {
    const result = await runScenario({
      webs: 2,
      workers: 2,
      ratePerSecond: 2,
      durationSeconds: 30,
      redeliverAfterMs: 5_000,
      claimMs: 15_000,
      faults: [
        { fault: 'smtp-5xx', atSeconds: 3, seconds: 3 },
        { fault: 'smtp-no-greeting', atSeconds: 8, seconds: 4 },
        { fault: 'redis-down', atSeconds: 14, seconds: 5 },
        { fault: 'redis-wrong-policy', atSeconds: 20 },
        { fault: 'postgres-crash', atSeconds: 25 },
      ],
      drainSeconds: 150,
    });
    expect(defectsOf(result)).toEqual(zeros(result));
    // Refused for good: failed at once, audited (checked by the reconciler), never retried.
    expect(result.reconciliation.figures.failedVisibly).toBeGreaterThan(0);
    expect(result.faults.find((f) => f.fault === 'redis-wrong-policy')?.note).toBe('refused to start');
  }, 300_000);
});
