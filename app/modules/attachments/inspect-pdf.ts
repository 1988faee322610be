/**
 * The web process's PDF check: one pool of threads for the life of the process (see
 * pdf-check-pool.ts for why the check runs in threads, judge-pdf.ts for what it checks).
 */
import { createPdfCheckPool, type PdfCheckPool } from './pdf-check-pool';
import type { PdfVerdict } from './judge-pdf';

let pool: PdfCheckPool | undefined;

export function inspectPdf(path: string): Promise<PdfVerdict> {
  pool ??= createPdfCheckPool();
  return pool.check(path);
}
