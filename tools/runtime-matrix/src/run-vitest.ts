/** Runs vitest on a given Node binary and reads back its JSON report. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const vitestCli = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

export interface VitestOutcome {
  passed: number;
  failed: number;
  total: number;
  /** The child's console output, for the assertion message when something failed. */
  output: string;
}

export async function runVitest(
  node: string,
  config: string,
  env: Record<string, string>,
  timeoutMs = 240_000,
): Promise<VitestOutcome> {
  const dir = await mkdtemp(join(tmpdir(), 'runtime-matrix-'));
  const reportFile = join(dir, 'vitest.json');
  try {
    const args = [vitestCli, 'run', '--config', config, '--reporter=default', '--reporter=json'];
    const output = await runNode(node, [...args, `--outputFile.json=${reportFile}`], env, timeoutMs);
    const report = JSON.parse(await readFile(reportFile, 'utf8').catch(() => 'null')) as VitestReport | null;
    if (!report) throw new Error(`vitest on ${node} wrote no report:\n${output.slice(-4000)}`);
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

function runNode(node: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { env: { ...process.env, ...env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${node} did not start: ${error.message}`));
    });
    child.once('close', () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}
