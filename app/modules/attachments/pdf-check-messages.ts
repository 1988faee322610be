/** What the PDF check pool and its threads say to each other (pdf-check-pool.ts, pdf-check-thread.ts). */
import type { PdfVerdict } from './judge-pdf';

/** To a thread: judge the file at `path`. */
export interface PdfCheckRequest {
  path: string;
}

/** From a thread, for each file: its verdict and the heap the thread holds after it, or a fault of the check itself. */
export type PdfCheckAnswer = { verdict: PdfVerdict; heapMb: number } | { failure: string };

/** From a thread, once, when it has loaded and listens (a file's time limit counts from its sending). */
export const READY = 'ready';

const VERDICTS: ReadonlySet<unknown> = new Set<PdfVerdict>(['ok', 'encrypted', 'script', 'unreadable', 'tooComplex']);

/** Whether a message from a thread is an answer as the pool expects one (anything else is a fault). */
export function isPdfCheckAnswer(message: unknown): message is PdfCheckAnswer {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return typeof m.failure === 'string' || (VERDICTS.has(m.verdict) && typeof m.heapMb === 'number');
}
