/**
 * How the portal's two processes are started: Node's options and the entry file. `npm start`, the
 * tests, the benchmarks and the reliability cluster all start them from here, so what is tested
 * and measured is what runs.
 */
export type PortalEntry = 'server/index.ts' | 'workers/index.ts';

/**
 * The web process keeps V8's young generation to 8 MB semi-spaces (the default is 16 MB): it
 * answers requests, whose objects die young, and a smaller nursery is collected sooner. Under the
 * benchmark's rush of 1 MB PDFs it held 256 MB with the default, 240 MB with 8 MB and 220 MB with
 * 4 MB, at the same rate; under the text rush 218 MB with 8 MB, but 250 MB with 4 MB, where more
 * objects of requests still in flight outlived their collection and were kept longer.
 */
const NODE_OPTIONS: Record<PortalEntry, string[]> = {
  'server/index.ts': ['--max-semi-space-size=8'],
  'workers/index.ts': [],
};

/** Arguments for `node` to run `entry`; `extra` options (a CPU profile) go before the entry. */
export function portalProcessArgs(entry: PortalEntry, extra: string[] = []): string[] {
  return [...NODE_OPTIONS[entry], ...extra, '--import', 'tsx', entry];
}
