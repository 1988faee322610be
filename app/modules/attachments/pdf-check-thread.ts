/**
 * A thread of the PDF check pool (pdf-check-pool.ts): judges the file at each path it is sent, one
 * at a time, and answers with the verdict and how much heap it holds afterwards (the pool retires a
 * thread that grew large on a big file, which gives the memory back at once).
 */
import { parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { judgePdf } from './judge-pdf';
import { READY, type PdfCheckAnswer, type PdfCheckRequest } from './pdf-check-messages';

if (!parentPort) throw new Error('pdf-check-thread runs as a worker thread of the PDF check pool');
const port = parentPort;

port.on('message', async ({ path }: PdfCheckRequest) => {
  let answer: PdfCheckAnswer;
  try {
    answer = { verdict: await judgePdf(path), heapMb: getHeapStatistics().total_heap_size / 2 ** 20 };
  } catch (error) {
    // Not a verdict on the file: a fault in the check itself, for the pool to report.
    answer = { failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(answer);
});
port.postMessage(READY);
