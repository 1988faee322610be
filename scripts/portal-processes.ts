/**
 * How the portal's two processes are started: the entry file, loaded through tsx. `npm start`, the
 * tests, the benchmarks and the reliability cluster all start them from here, so what is tested
 * and measured is what runs, and an option for one of them is added in one place.
 */
export type PortalEntry = 'server/index.ts' | 'workers/index.ts';

/** Arguments for `node` to run `entry`; `extra` options (a CPU profile) go before the entry. */
export function portalProcessArgs(entry: PortalEntry, extra: string[] = []): string[] {
  return [...extra, '--import', 'tsx', entry];
}
