/**
 * Benchmark (not a test): the open-data downloads (CSV and JSON) read to the end, as a client
 * would, for one forum (about 15,000 published inputs) and for all forums (100,000), sampling the
 * process's memory while they stream. Exports stream in keyset batches, so the all-forum export
 * should need no more memory than the one-forum export: the ratio of their peaks (heap growth
 * over the idle process measured in the same run) is the figure to look at, not the megabytes.
 *
 *   npm run bench -- export [--inputs 100000]
 */
import { parseArgs } from 'node:util';
import { publicInputResource } from '../app/lib/api/resources';
import { csvExport, jsonExport } from '../app/modules/publication/open-data';
import type { Db } from '../db/client';
import { padLeft, pad, seedForums, withBenchDatabase } from './seeded-database';

const { values: args } = parseArgs({ options: { inputs: { type: 'string', default: '100000' } } });
const INPUTS = Number(args.inputs);
const MB = 1024 * 1024;

/** Reads a stream to its end, sampling heap and RSS every 20 ms; returns bytes, seconds and peak growth. */
async function drain(stream: ReadableStream<Uint8Array>) {
  global.gc?.();
  const base = process.memoryUsage();
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed - base.heapUsed);
    peakRss = Math.max(peakRss, m.rss - base.rss);
  };
  const timer = setInterval(sample, 20);
  const started = performance.now();
  let bytes = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    sample();
  }
  clearInterval(timer);
  return { bytes, seconds: (performance.now() - started) / 1000, peakHeapMb: peakHeap / MB, peakRssMb: peakRss / MB };
}

await withBenchDatabase('export', async (handle, forums, staffId) => {
  await seedForums(handle, forums, { confirmed: INPUTS, unconfirmed: 0, publishAll: true, staffId });
  const db: Db = handle.db;
  const appUrl = 'https://inputs.example.org';
  const cases: Array<[string, () => ReadableStream<Uint8Array>]> = [
    ['CSV, one forum', () => csvExport(db, forums.europe.id, appUrl)],
    ['CSV, all forums', () => csvExport(db, undefined, appUrl)],
    ['JSON, one forum', () => jsonExport(db, forums.europe.id, publicInputResource)],
    ['JSON, all forums', () => jsonExport(db, undefined, publicInputResource)],
  ];
  // One unmeasured run first: the connection pool, prepared statements and JIT warm up.
  await drain(cases[0][1]());
  const results = [];
  for (const [name, open] of cases) results.push({ name, ...(await drain(open())) });
  console.log(`\n${pad('export', 20)} ${padLeft('MB out', 8)} ${padLeft('seconds', 8)} ${padLeft('peak heap MB', 13)} ${padLeft('peak RSS MB', 12)}`);
  for (const r of results) {
    console.log(`${pad(r.name, 20)} ${padLeft((r.bytes / MB).toFixed(1), 8)} ${padLeft(r.seconds.toFixed(1), 8)} ${padLeft(r.peakHeapMb.toFixed(1), 13)} ${padLeft(r.peakRssMb.toFixed(1), 12)}`);
  }
  for (const format of ['CSV', 'JSON']) {
    const [one, all] = results.filter((r) => r.name.startsWith(format));
    console.log(
      `${format}: all forums sent ${(all.bytes / one.bytes).toFixed(1)}× the bytes of one forum with ` +
        `${(all.peakHeapMb / Math.max(one.peakHeapMb, 0.1)).toFixed(2)}× its peak heap growth (constant memory: close to 1).`,
    );
  }
});
