/**
 * The generated contract suite (test/generated) catches real breakage: a copy of this package and of the
 * runtime's source is broken in one place at a time, and the suite's tests of that place fail on the copy
 * while they pass on the unbroken one.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const require = createRequire(import.meta.url);
const VITEST = require.resolve('vitest/package.json').replace(/package\.json$/, 'vitest.mjs');
const CLIENT_DIR = path.resolve(import.meta.dirname, '..');
const RUNTIME_SRC = path.resolve(path.dirname(require.resolve('@revio-sdk/runtime/package.json')), 'src');
const ROOT_NODE_MODULES = path.resolve(CLIENT_DIR, '../../node_modules');
/** Each test starts vitest on the copy: a few seconds, more on a busy machine. */
const RUN_TIMEOUT_MS = 180_000;

interface Mutation {
  what: string;
  /** File in the copy, relative to its root (`client/...` or `runtime/...`). */
  file: string;
  from: string;
  to: string;
  /** The generated tests that must catch it (vitest's full test names). */
  caughtBy: string;
}

const MUTATIONS: Mutation[] = [
  {
    what: 'a wrong error class for one status (404 of customers.get and its siblings)',
    file: 'client/src/status-error-maps.ts',
    from: 'ERRORS_400_401_403_404_405_429_500_501_503_504 = {\n  400: BadRequestError,\n  401: UnauthorizedError,\n  403: ForbiddenError,\n  404: NotFoundError,',
    to: 'ERRORS_400_401_403_404_405_429_500_501_503_504 = {\n  400: BadRequestError,\n  401: UnauthorizedError,\n  403: ForbiddenError,\n  404: ForbiddenError,',
    caughtBy: 'customersGet 404 rejects with NotFoundError',
  },
  {
    what: 'a POST retried on 500',
    file: 'runtime/retry.ts',
    from: '(idempotent && (outcome === 500 || outcome === 504))',
    to: '(outcome === 500 || outcome === 504)',
    caughtBy: 'notesCreate sends it once when answered 500',
  },
  {
    what: 'a dropped page',
    file: 'runtime/pagination.ts',
    from: 'loadPage(pageNumber + 1, pagesRead + 1, itemsJson)',
    to: 'loadPage(pageNumber + 2, pagesRead + 1, itemsJson)',
    caughtBy: 'customersList yields every item of 3 pages',
  },
];

interface SuiteRun {
  status: number | null;
  output: string;
  failed: string[];
  passed: string[];
}

let copy: string;

/** The package's source and generated suite, and the runtime's source, with vitest pointed at that runtime. */
function copyPackage(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'contract-mutation-'));
  cpSync(path.join(CLIENT_DIR, 'src'), path.join(dir, 'client/src'), { recursive: true });
  cpSync(path.join(CLIENT_DIR, 'test/generated'), path.join(dir, 'client/test/generated'), { recursive: true });
  cpSync(RUNTIME_SRC, path.join(dir, 'runtime'), { recursive: true });
  symlinkSync(ROOT_NODE_MODULES, path.join(dir, 'node_modules'), 'dir');
  writeFileSync(
    path.join(dir, 'client/vitest.config.ts'),
    [
      "import { fileURLToPath } from 'node:url';",
      "import { defineConfig } from 'vitest/config';",
      'export default defineConfig({',
      "  resolve: { alias: { '@revio-sdk/runtime': fileURLToPath(new URL('../runtime/index.ts', import.meta.url)) } },",
      "  test: { include: ['test/generated/**/*.test.ts'] },",
      '});',
      '',
    ].join('\n'),
  );
  return dir;
}

/** Runs the copy's generated tests whose names match `pattern`; reads the outcome from vitest's JSON report. */
function runSuite(pattern: string): SuiteRun {
  const report = path.join(copy, 'report.json');
  rmSync(report, { force: true });
  const result = spawnSync(
    process.execPath,
    [VITEST, 'run', '--root', path.join(copy, 'client'), '-t', pattern, '--reporter=json', `--outputFile=${report}`],
    { encoding: 'utf8' },
  );
  const { testResults = [] } = JSON.parse(readFileSync(report, 'utf8')) as {
    testResults?: { assertionResults: { fullName: string; status: string }[] }[];
  };
  const results = testResults.flatMap((file) => file.assertionResults);
  const named = (status: string) => results.filter((r) => r.status === status).map((r) => r.fullName);
  return {
    status: result.status,
    output: result.stdout + result.stderr,
    failed: named('failed'),
    passed: named('passed'),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

beforeAll(() => {
  copy = copyPackage();
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the generated contract suite', () => {
  test(
    'passes on the unbroken copy',
    () => {
      const run = runSuite(MUTATIONS.map((mutation) => escapeRegExp(mutation.caughtBy)).join('|'));
      expect(run.status, run.output.slice(-3000)).toBe(0);
      for (const mutation of MUTATIONS)
        expect(run.passed.some((name) => name.startsWith(mutation.caughtBy))).toBe(true);
    },
    RUN_TIMEOUT_MS,
  );

  test.each(MUTATIONS)(
    'fails on $what',
    (mutation) => {
      const file = path.join(copy, mutation.file);
      const original = readFileSync(file, 'utf8');
      expect(original, `the mutation no longer applies to ${mutation.file}`).toContain(mutation.from);
      writeFileSync(file, original.replace(mutation.from, mutation.to));
      try {
        const run = runSuite(escapeRegExp(mutation.caughtBy));
        expect(run.status).not.toBe(0);
        expect(
          run.failed.some((name) => name.startsWith(mutation.caughtBy)),
          run.output.slice(-3000),
        ).toBe(true);
      } finally {
        writeFileSync(file, original);
      }
    },
    RUN_TIMEOUT_MS,
  );
});
