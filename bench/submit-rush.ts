/**
 * Benchmark (not a test): a deadline-day rush on the submission form. Arrivals come at a fixed
 * rate (an open model) to the production build's web process, with its worker sending the e-mails
 * the inputs cause, first with text only, then each carrying a 1 MB PDF. The rate grows until the
 * portal stops keeping up (less than 99% stored, or a p99 over a second); the same ramp runs
 * against a bare node:http server that parses the same body and does one INSERT (the baseline,
 * same machine, same run). Then the portal is held at 60% of its own maximum to read its latency
 * there. Resident memory of the web process and the worker is sampled throughout. The CPU time each
 * process spent per input during that hold (web, worker, PostgreSQL, Redis, the load generator) is
 * set beside the baseline's at the same rate: the two machines' cores are shared by all of them.
 * `--web-processes N` runs N web processes and spreads the requests over them in turn, as a
 * round-robin load balancer would (memory is then the largest of them).
 *
 * Targets: the portal sustains ≥ 50% of the baseline's rate; p99 ≤ 150 ms at 60% of its maximum;
 * web ≤ 250 MB and worker ≤ 300 MB resident.
 *
 *   npm run bench -- submit [--step-seconds 8 --hold-seconds 20 --start-rate 10 --max-rate 3000
 *                            --attachment-kb 1024 --only text|file --web-processes 1 --cpu-prof <folder>]
 */
import { parseArgs } from 'node:util';
import { count, eq } from 'drizzle-orm';
import { issueFormStamp } from '../app/modules/abuse/form-timing';
import { submissions } from '../db/schema';
import { freePort } from '../scripts/services/ports';
import { createForum } from '../tests/factories/forums';
import { findMaximumRate, openLoadStep, type StepResult } from './open-load';
import { pdfOfSize } from './pdf-of-size';
import { measureCpu } from './process-cpu';
import { sampleMemory } from './process-memory';
import { recordResult, type Figure } from './results';
import { BENCH_SESSION_SECRET, startBenchProcess, startBenchServices, startWebProcess, startWorkerProcess } from './web-process';

const { values: args } = parseArgs({
  options: {
    'step-seconds': { type: 'string', default: '8' },
    'hold-seconds': { type: 'string', default: '20' },
    'start-rate': { type: 'string', default: '10' },
    'max-rate': { type: 'string', default: '3000' },
    'attachment-kb': { type: 'string', default: '1024' },
    /** `text` or `file`: one of the two rushes only. */
    only: { type: 'string' },
    'web-processes': { type: 'string', default: '1' },
    /** A folder for a CPU profile of the web process (node --cpu-prof), written when it stops. */
    'cpu-prof': { type: 'string' },
  },
});
const STEP_SECONDS = Number(args['step-seconds']);
const HOLD_SECONDS = Number(args['hold-seconds']);
const START_RATE = Number(args['start-rate']);
const MAX_RATE = Number(args['max-rate']);
const ATTACHMENT_BYTES = Number(args['attachment-kb']) * 1024;
const WEB_PROCESSES = Number(args['web-processes']);
/** Before the held rate is measured: JIT, connection pools. */
const WARM_UP_SECONDS = 5;
/** After it: the worker sends the last inputs' e-mails, whose CPU counts with them. */
const DRAIN_SECONDS = 3;
const TARGETS = { throughputRatio: 0.5, p99Ms: 150, webMb: 250, workerMb: 300 };

const roundedValues = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number(v.toFixed(1))]));

const { services, handle, stop } = await startBenchServices('rush');
const stops: Array<() => Promise<void>> = [];
try {
  const forum = await createForum(handle.db, 'open');
  // A fresh web process and worker for the held rate: memory that a ramp past the limit made the
  // process take is not given back at once, and would count against the sustained rate.
  const startPortal = async () => {
    const webs = await Promise.all(Array.from({ length: WEB_PROCESSES }, () => startWebProcess(services, args['cpu-prof'])));
    const worker = await startWorkerProcess(services, webs[0].appUrl);
    const memory = sampleMemory({ worker: worker.pid, ...Object.fromEntries(webs.map((w, n) => [`web${n}`, w.pid])) });
    const peak = () => {
      const peaks = memory.peak();
      return { worker: peaks.worker, web: Math.max(...webs.map((_, n) => peaks[`web${n}`])) };
    };
    // Request i goes to web process i mod N.
    const appUrl = (i: number) => webs[i % webs.length].appUrl;
    return { webs, worker, appUrl, memory: { ...memory, peak } };
  };
  const stopPortal = async () => {
    portal.memory.stop();
    await portal.worker.stop();
    for (const web of portal.webs) await web.stop();
  };
  let portal = await startPortal();
  stops.push(() => stopPortal());
  const barePort = await freePort();
  const bare = await startBenchProcess(['--import', 'tsx', 'bench/bare-submit-server.ts'], { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: services.databaseUrl, PORT: String(barePort) }, 'listening');
  stops.push(bare.stop);
  const bareUrl = `http://127.0.0.1:${barePort}`;

  const pdf = await pdfOfSize(ATTACHMENT_BYTES);
  const text = 'Les voies régulières réduisent les risques. '.repeat(40) + 'الهجرة الآمنة والمنظمة والنظامية. '.repeat(40);
  // The form as a browser sends it (multipart: the form has a file field), one person per request.
  const form = (i: number, withFile: boolean) => {
    const body = new FormData();
    const fields = {
      idempotencyKey: crypto.randomUUID(),
      formStamp: issueFormStamp(BENCH_SESSION_SECRET, Date.now() - 60_000),
      submitterType: 'organisation',
      contactName: `Rush Person ${i}`,
      organisation: 'Rush Org',
      email: `rush-${i}@example.org`,
      constituency: 'civil_society',
      country: 'JO',
      language: 'ar',
      title: `Input ${i}`,
      summary: 'A summary of the input.',
      body: `${text} ${i}`,
      objectives: '23',
      consentPublication: 'yes',
    };
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    if (withFile) body.set('attachments', new Blob([Buffer.from(pdf)], { type: 'application/pdf' }), `report-${i}.pdf`);
    return body;
  };
  // One address per simulated person: the per-address limits are for abuse, not for this.
  const headers = (i: number, origin: string) => ({ Origin: origin, 'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` });
  const storedByPortal = (res: Response) => res.status === 302 && (res.headers.get('location') ?? '').endsWith('/received');
  let next = 0;
  const step = (target: 'portal' | 'baseline', withFile: boolean) => async (rate: number): Promise<StepResult> => {
    const origin = (i: number) => (target === 'portal' ? portal.appUrl(i) : bareUrl);
    const url = (i: number) => (target === 'portal' ? `${origin(i)}/en/forums/${forum.slug}/submit` : `${bareUrl}/submit`);
    const result = await openLoadStep({
      rate,
      seconds: STEP_SECONDS,
      offset: next,
      send: (i, signal) => fetch(url(i), { method: 'POST', redirect: 'manual', headers: headers(i, origin(i)), body: form(i, withFile), signal }),
      accepted: (res) => (target === 'portal' ? storedByPortal(res) : res.status === 201),
    });
    next += result.sent;
    const row = { target, rate, 'stored/s': result.throughput.toFixed(1), 'p50 ms': result.p50Ms.toFixed(0), 'p99 ms': result.p99Ms.toFixed(0), statuses: JSON.stringify(result.statuses) };
    console.log(JSON.stringify(row));
    // A pause between steps, so one step's queue does not spill into the next.
    await new Promise((r) => setTimeout(r, 2_000));
    return result;
  };

  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  let portalStored = 0;
  const rushes = [{ kind: 'text only', withFile: false }, { kind: `with a ${Math.round(ATTACHMENT_BYTES / 1024)} KB PDF`, withFile: true }];
  for (const { kind, withFile } of rushes.filter((r) => !args.only || (args.only === 'file') === r.withFile)) {
    console.log(`\n— ${kind}: baseline ramp`);
    const baseline = await findMaximumRate(step('baseline', withFile), START_RATE, MAX_RATE);
    console.log(`\n— ${kind}: portal ramp`);
    portal.memory.reset();
    const ramp = await findMaximumRate(step('portal', withFile), START_RATE, MAX_RATE);
    // The ramp ends past the portal's limit, where requests queue up in memory; the figure held to
    // the target is the peak at the sustained rate, the ramp's peak is shown beside it.
    const rampPeak = portal.memory.peak();
    await stopPortal();
    portal = await startPortal();
    const holdRate = Math.max(1, Math.round(ramp.maximum * 0.6));
    console.log(`\n— ${kind}: a fresh portal held at ${holdRate}/s (60% of ${ramp.maximum}/s) for ${HOLD_SECONDS} s, after ${WARM_UP_SECONDS} s of warm-up`);
    const hold = (seconds: number) =>
      openLoadStep({
        rate: holdRate,
        seconds,
        offset: next,
        send: (i, signal) => fetch(`${portal.appUrl(i)}/en/forums/${forum.slug}/submit`, { method: 'POST', redirect: 'manual', headers: headers(i, portal.appUrl(i)), body: form(i, withFile), signal }),
        accepted: storedByPortal,
      }).then((step) => ((next += step.sent), step));
    const warmUp = await hold(WARM_UP_SECONDS);
    portal.memory.reset();
    const portalCpu = measureCpu({
      ...Object.fromEntries(portal.webs.map((web, n) => [WEB_PROCESSES > 1 ? `web ${n + 1}` : 'web', web.pid])),
      worker: portal.worker.pid,
      'load generator and mail capture': process.pid,
    });
    const held = await hold(HOLD_SECONDS);
    const peak = portal.memory.peak();
    // The e-mails of the last inputs are sent after their answers: counted with them.
    await new Promise((r) => setTimeout(r, DRAIN_SECONDS * 1000));
    const portalCpuPerInput = portalCpu.perItem(held.accepted);
    // The baseline at the same rate: what the same arrivals cost each process there.
    const bareCpu = measureCpu({ 'bare server': bare.pid, 'load generator and mail capture': process.pid });
    const bareHeld = await openLoadStep({
      rate: holdRate,
      seconds: HOLD_SECONDS,
      offset: next,
      send: (i, signal) => fetch(`${bareUrl}/submit`, { method: 'POST', headers: headers(i, bareUrl), body: form(i, withFile), signal }),
      accepted: (res) => res.status === 201,
    });
    next += bareHeld.sent;
    const bareCpuPerInput = bareCpu.perItem(bareHeld.accepted);
    const total = (perInput: Record<string, number>) => Object.values(perInput).reduce((a, b) => a + b, 0);
    console.log(`CPU per input at ${holdRate}/s (ms), portal:`, roundedValues(portalCpuPerInput), 'baseline:', roundedValues(bareCpuPerInput));
    portalStored += [...ramp.steps, warmUp, held].reduce((n, s) => n + s.accepted, 0);
    const ratio = ramp.maximum / baseline.maximum;
    figures.push(
      { name: `${kind}: highest sustained rate`, value: ramp.maximum, unit: 'inputs/s', baseline: baseline.maximum, ratio, target: `≥ ${TARGETS.throughputRatio}× baseline`, met: ratio >= TARGETS.throughputRatio },
      { name: `${kind}: p50 at 60% of the maximum (${holdRate}/s)`, value: Math.round(held.p50Ms), unit: 'ms' },
      { name: `${kind}: p99 at 60% of the maximum (${holdRate}/s)`, value: Math.round(held.p99Ms), unit: 'ms', target: `≤ ${TARGETS.p99Ms} ms`, met: held.p99Ms <= TARGETS.p99Ms },
      { name: `${kind}: ${WEB_PROCESSES > 1 ? 'largest web process' : 'web process'} resident memory, peak at ${holdRate}/s`, value: Math.round(peak.web), unit: 'MB', target: `≤ ${TARGETS.webMb} MB`, met: peak.web <= TARGETS.webMb },
      { name: `${kind}: worker resident memory, peak at ${holdRate}/s`, value: Math.round(peak.worker), unit: 'MB', target: `≤ ${TARGETS.workerMb} MB`, met: peak.worker <= TARGETS.workerMb },
      { name: `${kind}: web and worker peaks over the whole ramp, past the limit`, value: Math.round(rampPeak.web), unit: `MB (worker ${Math.round(rampPeak.worker)} MB)` },
      {
        name: `${kind}: CPU per input at ${holdRate}/s, every process (the portal's: ${Object.entries(roundedValues(portalCpuPerInput)).map(([k, v]) => `${k} ${v}`).join(', ')})`,
        value: Number(total(portalCpuPerInput).toFixed(1)),
        unit: 'ms',
        baseline: Number(total(bareCpuPerInput).toFixed(1)),
        ratio: total(portalCpuPerInput) / total(bareCpuPerInput),
      },
    );
    details[kind] = { baseline: baseline.steps, portal: ramp.steps, held, cpuPerInputMs: { portal: portalCpuPerInput, baseline: bareCpuPerInput, baselineHeld: bareHeld } };
  }

  // Everything the portal said it stored is stored, once.
  const [{ n }] = await handle.db.select({ n: count() }).from(submissions).where(eq(submissions.forumId, forum.id));
  console.log(`\nReconciliation: ${portalStored} answered with a reference, ${n} stored → ${portalStored === n ? 'none lost, none doubled' : 'MISMATCH'}`);
  if (portalStored !== n) process.exitCode = 1;
  console.table(figures.map((f) => ({ figure: f.name, value: `${f.value} ${f.unit}`, baseline: f.baseline ?? '', ratio: f.ratio?.toFixed(2) ?? '', target: f.target ?? '', met: f.met ?? '' })));
  // A partial or scaled-out run is recorded beside the default one, not over it.
  recordResult(['submit rush', args.only && `${args.only} only`, WEB_PROCESSES > 1 && `${WEB_PROCESSES} web processes`].filter(Boolean).join(', '), {
    baseline: 'a bare node:http server parsing the same multipart body (platform FormData) and doing one postgres.js INSERT, ramped the same way',
    parameters: { webProcesses: WEB_PROCESSES, stepSeconds: STEP_SECONDS, holdSeconds: HOLD_SECONDS, startRate: START_RATE, attachmentBytes: pdf.length, sustained: '≥ 99% stored and p99 ≤ 1 s' },
    figures,
    details,
  });
} finally {
  for (const s of stops.reverse()) await s();
  await stop();
}
