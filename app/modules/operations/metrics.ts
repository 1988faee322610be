/**
 * The portal's figures in Prometheus's text format, for the secretariat's monitoring: inputs
 * received (a counter: its rate is the submission rate), follow-up work waiting in the outbox and
 * the age of the oldest, work that failed for good by kind (e-mail failures among them), and
 * BullMQ's jobs by queue and state. Counts only: nothing about a person.
 */
import { count } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { submissions } from '../../../db/schema';
import { failedWorkByKind, outboxBacklog } from './outbox-figures';
import type { QueueCounts } from './queue-counts';

export interface MetricsDeps {
  db: Db;
  /** Jobs per state for each BullMQ queue (waiting, active, delayed, failed…); undefined when Redis does not answer. */
  queueCounts: () => Promise<QueueCounts | undefined>;
}

interface Metric {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  samples: Array<{ labels?: Record<string, string>; value: number }>;
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

export function prometheusText(metrics: Metric[]): string {
  return metrics
    .map((m) => {
      const lines = [`# HELP ${m.name} ${m.help}`, `# TYPE ${m.name} ${m.type}`];
      for (const s of m.samples) {
        const labels = s.labels ? `{${Object.entries(s.labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}` : '';
        lines.push(`${m.name}${labels} ${s.value}`);
      }
      return lines.join('\n');
    })
    .join('\n')
    .concat('\n');
}

export async function collectMetrics(deps: MetricsDeps, now = new Date()): Promise<string> {
  const [[received], backlog, failed, queues = {}] = await Promise.all([
    deps.db.select({ n: count() }).from(submissions),
    outboxBacklog(deps.db, now),
    failedWorkByKind(deps.db),
    // Redis down: the database's figures still come, the queues' are left out.
    deps.queueCounts(),
  ]);
  return prometheusText([
    { name: 'portal_inputs_received_total', help: 'Inputs stored since the portal began (its rate is the submission rate).', type: 'counter', samples: [{ value: received.n }] },
    { name: 'portal_outbox_pending', help: 'Follow-up work not yet done (e-mails, PDFs, checks).', type: 'gauge', samples: [{ value: backlog.pending }] },
    { name: 'portal_outbox_oldest_pending_seconds', help: 'Age of the oldest follow-up work not yet done.', type: 'gauge', samples: [{ value: backlog.oldestPendingSeconds }] },
    {
      name: 'portal_outbox_failed',
      help: 'Follow-up work that failed for good, by kind (e-mail kinds are e-mail failures).',
      type: 'gauge',
      samples: failed.map((f) => ({ labels: { kind: f.kind }, value: f.count })),
    },
    {
      name: 'portal_queue_jobs',
      help: 'BullMQ jobs by queue and state.',
      type: 'gauge',
      samples: Object.entries(queues).flatMap(([queue, states]) => Object.entries(states).map(([state, n]) => ({ labels: { queue, state }, value: n }))),
    },
  ]);
}
