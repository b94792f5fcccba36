import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Vite, Prism and Chromium take seconds to start.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
