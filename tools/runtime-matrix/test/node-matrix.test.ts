/**
 * packages/client's tests on every Node of the matrix, against its ESM and its CJS build: one test per
 * runtime and build, named after both, which prints the child run's own pass count.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeRuntimes } from '../src/node-runtimes.js';
import { runVitest } from '../src/run-vitest.js';

const config = fileURLToPath(new URL('../vitest.client-build.config.ts', import.meta.url));

describe('the built client on each Node', () => {
  for (const runtime of nodeRuntimes) {
    for (const build of ['esm', 'cjs'] as const) {
      it(`passes the client's tests on ${runtime.name}, ${build} build`, async () => {
        const node = await runtime.binary();
        const outcome = await runVitest(runtime.name, node, config, {
          CLIENT_BUILD: build,
          EXPECT_NODE_VERSION: runtime.version,
        });
        console.log(`${runtime.name}, ${build} build: ${outcome.passed} passed, ${outcome.failed} failed`);
        expect(outcome.failed, outcome.output.slice(-6000)).toBe(0);
        expect(outcome.total).toBeGreaterThan(0);
        expect(outcome.passed).toBe(outcome.total);
      }, 300_000);
    }
  }
});
