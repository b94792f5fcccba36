import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Type-level tests (*.test-d.ts) run through tsc, so `@ts-expect-error` lines are enforced.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // Construction tests stub REVIO_* variables; put the real environment back after each test.
    unstubEnvs: true,
  },
});
