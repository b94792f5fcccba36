import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The real-spec tests load multi-megabyte specs (GitHub's is 13 MB).
    testTimeout: 120_000,
    // The CLIs the tests start would fill the user's compile cache with entries for tsx-compiled sources;
    // test/compile-cache.test.ts turns it back on, in a temporary directory.
    env: { SDKGEN_NO_COMPILE_CACHE: '1' },
  },
});
