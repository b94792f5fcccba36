import { defineConfig } from 'vitest/config';

// Each test generates an SDK and type-checks its examples with the compiler API: seconds each, more on a loaded machine.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 5 * 60_000,
  },
});
