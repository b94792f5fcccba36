/**
 * openapi-typescript's own output for a corpus spec, type-checked under the same strict base config as
 * the generated packages, so the report can say where our schema types compile and theirs do not.
 * tsc is the expensive step (most of a minute on GitHub's spec), so it runs at most once per text:
 * when their output is our `src/schema.ts` minus its header, our build's verdict on that file is theirs;
 * otherwise the verdict is cached beside their output, keyed by what decides it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tscErrors } from './checks.js';
import { runCommand, type Finished } from './jobs.js';

const require = createRequire(import.meta.url);
// Its exports map `*.js` to `*.mjs`, which the CLI is not: resolve the package, then its bin.
const OPENAPI_TS_CLI = require.resolve('openapi-typescript/package.json').replace(/package\.json$/, 'bin/cli.js');
const TSC = require.resolve('typescript/bin/tsc');
const TYPESCRIPT_VERSION = (require('typescript/package.json') as { version: string }).version;

/** The repo's strict compiler options, which every generated package extends. */
export const STRICT_BASE = fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url));

export interface UpstreamVerdict {
  /** openapi-typescript's CLI run; a non-zero exit means it produced no types (e.g. for Swagger 2.0). */
  generation: Finished;
  /** Whether its output is, but for the header, our `src/schema.ts`. */
  sameAsOurs: boolean;
  /** tsc's errors in its output; undefined when there is no output. */
  errors: string[] | undefined;
  /** Whether this verdict came from our own build or the cache, without a tsc run of its own. */
  reused: boolean;
}

interface CachedVerdict {
  key: string;
  errors: string[];
}

/** Runs openapi-typescript's CLI on `specFile`, writing `<dir>/schema.ts`. */
export function generateUpstream(specFile: string, dir: string, timeoutMs: number): Promise<Finished> {
  mkdirSync(dir, { recursive: true });
  return runCommand(process.execPath, [OPENAPI_TS_CLI, specFile, '--output', path.join(dir, 'schema.ts')], {
    timeoutMs,
  });
}

/** Why a run failed, in one line: the error its output names (`Error: Unsupported Swagger version: 2.x...`). */
export function failureLine(output: string): string {
  const lines = output.split('\n').map((line) => line.trim());
  return lines.find((line) => /^\w*Error: /.test(line)) ?? lines.filter(Boolean).at(-1) ?? '';
}

/** The types of a schema file without the comment header each generator writes above them. */
export function withoutHeader(text: string): string {
  const start = text.search(/^export /m);
  return start === -1 ? text : text.slice(start);
}

/**
 * tsc's errors in `<dir>/schema.ts` (openapi-typescript's output), from the cache when neither the text,
 * TypeScript nor the base config changed since it was last checked; else `check` runs tsc.
 */
export async function upstreamErrors(
  dir: string,
  check: (run: () => Promise<Finished>) => Promise<Finished>,
  timeoutMs: number,
): Promise<{ errors: string[]; reused: boolean }> {
  const cacheFile = path.join(dir, 'tsc-verdict.json');
  const key = createHash('sha256')
    .update(readFileSync(path.join(dir, 'schema.ts')))
    .update(`\0${TYPESCRIPT_VERSION}\0`)
    .update(readFileSync(STRICT_BASE))
    .digest('hex');
  if (existsSync(cacheFile)) {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as CachedVerdict;
    if (cached.key === key) return { errors: cached.errors, reused: true };
  }
  const tsconfig = {
    extends: path.relative(dir, STRICT_BASE),
    compilerOptions: { noEmit: true },
    files: ['schema.ts'],
  };
  writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  const tsc = await check(() =>
    runCommand(process.execPath, [TSC, '-p', path.join(dir, 'tsconfig.json'), '--pretty', 'false'], { timeoutMs }),
  );
  const errors = tscErrors(tsc.output, 'schema.ts');
  if (tsc.code !== 0 && errors.length === 0) throw new Error(`tsc failed on ${dir}: ${tsc.output.slice(0, 2000)}`);
  writeFileSync(cacheFile, `${JSON.stringify({ key, errors } satisfies CachedVerdict)}\n`);
  return { errors, reused: false };
}
