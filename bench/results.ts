/**
 * Where benchmarks write what they measured: `bench/results/latest.json` (one entry per benchmark,
 * the last run of each, so `npm run bench -- listing` refreshes the listing and keeps the rest)
 * and `bench/results/latest.md`, the same figures as a table. Each figure says what it was
 * compared with in the same run and the target it is held to; a figure measured on another day
 * or another machine is not comparable, so every entry carries when and where it was measured.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Figure {
  /** What was measured, e.g. "submit p99 at 60% of the maximum rate". */
  name: string;
  value: number;
  unit: string;
  /** The same measure of the baseline, in the same run. */
  baseline?: number;
  /** value ÷ baseline (or the ratio the target is about, when that is not value/baseline). */
  ratio?: number;
  /** The target in words, e.g. "≤ 150 ms"; absent for figures that only describe. */
  target?: string;
  met?: boolean;
}

export interface BenchmarkResult {
  /** What the run compared with: the baseline in words. */
  baseline?: string;
  /** The options it ran with (rates, sizes, durations). */
  parameters: Record<string, unknown>;
  figures: Figure[];
  /** Rows for curves and per-case tables, kept as measured. */
  details?: unknown;
}

interface Entry extends BenchmarkResult {
  measuredAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverage: number[] };
}

const RESULTS_DIR = path.resolve(import.meta.dirname, 'results');
const JSON_FILE = path.join(RESULTS_DIR, 'latest.json');
const MARKDOWN_FILE = path.join(RESULTS_DIR, 'latest.md');

function machine(): Entry['machine'] {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

/** Records one benchmark's run, replacing its previous entry, and rewrites the Markdown table. */
export function recordResult(benchmark: string, result: BenchmarkResult): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const all: Record<string, Entry> = existsSync(JSON_FILE) ? JSON.parse(readFileSync(JSON_FILE, 'utf8')) : {};
  all[benchmark] = { measuredAt: new Date().toISOString(), machine: machine(), ...result };
  writeFileSync(JSON_FILE, `${JSON.stringify(all, null, 2)}\n`);
  writeFileSync(MARKDOWN_FILE, markdown(all));
  console.log(`\nRecorded in ${path.relative(process.cwd(), JSON_FILE)} and ${path.relative(process.cwd(), MARKDOWN_FILE)}.`);
}

const number = (n: number | null) => (n === null || !Number.isFinite(n) ? '—' : Number.isInteger(n) ? n.toLocaleString('en') : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

function markdown(all: Record<string, Entry>): string {
  const lines = ['# Benchmark results', '', 'Written by `npm run bench`; each benchmark\'s last run. Ratios compare with a baseline measured in the same run.', ''];
  for (const [name, entry] of Object.entries(all).sort(([a], [b]) => a.localeCompare(b))) {
    const m = entry.machine;
    lines.push(`## ${name}`, '', `Measured ${entry.measuredAt} on ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node} (load average ${m.loadAverage.join(', ')}).`);
    if (entry.baseline) lines.push(`Baseline: ${entry.baseline}.`);
    lines.push('', '| figure | value | baseline | ratio | target | met |', '|---|---|---|---|---|---|');
    for (const f of entry.figures) {
      lines.push(
        `| ${f.name} | ${number(f.value)} ${f.unit} | ${f.baseline === undefined ? '' : `${number(f.baseline)} ${f.unit}`} | ${f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}×`} | ${f.target ?? ''} | ${f.met === undefined ? '' : f.met ? 'yes' : '**no**'} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
