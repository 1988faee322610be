/**
 * BullMQ's jobs per queue and state, for monitoring (/metrics) and the admins' operations page:
 * one way of reading them for both. The queues are made on first use, so a web process that is
 * never asked makes none.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES } from '../../../workers/queues';

/** States counted. Finished and failed jobs are removed at once (the outbox keeps the record), so these are the live ones. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

export type QueueCounts = Record<string, Record<string, number>>;

export interface QueueCounter {
  /** Jobs per state for each queue; undefined when Redis does not answer (the caller says so). */
  counts(): Promise<QueueCounts | undefined>;
  close(): Promise<void>;
}

export function queueCounter(connection: Redis): QueueCounter {
  let queues: Queue[] | undefined;
  return {
    async counts() {
      queues ??= QUEUE_NAMES.map((name) => new Queue(name, { connection }));
      try {
        return Object.fromEntries(await Promise.all(queues.map(async (q) => [q.name, await q.getJobCounts(...QUEUE_STATES)] as const)));
      } catch {
        return undefined;
      }
    },
    async close() {
      await Promise.all((queues ?? []).map((q) => q.close()));
    },
  };
}
