import { defineConfig } from 'vitest/config';

// The corpus test runs sdkgen, tsc and Prism as child processes for every spec (GitHub's 13 MB spec
// alone: ~30 s per generation, ~50 s of tsc, ~35 s of Prism startup on 2 cores). Every test of every
// spec is started at once (maxConcurrency) and queues for a CPU slot (src/jobs.ts), so one test can
// wait for most of the suite: the limits are generous, the suite takes ~5 min on 2 cores.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 25 * 60_000,
    hookTimeout: 5 * 60_000,
    maxConcurrency: 1000,
  },
});
