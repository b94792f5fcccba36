/**
 * Runs packages/client's tests against its BUILT package instead of its sources: `../src/*.js` (and
 * `../../src/*.js`) imports
 * resolve to dist/*.js (CLIENT_BUILD=esm) or dist/*.cjs (CLIENT_BUILD=cjs), which Node loads itself
 * (not vitest's transform), so the CJS build really goes through require(). Used by test/node-matrix.test.ts.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const build = process.env.CLIENT_BUILD;
if (build !== 'esm' && build !== 'cjs') throw new Error(`CLIENT_BUILD must be esm or cjs, not ${String(build)}`);
const clientDir = fileURLToPath(new URL('../../packages/client/', import.meta.url));

export default defineConfig({
  root: clientDir,
  resolve: {
    alias: [
      {
        find: /^(?:\.\.\/)+src\/(index|core|funcs\/index)\.js$/,
        replacement: `${clientDir}dist/$1.${build === 'esm' ? 'js' : 'cjs'}`,
      },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // It mutates a copy of the sources to prove the contract suite fails; it runs no build.
    exclude: ['test/contract-mutations.test.ts'],
    setupFiles: [fileURLToPath(new URL('./test/fixtures/client-build-guard.ts', import.meta.url))],
    server: { deps: { external: [/\/packages\/(client|runtime)\/dist\//] } },
    unstubEnvs: true,
  },
});
