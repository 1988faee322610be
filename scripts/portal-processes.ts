/**
 * How the portal's two processes are started: the entry compiled to JavaScript by `npm run build`
 * (scripts/build-processes.mjs), run by `node` alone. `npm start`, the tests, the benchmarks and
 * the reliability cluster all start them from here, so what is tested and measured is what runs,
 * and an option for one of them is added in one place.
 */
import { compiledProcess } from './process-build.mjs';

export type PortalEntry = 'server/index.ts' | 'workers/index.ts';

const COMPILED: Record<PortalEntry, string> = {
  'server/index.ts': compiledProcess('server'),
  'workers/index.ts': compiledProcess('worker'),
};

/**
 * Arguments for `node` to run `entry`; `extra` options (a CPU profile) go before the entry. The
 * `portal-build` condition points the package's own import map (`#pdf-check-thread`) at the
 * compiled thread as well.
 */
export function portalProcessArgs(entry: PortalEntry, extra: string[] = []): string[] {
  return ['--conditions=portal-build', ...extra, COMPILED[entry]];
}
