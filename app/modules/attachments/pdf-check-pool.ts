/**
 * PDFs are judged in worker threads, not in the web process's own thread. Parsing a PDF is
 * synchronous work proportional to its size (about 40 ms for a 1 MB file, 4 s for a 25 MB one,
 * 550 MB of memory at the peak): in the request's thread it froze every other page of the site for
 * as long, and a file built to exhaust memory could take the whole process down. In a thread it
 * runs beside the web process's requests (on another core where there is one), within a time and a
 * heap limit of its own (V8's limits are best effort: a heap that grows by many objects, as
 * pdf-lib's does, stops the thread, not the process); a file that exceeds either is refused as too
 * complex to check, and the thread is replaced. See docs/decisions/022-pdf-checks-in-worker-threads.md.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { logInfo } from '../logging/log-line';
import type { PdfVerdict } from './judge-pdf';
import { isPdfCheckAnswer, READY, type PdfCheckAnswer, type PdfCheckRequest } from './pdf-check-messages';

export interface PdfCheckPoolOptions {
  /** Threads judging at once, each one file at a time. */
  threads: number;
  /** A file whose check takes longer is refused as too complex (its thread is stopped). */
  timeLimitMs: number;
  /** The heap a thread may reach (V8's old generation); a file that needs more is refused as too complex. */
  heapLimitMb: number;
  /** A thread that holds more heap than this after a file is retired, to give the memory back. */
  retireAboveHeapMb: number;
  /** A thread that has not loaded within this is a fault (a loader that hangs), not a verdict. */
  startLimitMs: number;
  /** The thread's code (what `#pdf-check-thread` resolves to: compiled, or the sources' launcher). */
  threadFile: string;
}

/**
 * This module may run from the web build (a bundle in another folder), so the thread's file is found
 * through the package's own import map (`#pdf-check-thread` in package.json).
 */
const THREAD_FILE = createRequire(import.meta.url).resolve('#pdf-check-thread');

export const DEFAULT_PDF_CHECK_OPTIONS: PdfCheckPoolOptions = {
  // One core is left to the web process's requests; past four, uploads are not the bottleneck.
  threads: Math.max(1, Math.min(4, availableParallelism() - 1)),
  // A 25 MB PDF (the largest a forum may allow) takes 4–6 s on a shared core.
  timeLimitMs: 30_000,
  // A 25 MB PDF of 8,000 pages is judged within a 400 MB limit; this leaves room for files built
  // less plainly.
  heapLimitMb: 768,
  retireAboveHeapMb: 64,
  // Loading takes about 0.3 s.
  startLimitMs: 30_000,
  threadFile: THREAD_FILE,
};

export interface PdfCheckPool {
  check(path: string): Promise<PdfVerdict>;
  /** Stops the threads; checks not yet answered are refused with an error. */
  close(): Promise<void>;
}

/** The answer for a file that ran out of time or memory: its thread, stopped or spent, is replaced. */
const TOO_COMPLEX: PdfCheckAnswer = { verdict: 'tooComplex', heapMb: Infinity };

interface Job {
  path: string;
  resolve(verdict: PdfVerdict): void;
  reject(error: Error): void;
}

interface Slot {
  thread?: Worker;
  /** Loaded and listening: a file is sent only then, so that loading does not count against its time. */
  ready?: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
}

export function createPdfCheckPool(overrides: Partial<PdfCheckPoolOptions> = {}): PdfCheckPool {
  const options = { ...DEFAULT_PDF_CHECK_OPTIONS, ...overrides };
  const slots: Slot[] = Array.from({ length: options.threads }, () => ({}));
  const waiting: Job[] = [];
  let closed = false;

  function dispatch() {
    for (const slot of slots) {
      const job = !slot.job && waiting.shift();
      if (job) run(slot, job);
    }
  }

  function run(slot: Slot, job: Job) {
    let thread: Worker;
    try {
      thread = slot.thread ??= start(slot);
    } catch (error) {
      job.reject(new Error(`The PDF check thread could not start: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    slot.job = job;
    // Referenced only while it works: an idle pool must not keep the process alive.
    thread.ref();
    if (slot.ready) send(slot, thread, job);
  }

  function send(slot: Slot, thread: Worker, job: Job) {
    slot.timer = setTimeout(() => {
      logInfo('web', `A PDF was refused: its check took longer than ${options.timeLimitMs} ms`);
      settle(slot, thread, TOO_COMPLEX);
    }, options.timeLimitMs);
    thread.postMessage({ path: job.path } satisfies PdfCheckRequest);
  }

  function start(slot: Slot): Worker {
    const thread = new Worker(options.threadFile, {
      // The web process's own flags (a CPU profile, --expose-gc) are not the thread's business.
      execArgv: [],
      // A small young generation: the parse's short-lived objects are collected sooner, which keeps
      // 25 MB less resident per thread for 1 MB files at the same CPU (8 MB against V8's default).
      resourceLimits: { maxOldGenerationSizeMb: options.heapLimitMb, maxYoungGenerationSizeMb: 8 },
    });
    slot.ready = false;
    slot.timer = setTimeout(() => settle(slot, thread, { failure: `the PDF check thread did not start within ${options.startLimitMs} ms` }), options.startLimitMs);
    thread.on('message', (message: unknown) => {
      if (message !== READY) settle(slot, thread, isPdfCheckAnswer(message) ? message : { failure: 'the PDF check thread answered something else than a verdict' });
      else if (slot.thread === thread) {
        clearTimeout(slot.timer);
        slot.ready = true;
        if (slot.job) send(slot, thread, slot.job);
      }
    });
    thread.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        logInfo('web', `A PDF was refused: its check needed more than ${options.heapLimitMb} MB`);
        settle(slot, thread, TOO_COMPLEX);
      } else settle(slot, thread, { failure: `${error.name}: ${error.message}` });
    });
    thread.on('exit', (code) => {
      settle(slot, thread, { failure: `the PDF check thread stopped (exit code ${code})` });
      if (slot.thread === thread) slot.thread = undefined;
    });
    return thread;
  }

  /** The answer for the slot's current file; anything from a thread already replaced is ignored. */
  function settle(slot: Slot, thread: Worker, answer: PdfCheckAnswer) {
    if (slot.thread !== thread || !slot.job) return;
    const job = slot.job;
    slot.job = undefined;
    clearTimeout(slot.timer);
    if ('failure' in answer) job.reject(new Error(`The PDF check failed: ${answer.failure}`));
    else job.resolve(answer.verdict);
    if ('failure' in answer || answer.heapMb > options.retireAboveHeapMb) {
      slot.thread = undefined;
      void thread.terminate();
    } else thread.unref();
    if (!closed) dispatch();
  }

  return {
    check(path) {
      if (closed) return Promise.reject(new Error('The PDF check pool is closed'));
      return new Promise<PdfVerdict>((resolve, reject) => {
        waiting.push({ path, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new Error('The PDF check pool is closed'));
      await Promise.all(slots.map((slot) => slot.thread?.terminate()));
    },
  };
}
