import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The first run downloads the pinned Nodes; each runtime then runs a whole test suite.
    testTimeout: 300_000,
  },
});
