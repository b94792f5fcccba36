import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The real-spec tests load multi-megabyte specs (GitHub's is 13 MB).
    testTimeout: 120_000,
  },
});
