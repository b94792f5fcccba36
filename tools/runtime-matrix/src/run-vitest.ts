/** Runs vitest on a given Node binary and reads back its JSON report. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runProcess } from './run-process.js';

const vitestCli = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

export interface VitestOutcome {
  passed: number;
  failed: number;
  total: number;
  /** The child's console output, for the assertion message when something failed. */
  output: string;
}

export async function runVitest(
  name: string,
  node: string,
  config: string,
  env: Record<string, string>,
): Promise<VitestOutcome> {
  const dir = await mkdtemp(join(tmpdir(), 'runtime-matrix-'));
  const reportFile = join(dir, 'vitest.json');
  try {
    const args = [vitestCli, 'run', '--config', config, '--reporter=default', '--reporter=json'];
    const { stdout, stderr } = await runProcess(node, [...args, `--outputFile.json=${reportFile}`], {
      name,
      env: { ...process.env, ...env, FORCE_COLOR: '0' },
      timeoutMs: 240_000,
    });
    const output = stdout + stderr;
    const report = JSON.parse(await readFile(reportFile, 'utf8').catch(() => 'null')) as VitestReport | null;
    if (!report) throw new Error(`${name}: vitest wrote no report:\n${output.slice(-4000)}`);
    // A file that fails before any test runs (an import error) has no failed test: count it once.
    const brokenFiles = report.testResults.filter(
      (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
    ).length;
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + brokenFiles,
      total: report.numTotalTests,
      output,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
}
