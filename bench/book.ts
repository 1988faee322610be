/**
 * Benchmark (not a test): the book of inputs of a forum with 1,000 published inputs (six
 * languages, Arabic among them), built as the worker builds it, against rendering one input's
 * publication PDF in the same run (the baseline). Prints the time, the peak memory of the process
 * while it builds, and the size of the book. Targets: under a minute, under 500 MB.
 *
 *   npm run bench -- book [--inputs 1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import '../app/i18n/catalogues.server';
import { and, eq, isNotNull } from 'drizzle-orm';
import { buildBook, listBooks, requestBook } from '../app/modules/publication/book';
import { localFileStore } from '../app/modules/attachments/file-store';
import { currentPublicationPdf } from '../app/modules/publication/publication-pdf';
import { submissions } from '../db/schema';
import { recordResult, type Figure } from './results';
import { seedForums, withBenchDatabase } from './seeded-database';

const { values: args } = parseArgs({ options: { inputs: { type: 'string', default: '1000' }, grouping: { type: 'string' } } });
const INPUTS = Number(args.inputs);
const MB = 1024 * 1024;
const filesDir = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-book-files-'));
const files = localFileStore(filesDir);
process.on('exit', () => rmSync(filesDir, { recursive: true, force: true }));

await withBenchDatabase('book', async (handle, forums, staffId) => {
  const db = handle.db;
  // All inputs to the global forum: the book holds every one of them.
  await seedForums(handle, { imrf: forums.imrf, arab: forums.imrf, europe: forums.imrf }, { confirmed: INPUTS, unconfirmed: 0, publishAll: true, staffId });

  const [one] = await db.select({ reference: submissions.reference }).from(submissions).where(and(eq(submissions.forumId, forums.imrf.id), isNotNull(submissions.publishedAt))).limit(1);
  const baselineStarted = performance.now();
  await currentPublicationPdf(db, one.reference, 'https://inputs.example.org');
  const baselineSeconds = (performance.now() - baselineStarted) / 1000;

  const figures: Figure[] = [];
  for (const grouping of (args.grouping ? [args.grouping] : ['constituency', 'objective']) as Array<'constituency' | 'objective'>) {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const bookId = await requestBook(db, { forumId: forums.imrf.id, staffId, grouping, locale: 'ar' });
    await buildBook(db, files, bookId);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(timer);
    const book = (await listBooks(db, forums.imrf.id)).find((b) => b.id === bookId)!;
    console.log(
      `Book by ${grouping}: ${book.total} places for ${INPUTS} inputs in ${seconds.toFixed(1)} s ` +
        // CPU time of this process: what the build cost, less disturbed by whatever else runs.
        `(${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU) ` +
        `(${(seconds / baselineSeconds).toFixed(0)}× one publication PDF, ${baselineSeconds.toFixed(2)} s); ` +
        `peak memory ${(peak / MB).toFixed(0)} MB (process before: ${(before / MB).toFixed(0)} MB); ${(book.sizeBytes! / MB).toFixed(1)} MB of PDF.`,
    );
    figures.push(
      { name: `by ${grouping}: time`, value: Number(seconds.toFixed(1)), unit: 's', baseline: Number(baselineSeconds.toFixed(2)), ratio: seconds / baselineSeconds, target: '< 60 s', met: seconds < 60 },
      { name: `by ${grouping}: CPU time`, value: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)), unit: 's' },
      { name: `by ${grouping}: peak resident memory`, value: Math.round(peak / MB), unit: 'MB', target: '< 500 MB', met: peak / MB < 500 },
      { name: `by ${grouping}: size`, value: Number((book.sizeBytes! / MB).toFixed(1)), unit: 'MB' },
    );
  }
  recordResult('book of inputs', { baseline: 'one publication PDF rendered in the same run', parameters: { inputs: INPUTS, locale: 'ar' }, figures });
});
