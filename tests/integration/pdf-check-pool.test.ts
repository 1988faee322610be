/**
 * The PDF check pool: files are judged in threads of their own, within a time and a memory limit,
 * and the process that asks keeps serving while they are.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { judgePdf } from '../../app/modules/attachments/judge-pdf';
import { createPdfCheckPool, type PdfCheckPool } from '../../app/modules/attachments/pdf-check-pool';
import { inventedPdf } from '../factories/invented-pdf';

let dir: string;
const open: PdfCheckPool[] = [];
const pool = (options: Parameters<typeof createPdfCheckPool>[0]) => {
  const created = createPdfCheckPool(options);
  open.push(created);
  return created;
};
const file = (bytes: Uint8Array) => {
  const p = path.join(dir, `${crypto.randomUUID()}.pdf`);
  writeFileSync(p, bytes);
  return p;
};
const plainPdf = async () => {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Input to the IMRF');
  return file(await doc.save());
};
/** Names of its own: 300,000 need about 60 MB of heap and seconds to judge, 100,000 a third of that. */
const heavyPdf = (names: number) => file(inventedPdf(names, `Heavy${crypto.randomUUID().slice(0, 8)}x`));

/** How many times a one-millisecond timer of this thread fires while `work` runs. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ result: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    return { result: await work(), ticks };
  } finally {
    clearInterval(timer);
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(inject('dataDir'), 'pdf-checks-'));
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
});

describe('PDF check pool', () => {
  it('judges in another thread: the asking thread keeps serving while a heavy file is judged', async () => {
    const checks = pool({ threads: 1 });
    // Loaded first, so that only the judgement is measured.
    expect(await checks.check(await plainPdf())).toBe('ok');
    const heavy = heavyPdf(100_000);
    const here = await ticksDuring(() => judgePdf(heavy));
    const there = await ticksDuring(() => checks.check(heavy));
    expect([here.result, there.result]).toEqual(['ok', 'ok']);
    // Judged in this thread, its timers fire only while the file is read; judged in another, all along.
    expect(there.ticks).toBeGreaterThan(10 * Math.max(here.ticks, 10));
  });

  it('refuses a file that needs more memory than a thread may have, and judges the next one in a new thread', async () => {
    // No time limit to speak of: only the memory limit can refuse the file here.
    const checks = pool({ threads: 1, heapLimitMb: 32, timeLimitMs: 600_000 });
    expect(await checks.check(await plainPdf())).toBe('ok');
    expect(await checks.check(heavyPdf(300_000))).toBe('tooComplex');
    expect(await checks.check(await plainPdf())).toBe('ok');
  });

  it('refuses a file whose judgement takes longer than the time limit, and judges the next one in a new thread', async () => {
    const checks = pool({ threads: 1, timeLimitMs: 1 });
    expect(await checks.check(heavyPdf(100_000))).toBe('tooComplex');
    // The stopped thread is replaced (the limit counts from the file's sending, not the thread's start).
    expect(await checks.check(heavyPdf(100_000))).toBe('tooComplex');
  });

  it('judges files sent together, each with its own verdict', async () => {
    const checks = pool({ threads: 2 });
    const scripted = file(inventedPdf(10, 'Scripted', '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'));
    const truncated = file(inventedPdf(10, 'Cut').subarray(0, 200));
    const plain = await plainPdf();
    const verdicts = await Promise.all([plain, scripted, truncated, plain, scripted].map((p) => checks.check(p)));
    expect(verdicts).toEqual(['ok', 'script', 'unreadable', 'ok', 'script']);
  });

  it('answers with an error, not a verdict, when its thread does not start, and refuses checks once closed', async () => {
    await expect(pool({ threads: 1, threadFile: path.join(dir, 'missing-thread.mjs') }).check(await plainPdf())).rejects.toThrow(/Cannot find module/);
    // A thread that loads but never says it listens.
    const silent = path.join(dir, `silent-${crypto.randomUUID()}.mjs`);
    writeFileSync(silent, 'setInterval(() => {}, 1000);\n');
    await expect(pool({ threads: 1, threadFile: silent, startLimitMs: 300 }).check(await plainPdf())).rejects.toThrow(/did not start within 300 ms/);
    const checks = pool({ threads: 1 });
    const plain = await plainPdf();
    // One sent to the thread, one waiting for it.
    const outcomes = Promise.allSettled([checks.check(plain), checks.check(plain)]);
    await checks.close();
    for (const outcome of await outcomes) expect(outcome.status).toBe('rejected');
    await expect(checks.check(plain)).rejects.toThrow(/closed/);
  });

  it('answers a file it cannot read with an error, not a verdict', async () => {
    const checks = pool({ threads: 1 });
    await expect(checks.check(path.join(dir, 'missing.pdf'))).rejects.toThrow(/ENOENT/);
    expect(await checks.check(await plainPdf())).toBe('ok');
  });
});
