/**
 * The browser build (`dist/index.browser.js`, picked by bundlers with the `browser` condition): the runtime
 * bundled as tsup.browser.config.ts bundles it, then loaded and checked against the default build.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as nodeBuild from '../../src/index.js';
import { browserTwins } from '../../tsup.browser.config.js';

let browserBuild: typeof nodeBuild;
let code = '';
let directory = '';

beforeAll(async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../../src/index.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    plugins: [browserTwins],
  });
  code = result.outputFiles[0]!.text;
  directory = await mkdtemp(path.join(tmpdir(), 'runtime-browser-build-'));
  const file = path.join(directory, 'index.browser.js');
  await writeFile(file, code);
  browserBuild = (await import(pathToFileURL(file).href)) as typeof nodeBuild;
});

afterAll(() => rm(directory, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const passwordSpec = { password: { env: 'TEST_BROWSER_PASSWORD', required: true } } as const;

describe('the browser build', () => {
  it('exports everything the default build exports', () => {
    expect(Object.keys(browserBuild).sort()).toEqual(Object.keys(nodeBuild).sort());
  });

  it('takes options only from the caller, never from an environment', () => {
    vi.stubEnv('TEST_BROWSER_PASSWORD', 'from-env');
    expect(nodeBuild.resolveOptions({}, passwordSpec, 'RevioClient')).toEqual({ password: 'from-env' });
    expect(() => browserBuild.resolveOptions({}, passwordSpec, 'RevioClient')).toThrow(
      /^RevioClient is missing required options: password$/,
    );
    expect(browserBuild.resolveOptions({ password: 'given' }, passwordSpec, 'RevioClient')).toEqual({
      password: 'given',
    });
    expect(code).not.toMatch(/\bprocess\b|\bDeno\b/);
  });

  it('never reads a failed fetch as a refused connection, so a POST is not repeated on a guess', () => {
    const refusal = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    const init = { method: 'POST', url: 'https://api.example.test/v1/Notes', cause: refusal };
    expect(new nodeBuild.ConnectionError(init).refused).toBe(true);
    expect(new browserBuild.ConnectionError(init).refused).toBe(false);
    expect(code).not.toContain('ECONNREFUSED');
  });
});
