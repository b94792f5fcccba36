// 7. The generated test suites of the Rev.io client (packages/client/test/generated), run as its users and CI run
// them: vitest from the client's folder. Wall time, CPU time of the process tree, peak RSS.
import { join } from 'node:path';
import { display, packageDir, paths } from './lib/env.js';
import { firstErrorLine, rotate, runCommand } from './lib/measure.js';

export interface SuiteRow {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  times: number[];
  cpu: number[];
  rss: number[];
  /** Tests vitest counted in the last run. */
  tests: number;
  error?: string;
}

export interface SuitesResult {
  runs: number;
  rows: SuiteRow[];
}

/** `Tests  961 passed (961)` → 961. */
export function testCount(output: string): number {
  // eslint-disable-next-line no-control-regex
  const match = /Tests\s+(?:\d+ \w+ \| )*\d+ passed \((\d+)\)/.exec(output.replace(/\u001b\[[0-9;]*m/g, ''));
  return match ? Number(match[1]) : Number.NaN;
}

export async function measureSuites(runs: number, log: (line: string) => void): Promise<SuitesResult> {
  const vitest = join(packageDir('vitest') ?? 'node_modules/vitest', 'vitest.mjs');
  const rows: SuiteRow[] = [
    {
      name: 'Contract suite of the Rev.io client (`test/generated/`)',
      command: `node ${display(vitest)} run test/generated`,
      args: [vitest, 'run', 'test/generated'],
      cwd: paths.clientDir,
      times: [],
      cpu: [],
      rss: [],
      tests: Number.NaN,
    },
  ];
  for (let i = 0; i < runs; i++) {
    for (const row of rotate(rows, i)) {
      if (row.error) continue;
      const r = await runCommand(process.execPath, row.args, {
        cwd: row.cwd,
        rss: true,
        timeoutMs: 10 * 60_000,
        env: { ...process.env, FORCE_COLOR: '0', CI: '1' },
      });
      if (!r.ok) {
        row.error = firstErrorLine(r);
        continue;
      }
      row.times.push(r.ms);
      row.cpu.push(r.cpuMs);
      row.rss.push(r.peakRss);
      row.tests = testCount(r.stdout + r.stderr);
      log(`  ${row.name} run ${i + 1}/${runs}: ${(r.ms / 1000).toFixed(2)} s, ${row.tests} tests`);
    }
  }
  return { runs, rows };
}
