import { defineConfig } from 'vitest/config';

// The release clones, installs, builds and publishes: minutes, and many more on a busy machine.
export default defineConfig({ test: { testTimeout: 1_800_000, hookTimeout: 60_000 } });
