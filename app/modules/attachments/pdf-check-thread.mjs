// The PDF check pool's threads start here when the pool runs from the TypeScript sources (tests):
// package.json maps #pdf-check-thread to this file, which loads the thread's code with tsx. The
// compiled processes get build/processes/pdf-check-thread.js instead (the portal-build condition).
import { tsImport } from 'tsx/esm/api';

await tsImport('./pdf-check-thread.ts', import.meta.url);
