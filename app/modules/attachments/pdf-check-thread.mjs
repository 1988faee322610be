// The PDF check pool's threads start here (package.json maps #pdf-check-thread to this file): the
// thread's code is TypeScript, loaded with tsx as the web process's own sources are.
import { tsImport } from 'tsx/esm/api';

await tsImport('./pdf-check-thread.ts', import.meta.url);
