import { defineConfig } from 'vitest/config';

// The smoke test runs every measurement once (generators, nx, tsc, esbuild, a loopback server, the runtime
// section on three Node releases); bounds that hold on a loaded machine.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 900_000, hookTimeout: 900_000 } });
