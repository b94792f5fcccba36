import { defineConfig } from 'vitest/config';

// The release clones, installs, builds and publishes: minutes, not seconds.
export default defineConfig({ test: { testTimeout: 900_000, hookTimeout: 900_000 } });
