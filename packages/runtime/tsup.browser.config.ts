/**
 * The browser build, `dist/index.browser.js`, which bundlers pick with the `browser` condition: the same
 * runtime with each `X.browser.ts` in place of `X.ts` beside it (Node-only code left out). Built after
 * the default one (`npm run build`), into the same `dist`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

/** Resolves `./X.js` to `./X.browser.ts` where that file exists. */
export const browserTwins: Plugin = {
  name: 'browser-twins',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, ({ path: specifier, resolveDir }) => {
      const twin = path.join(resolveDir, specifier.replace(/\.js$/, '.browser.ts'));
      return existsSync(twin) ? { path: twin } : undefined;
    });
  },
};

export default defineConfig({
  entry: { 'index.browser': 'src/index.ts' },
  format: ['esm'],
  platform: 'browser',
  sourcemap: true,
  clean: false,
  dts: false,
  esbuildPlugins: [browserTwins],
});
