/**
 * Benchmark (not a test): how soon people hear back. Inputs arrive at a fixed rate (30/s for two
 * minutes by default; the realistic mix of the reliability suite: four languages, 30% with a PDF
 * or DOCX) at the production web process, with one worker sending the e-mails to an SMTP server
 * that records when it accepted each message. Every submitter confirms their address as soon as
 * the e-mail asking for it arrives; the acknowledgement with the PDF receipt follows. Measured:
 * submit → confirmation e-mail accepted by SMTP, and confirmation → acknowledgement accepted, and
 * whether any e-mail owed never arrived.
 *
 * Target: p99 ≤ 5 s, nothing lost.
 *
 *   npm run bench -- ack [--rate 30 --seconds 120 --drain-seconds 120 --workers 1 --cpu-prof <folder>]
 *
 * `--cpu-prof` writes a CPU profile of each worker (node --cpu-prof) into the folder.
 */
import { parseArgs } from 'node:util';
import { issueFormStamp } from '../app/modules/abuse/form-timing';
import { startFaultSmtp, type ReceivedMail } from '../reliability/fault-smtp';
import { inputMix } from '../reliability/input-mix';
import { createForum } from '../tests/factories/forums';
import { openLoadStep } from './open-load';
import { recordResult, type Figure } from './results';
import { percentile } from './timing';
import { BENCH_SESSION_SECRET, startBenchServices, startWebProcess, startWorkerProcess } from './web-process';

const { values: args } = parseArgs({ options: { rate: { type: 'string', default: '30' }, seconds: { type: 'string', default: '120' }, 'drain-seconds': { type: 'string', default: '120' }, workers: { type: 'string', default: '1' }, 'cpu-prof': { type: 'string' } } });
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const WORKERS = Number(args.workers);
const TARGET_P99_MS = 5_000;
const STATUS_LINK = /https?:\/\/[^\s<>"]+\/status\/[A-Za-z0-9_-]+/;

const smtp = await startFaultSmtp();
const { services, handle, stop } = await startBenchServices('ack');
const stops: Array<() => Promise<void>> = [];
try {
  const forum = await createForum(handle.db, 'open');
  const withSmtp = { ...services, smtpUrl: smtp.url };
  const web = await startWebProcess(withSmtp);
  stops.push(web.stop);
  for (let n = 0; n < WORKERS; n++) stops.push((await startWorkerProcess(withSmtp, web.appUrl, args['cpu-prof'])).stop);
  const mix = await inputMix();
  const runId = Date.now().toString(36);

  // Per address: when the form was sent, when each e-mail was accepted, when the person confirmed.
  const submittedAt = new Map<string, number>();
  const confirmationAt = new Map<string, number>();
  const confirmedAt = new Map<string, number>();
  const acknowledgedAt = new Map<string, number>();
  const confirming: Array<Promise<void>> = [];
  const isOurs = (to: string) => to.startsWith(`load-${runId}-`);
  smtp.onMail((mail: ReceivedMail) => {
    if (!isOurs(mail.to)) return;
    if (mail.messageId.startsWith('<acknowledge.') && !acknowledgedAt.has(mail.to)) acknowledgedAt.set(mail.to, mail.receivedAt);
    if (!mail.messageId.startsWith('<confirm-email.') || confirmationAt.has(mail.to)) return;
    confirmationAt.set(mail.to, mail.receivedAt);
    const link = STATUS_LINK.exec(mail.text)?.[0];
    if (!link) return;
    confirming.push(
      fetch(link, { method: 'POST', redirect: 'manual', headers: { Origin: new URL(link).origin, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ intent: 'confirm' }) }).then(async (res) => {
        await res.arrayBuffer();
        if (res.status === 302) confirmedAt.set(mail.to, Date.now());
      }),
    );
  });

  console.log(`${RATE} inputs/s for ${SECONDS} s, ${WORKERS} worker process(es)…`);
  const load = await openLoadStep({
    rate: RATE,
    seconds: SECONDS,
    offset: 0,
    send: async (i, signal) => {
      const input = mix.plan(runId, i);
      const form = new FormData();
      form.set('idempotencyKey', crypto.randomUUID());
      form.set('formStamp', issueFormStamp(BENCH_SESSION_SECRET, Date.now() - 60_000));
      for (const [name, value] of Object.entries(input.fields)) form.set(name, value);
      if (input.file) form.set('attachments', new Blob([Buffer.from(input.file.bytes)], { type: input.file.type }), input.file.name);
      const sentAt = Date.now();
      const res = await fetch(`${web.appUrl}/${input.locale}/forums/${forum.slug}/submit`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: web.appUrl, 'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: form,
        signal,
      });
      if (res.status === 302) submittedAt.set(input.email, sentAt);
      return res;
    },
    accepted: (res) => res.status === 302,
  });
  console.log(`Stored ${load.accepted} of ${load.sent}; submit p50 ${load.p50Ms.toFixed(0)} ms, p99 ${load.p99Ms.toFixed(0)} ms. Waiting for the e-mails…`);

  const drainUntil = Date.now() + Number(args['drain-seconds']) * 1000;
  while (Date.now() < drainUntil && acknowledgedAt.size < submittedAt.size) await new Promise((r) => setTimeout(r, 500));
  await Promise.all(confirming);

  const latencies = (from: Map<string, number>, to: Map<string, number>) =>
    [...from].flatMap(([address, at]) => (to.has(address) ? [to.get(address)! - at] : [])).sort((a, b) => a - b);
  const toConfirmation = latencies(submittedAt, confirmationAt);
  const toAcknowledgement = latencies(confirmedAt, acknowledgedAt);
  const lostConfirmations = submittedAt.size - toConfirmation.length;
  const lostAcknowledgements = confirmedAt.size - toAcknowledgement.length;
  const row = (name: string, sorted: number[]) => ({ name, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] });
  const rows = [row('submit → e-mail asking to confirm', toConfirmation), row('confirmation → acknowledgement with receipt', toAcknowledgement)];
  console.table(rows.map((r) => ({ stage: r.name, 'p50 ms': r.p50, 'p95 ms': r.p95, 'p99 ms': r.p99, 'max ms': r.max })));
  console.log(`E-mails owed and not received when the drain limit ran out: ${lostConfirmations} confirmation requests, ${lostAcknowledgements} acknowledgements.`);

  const figures: Figure[] = [
    ...rows.flatMap((r) => [
      { name: `${r.name}: p50`, value: r.p50, unit: 'ms' },
      { name: `${r.name}: p99`, value: r.p99, unit: 'ms', target: `≤ ${TARGET_P99_MS} ms`, met: r.p99 <= TARGET_P99_MS },
    ]),
    { name: 'e-mails owed and not received by the end of the drain', value: lostConfirmations + lostAcknowledgements, unit: '', target: '0', met: lostConfirmations + lostAcknowledgements === 0 },
    { name: 'inputs stored', value: load.accepted, unit: `of ${load.sent}` },
  ];
  recordResult(WORKERS === 1 ? 'acknowledgement pipeline' : `acknowledgement pipeline, ${WORKERS} workers`, { parameters: { rate: RATE, seconds: SECONDS, mix: 'en, ar ×2, fr, es; 30% with a PDF or DOCX', workers: WORKERS }, figures });
  if (lostConfirmations + lostAcknowledgements > 0) process.exitCode = 1;
} finally {
  for (const s of stops.reverse()) await s();
  await stop();
  await smtp.stop();
}
