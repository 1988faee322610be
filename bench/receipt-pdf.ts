/**
 * Benchmark (not a test): the receipt PDF, two pages of Arabic with English, as the worker renders
 * it (pdf-lib, the bundled fonts, HarfBuzz shaping), against what a Node team would reach for
 * instead: the same content as an HTML page printed by Chromium's `page.pdf()` in an open browser
 * (launch not counted). Both run in turn in the same run; the figure is PDFs per second, and the
 * peak resident memory each needs (this process while pdf-lib renders; Chromium's processes
 * together while they print).
 *
 * Target: at least 5× Chromium's rate.
 *
 * The figure is the rate of a worker that has been rendering receipts for a while, as the worker
 * does all day: V8 keeps optimising the typesetter's code over the first few dozen receipts (the
 * median of receipts 6–45 was 10 ms, of 46–85 under 8 ms, then steady), so both cases are warmed
 * up over 50 rounds before 100 of each are timed. They are timed in turns of 10: Chromium's driver
 * runs in this process, and a receipt rendered right after a page.pdf() took about 1.1 ms longer
 * than one after another receipt (measured alone, with an idle browser open, and one by one in turn
 * with a pause between), which a worker, with no browser in its process, never pays.
 *
 *   npm run bench -- receipt [--iterations 100 --warmup 50]
 */
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { chromium } from 'playwright-core';
import { renderReceiptPdf, type ReceiptView } from '../templates/pdf/receipt';
import { receiptText } from '../templates/pdf/receipt-i18n';
import { arabicFixture, TRICKY_TEXTS } from '../tests/helpers/fixtures';
import { descendantsOf, residentMb, totalResidentMb } from './process-memory';
import { recordResult } from './results';
import { timeRoundRobin } from './timing';

const { values: args } = parseArgs({ options: { iterations: { type: 'string', default: '100' }, warmup: { type: 'string', default: '50' } } });
const TARGET_RATIO = 5;

const view: ReceiptView = {
  locale: 'ar',
  reference: 'IMRF26-0042',
  forumName: 'منتدى استعراض الهجرة الدولية 2026',
  receivedAtUtc: '2026-11-22 22:50:19 UTC',
  receivedAtForumTime: '22 نوفمبر 2026، 17:50:19 (America/New_York)',
  fields: [
    { label: 'العنوان', value: TRICKY_TEXTS.mixed },
    { label: 'الملخص', value: TRICKY_TEXTS.vowelled },
    { label: 'النص الكامل', value: arabicFixture('ar-arab-region-imrf-briefing').slice(0, 2600) },
    { label: 'English summary', value: 'Migrant workers need access to justice, decent work and safe, regular pathways. '.repeat(6) },
  ],
  contentSha256: 'c0ffee'.padEnd(64, '0'),
  attachments: [{ name: 'تقرير-الشبكة.pdf', size: '1.2 MB', sha256: 'b'.repeat(64) }],
};

const t = (key: Parameters<typeof receiptText>[1]) => receiptText('ar', key);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The same content as a page, laid out as the receipt is (A4, headings, label above value). */
const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
  @page { size: A4; margin: 20mm }
  body { font-family: 'Noto Sans Arabic', 'Noto Sans', sans-serif; font-size: 10.5pt; line-height: 1.75 }
  h1 { font-size: 18pt; color: #00548c; margin: 0 } h2 { font-size: 14pt; color: #00548c }
  .label { font-size: 9pt; color: #59616b; margin-top: 6pt } .value { unicode-bidi: plaintext; white-space: pre-wrap }
  hr { border: 0; border-top: 0.5pt solid #59616b }
</style></head><body>
  <h1>${escape(t('title'))}</h1><p>${escape(view.forumName)}</p><hr>
  ${[[t('reference'), view.reference], [t('receivedUtc'), view.receivedAtUtc], [t('receivedLocal'), view.receivedAtForumTime]].map(([l, v]) => `<div class="label">${escape(l)}</div><div class="value">${escape(v)}</div>`).join('')}
  <hr><h2>${escape(t('submitted'))}</h2>
  ${view.fields.map((f) => `<div class="label">${escape(f.label)}</div><div class="value">${escape(f.value)}</div>`).join('')}
  <hr><h2>${escape(t('attachments'))}</h2>${view.attachments.map((a) => `<div class="value">${escape(a.name)}</div><div class="label">${escape(a.size)}</div><div class="label">${escape(t('attachmentDigest'))}</div><div class="value">${a.sha256}</div>`).join('')}
  <hr><div class="label">${escape(t('digest'))}</div><div class="value">${view.contentSha256}</div>
</body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage();
  const ours = await renderReceiptPdf(view);
  await page.setContent(html);
  const theirs = await page.pdf({ format: 'A4', printBackground: true });
  const pages = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();
  console.log(`Receipt: ${await pages(ours)} pages, ${(ours.length / 1024).toFixed(0)} KB (pdf-lib); ${await pages(theirs)} pages, ${(theirs.length / 1024).toFixed(0)} KB (Chromium).`);

  let oursPeak = 0;
  let theirsPeak = 0;
  const timings = await timeRoundRobin(
    [
      { name: 'Chromium page.pdf() (baseline)', run: async () => { await page.setContent(html); await page.pdf({ format: 'A4', printBackground: true }); theirsPeak = Math.max(theirsPeak, totalResidentMb(descendantsOf(process.pid))); } },
      { name: 'receipt (pdf-lib)', run: async () => { await renderReceiptPdf(view); oursPeak = Math.max(oursPeak, residentMb(process.pid)); } },
    ],
    { warmup: Number(args.warmup), iterations: Number(args.iterations), block: 10 },
  );
  const [chrome, receipt] = timings;
  const rate = (t: { medianMs: number }) => 1000 / t.medianMs;
  const ratio = rate(receipt) / rate(chrome);
  console.table(timings.map((t) => ({ case: t.name, 'median ms': t.medianMs.toFixed(1), 'p95 ms': t.p95Ms.toFixed(1), 'PDFs/s': rate(t).toFixed(1) })));
  console.log(`pdf-lib renders ${ratio.toFixed(1)}× as many receipts per second as Chromium; peak memory ${oursPeak.toFixed(0)} MB (this Node process) against ${theirsPeak.toFixed(0)} MB (Chromium's processes).`);
  recordResult('receipt PDF', {
    baseline: 'the same content as HTML printed by Chromium page.pdf() in an open browser, timed in turn with the receipt',
    parameters: { iterations: Number(args.iterations), warmup: Number(args.warmup), pages: await pages(ours) },
    figures: [
      { name: 'receipts per second', value: Number(rate(receipt).toFixed(1)), unit: 'PDFs/s', baseline: Number(rate(chrome).toFixed(1)), ratio, target: `≥ ${TARGET_RATIO}× Chromium`, met: ratio >= TARGET_RATIO },
      { name: 'median time per receipt', value: Number(receipt.medianMs.toFixed(1)), unit: 'ms', baseline: Number(chrome.medianMs.toFixed(1)) },
      { name: 'peak resident memory', value: Math.round(oursPeak), unit: 'MB', baseline: Math.round(theirsPeak) },
    ],
  });
} finally {
  await browser.close();
}
