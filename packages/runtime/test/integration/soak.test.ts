/**
 * The soak (helpers/soak-run.ts) in a child process: 1,000 creates under random faults. Set SOAK_SEED to
 * replay a run; the seed is printed with the figures.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleForNode } from '../helpers/bundle.js';

const CALLS = 1_000;
/** The child must end by itself this soon after printing its summary: nothing may keep it alive. */
const EXIT_AFTER_SUMMARY_MS = 2_000;

interface Summary {
  seed: number;
  calls: number;
  settled: number;
  callsSeenByServer: number;
  unseenByServer: Record<string, number>;
  requests: number;
  retries: number;
  duplicates: number;
  forbiddenRetries: number;
  unexpectedOutcomes: { callId: number; faults: string[]; outcome: string }[];
  faultsByKind: Record<string, number>;
  outcomes: Record<string, number>;
  slowestCallMs: number;
  elapsedMs: number;
}

/** Runs the bundled soak; its summary, exit code, and how long it lived after the summary (its own clock). */
function runSoak(script: string, seed: number): Promise<{ summary: Summary; code: number | null; lingerMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, String(seed), String(CALLS)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A hung call, or a handle that keeps the process alive, ends here.
    const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(killer);
      const line = (prefix: string) =>
        stdout
          .split('\n')
          .find((text) => text.startsWith(prefix))
          ?.slice(prefix.length);
      const summary = line('SUMMARY ');
      if (summary === undefined) return reject(new Error(`the soak (seed ${seed}) printed no summary: ${stderr}`));
      resolve({ summary: JSON.parse(summary) as Summary, code, lingerMs: Number(line('EXIT ') ?? Infinity) });
    });
  });
}

describe('soak', () => {
  it(`makes ${CALLS} creates under random faults: no duplicate, no early retry, no hang, no leak`, async () => {
    const seed = Number(process.env.SOAK_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const directory = await mkdtemp(path.join(tmpdir(), 'runtime-soak-'));
    try {
      const script = path.join(directory, 'soak-run.mjs');
      await bundleForNode(fileURLToPath(new URL('../helpers/soak-run.ts', import.meta.url)), script);
      const { summary, code, lingerMs } = await runSoak(script, seed);
      console.log(
        `soak (SOAK_SEED=${seed}): ${JSON.stringify({ ...summary, exitCode: code, exitedAfterSummaryMs: Math.round(lingerMs) }, null, 1)}`,
      );

      expect(code).toBe(0);
      expect(lingerMs).toBeLessThan(EXIT_AFTER_SUMMARY_MS);
      expect(summary.calls).toBe(CALLS);
      expect(summary.settled).toBe(CALLS);
      expect(summary.duplicates).toBe(0);
      expect(summary.forbiddenRetries).toBe(0);
      expect(summary.unexpectedOutcomes).toEqual([]);
      // A create the server never saw can only have failed in transit, never have been reported created.
      expect(
        Object.keys(summary.unseenByServer).filter((outcome) => !/^(Connection|Timeout)Error$/.test(outcome)),
      ).toEqual([]);
      // The run did exercise the faults and the retries it should make.
      expect(Object.keys(summary.faultsByKind)).toHaveLength(14);
      expect(summary.retries).toBeGreaterThan(0);
      // Every call is bounded by its 10 s deadline.
      expect(summary.slowestCallMs).toBeLessThan(10_500);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 120_000);
});
