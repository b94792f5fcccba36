import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Chromium and the Prism mock take seconds to start.
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
