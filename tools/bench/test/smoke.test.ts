// Runs `main.ts --smoke` end to end (one iteration of every measurement on the small spec) and checks the
// report it writes: every section is there and carries measured figures, and every target has a verdict.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const benchRoot = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(join(benchRoot, '.out'), { recursive: true }); // gitignored, so absent on a fresh clone
const tmp = mkdtempSync(join(benchRoot, '.out', 'test-'));
const reportFile = join(tmp, 'BENCHMARKS.md');
let report = '';
let stdout = '';

/** The text of a `## heading` section, up to the next `## `. */
function section(heading: string): string {
  const start = report.indexOf(`\n## ${heading}`);
  expect(start, `section "## ${heading}" is missing`).toBeGreaterThanOrEqual(0);
  const end = report.indexOf('\n## ', start + 4);
  return report.slice(start, end === -1 ? undefined : end);
}

beforeAll(async () => {
  const result = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts', '--smoke', '--report', reportFile, '--work', join(tmp, 'work')],
    { cwd: benchRoot, maxBuffer: 64 * 2 ** 20, timeout: 880_000 },
  );
  stdout = result.stdout;
  report = readFileSync(reportFile, 'utf8');
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('bench --smoke', () => {
  it('writes a report with the command, the machine and the versions', () => {
    expect(stdout).toContain('wrote ');
    expect(report.startsWith('# Benchmarks\n')).toBe(true);
    expect(report).toContain('Smoke run');
    expect(section('Command')).toMatch(/tools\/bench\/src\/main\.ts --smoke/);
    const machine = section('Machine');
    expect(machine).toMatch(/\| CPU \| \S.+ \|/);
    expect(machine).toMatch(/\| Cores \(available parallelism\) \| \d+ \|/);
    expect(machine).toMatch(/\| RAM \| \d+\.\d GiB \|/);
    expect(machine).toMatch(/\| OS \| \S.+ \|/);
    const versions = section('Versions');
    expect(versions).toMatch(/\| Node\.js \| v\d+\.\d+\.\d+ \|/);
    for (const tool of [
      'openapi-typescript',
      '@hey-api/openapi-ts',
      'orval',
      'openapi-fetch',
      'esbuild',
      'TypeScript',
    ]) {
      expect(versions).toMatch(new RegExp(`\\| ${tool.replace(/[.]/g, '\\.')} \\| \\d+\\.\\d+\\.\\d+ \\|`));
    }
  });

  it('judges every target of the issue', () => {
    const rows = section('Targets')
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Target'));
    // 4 generation targets (one spec in smoke), regeneration (npm run, npx, nx alone), 2 runtime, bundle,
    // type-check time and memory, growth of generation and tsc in time and memory
    expect(rows.length).toBe(16);
    for (const row of rows) expect(row).toMatch(/(✅ met|❌ missed|⚠️ not measured) \|$/);
  });

  it('has measured figures in every measurement section', () => {
    const generation = section('1. Generation');
    for (const peer of ['openapi-typescript', '@hey-api/openapi-ts', 'orval']) {
      expect(generation).toMatch(
        new RegExp(
          `\\| ${peer} \\| [^|]+ \\| [^|]+ \\| \\d+\\.\\d\\d s \\| [^|]+ \\| \\d+\\.\\d\\d s \\| \\d+ MiB \\|`,
        ),
      );
    }
    expect(generation).toMatch(/\| sdkgen \(ours\) \| [^|]+ \| [^|]+ \| (\d+\.\d\d s|failed: .+) \|/);
    expect(section('2. Regeneration')).toMatch(/\d+ ms|\*\*Failed:\*\*/);
    // Every Node release gets its own table; the machine's own Node always has figures (the pinned
    // releases need a download, which may fail offline without the bench being broken).
    const runtime = section('3. Runtime overhead');
    const releases = [...runtime.matchAll(/^### node (\d+)\.\d+\.\d+$/gm)].map((m) => Number(m[1]));
    expect(releases).toEqual([Number(process.versions.node.split('.')[0]), 22, 24]);
    const ownNode = runtime.slice(runtime.indexOf(`### node ${process.versions.node}`), runtime.indexOf('### node 22'));
    const ratioCells = '\\d+\\.\\d\\d× \\| \\d+\\.\\d\\d× – \\d+\\.\\d\\d×';
    expect(ownNode).toMatch(
      new RegExp(`\\| raw fetch \\| sequential \\| [\\d,]+ \\| \\d+\\.\\d µs \\| ${ratioCells} \\| 1\\.00× \\|`),
    );
    expect(ownNode).toMatch(
      new RegExp(
        `\\| raw fetch \\+ AbortSignal \\(reference\\) \\| sequential \\| [\\d,]+ \\| \\d+\\.\\d µs \\| 1\\.00× \\|`,
      ),
    );
    expect(ownNode).toMatch(
      new RegExp(
        `\\| @revio-sdk/client \\(generated\\): class \\| 32 concurrent \\| [\\d,]+ \\| \\d+\\.\\d µs \\| ${ratioCells} \\| ${ratioCells} \\|`,
      ),
    );
    expect(ownNode).toMatch(/\| openapi-fetch \| 32 concurrent \| [\d,]+ \| \d+\.\d µs \| \d+\.\d\d× \|/);
    expect(section('4. Bundle size')).toMatch(
      /\| openapi-fetch \| `openapi-fetch` \| \d+\.\d\d KB \| \d+\.\d\d KB \| \d+\.\d\d KB \| \d+\.\d\d KB \| -?\d+ bytes \|/,
    );
    // Ours twice: the class app, and the core with standalone functions (which the bundle target judges).
    for (const form of ['class', 'core \\+ standalone functions']) {
      expect(section('4. Bundle size')).toMatch(
        new RegExp(
          `\\| @revio-sdk/client \\(generated\\): ${form} \\| \`[^|]+\` \\| \\d+\\.\\d\\d KB \\| \\d+\\.\\d\\d KB \\|`,
        ),
      );
    }
    // Time, spread, CPU, RSS, then tsc's counters: lines, identifiers, symbols, types, instantiations.
    for (const tool of ['sdkgen \\(ours\\)', 'openapi-typescript \\(types alone\\)'])
      expect(section('5. Type-check cost')).toMatch(
        new RegExp(
          `\\| ${tool}, Rev\\.io \\| \\d+\\.\\d\\d s \\| [^|]+ \\| \\d+\\.\\d\\d s \\| \\d+ MiB \\|( [\\d,]+ \\|){5}`,
        ),
      );
    expect(section('2. Regeneration')).toMatch(/\| `npm --version` \| \d+ ms \|/);
    for (const client of ['sdkgen client \\(ours\\)', 'openapi-fetch over openapi-typescript types'])
      expect(report).toMatch(new RegExp(`\\| ${client} \\| \`[^|]+\` \\| \\d+ ms \\(`));
    for (const size of ['×1', '×2'])
      expect(section('6. How cost grows')).toMatch(
        new RegExp(`\\| ${size} \\| \\d+ \\| [\\d.]+ MB \\| sdkgen \\| \\d+\\.\\d\\d s \\|`),
      );
    expect(section('7. Generated test suites')).toMatch(
      /\| Contract suite of the Rev\.io client [^|]+ \| \d+ \| \d+\.\d\d s \|/,
    );
    expect(report).not.toContain('| NaN');
  });
});
