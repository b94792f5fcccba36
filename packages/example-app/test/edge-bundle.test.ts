/**
 * How bundlers for edge runtimes see the built client: its ESM build (dist/index.js with the runtime's)
 * bundles for esbuild's 'neutral' platform, where no Node built-in resolves, resolves the runtime's default
 * build under the Workers and Vercel Edge conditions, and touches `process` only in the guarded environment
 * read. tools/runtime-matrix runs the bundle in workerd itself (and the client on Deno and Bun).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));

/** Bundles `source` (resolved from this package, so `@revio-sdk/client` is the built package) for 'neutral'. */
function bundleNeutral(source: string, output: { format: 'esm' | 'iife'; globalName?: string } = { format: 'esm' }) {
  return build({
    ...output,
    absWorkingDir: appDir, // metafile paths are relative to it
    stdin: { contents: source, resolveDir: appDir, loader: 'js' },
    bundle: true,
    platform: 'neutral',
    write: false,
    metafile: true,
    logLevel: 'silent',
    minifyWhitespace: true, // drops comments, keeps names
  });
}

describe('the built client on an edge-style runtime', () => {
  it('bundles for the neutral platform from the ESM builds, with no Node built-in and no require', async () => {
    const result = await bundleNeutral("export * from '@revio-sdk/client';");
    const inputs = Object.keys(result.metafile.inputs);
    const files = inputs.map((input) => resolve(appDir, input));
    expect(files).toContain(resolve(appDir, '../client/dist/index.js'));
    expect(files).toContain(resolve(appDir, '../runtime/dist/index.js'));
    expect(inputs.filter((input) => !input.endsWith('.js') && input !== '<stdin>')).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\brequire\s*\(|["']node:|\bBuffer\b|__dirname|__filename/);
  });

  it.each([
    ['Cloudflare Workers (wrangler)', ['workerd', 'worker', 'browser']],
    ['Vercel Edge', ['edge-light', 'worker', 'browser']],
  ])(
    'resolves the default runtime build, which reads the environment, for %s, not the browser build',
    async (_, conditions) => {
      const result = await build({
        absWorkingDir: appDir,
        stdin: { contents: "export * from '@revio-sdk/client';", resolveDir: appDir, loader: 'js' },
        bundle: true,
        platform: 'neutral',
        conditions,
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const files = Object.keys(result.metafile.inputs).map((input) => resolve(appDir, input));
      expect(files).toContain(resolve(appDir, '../runtime/dist/index.js'));
      expect(files).not.toContain(resolve(appDir, '../runtime/dist/index.browser.js'));
    },
  );

  it('(control) the same build fails on a Node built-in, so the check above can fail', async () => {
    await expect(bundleNeutral("import 'node:fs'; export * from '@revio-sdk/client';")).rejects.toThrow(
      /Could not resolve "node:fs"/,
    );
  });

  it('reads process only in the guarded environment read', async () => {
    const code = (await bundleNeutral("export * from '@revio-sdk/client';")).outputFiles[0]!.text;
    const uses = [...code.matchAll(/\bprocess\b/g)].map((match) =>
      code.slice(Math.max(0, match.index - 60), match.index + 60),
    );
    // Both are in `const { process, Deno } = globalThis; try { ... process?.env?.[name] } catch`.
    expect(uses, uses.join('\n')).toHaveLength(2);
    expect(code).toMatch(
      /const\{process,Deno\}=globalThis;try\{return Deno\?\.env\?Deno\.env\.get\(\w+\):process\?\.env\?\.\[\w+\]\}catch\{/,
    );
  });
});
