// 3. Runtime overhead per request: the generated client vs openapi-fetch vs raw fetch against a loopback
// node:http server (its own process), sequential and 32 concurrent, measured in one worker process.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { benchRoot } from './lib/env.js';
import { firstErrorLine, median, runCommand } from './lib/measure.js';
import type { ClientId } from './runtime/clients.js';
import type { WorkerInput, WorkerOutput } from './runtime/worker.js';

export const clientOrder: readonly ClientId[] = [
  'generated',
  'generated-no-timeout',
  'openapi-fetch',
  'fetch',
  'fetch-signal',
];

export interface ModeResult {
  concurrency: number;
  clients: {
    id: ClientId;
    /** Wall time of each run's batch, ms. */
    batches: number[];
    opsPerSec: number;
    /** Median over runs of (batch time / requests), microseconds. */
    perRequestUs: number;
    /**
     * Median over runs of (this client's batch time / raw fetch's batch time in the same run). Each run
     * times every client back to back, so pairing them within a run cancels most of the drift in what
     * else the machine is doing, which a ratio of the two medians keeps.
     */
    ratioToFetch: number;
    /** The smallest and largest of those per-run ratios: how far one run can stray from the median. */
    ratioRange: [number, number];
  }[];
}

export interface RuntimeResult {
  requests: number;
  warmup: number;
  runs: number;
  clients: WorkerOutput['clients'];
  modes: ModeResult[];
  error?: string;
}

const tsx = ['--import', 'tsx'];

export async function measureRuntime(options: Omit<WorkerInput, 'baseUrl'>): Promise<RuntimeResult> {
  const base: RuntimeResult = {
    requests: options.requests,
    warmup: options.warmup,
    runs: options.runs,
    clients: [],
    modes: [],
  };
  const server = spawn(process.execPath, [...tsx, join(benchRoot, 'src/runtime/server.ts')], {
    cwd: benchRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`loopback server exited with ${code}`)));
      createInterface({ input: server.stdout }).once('line', (line) =>
        resolve((JSON.parse(line) as { port: number }).port),
      );
    });
    const input: WorkerInput = { ...options, baseUrl: `http://127.0.0.1:${port}` };
    const r = await runCommand(
      process.execPath,
      [...tsx, join(benchRoot, 'src/runtime/worker.ts'), JSON.stringify(input)],
      {
        cwd: benchRoot,
        timeoutMs: 30 * 60_000,
      },
    );
    if (!r.ok) return { ...base, error: firstErrorLine(r) };
    const output = JSON.parse(r.stdout.trim().split('\n').pop()!) as WorkerOutput;
    base.clients = output.clients;
    for (const concurrency of options.concurrency) {
      const byClient = output.batches[String(concurrency)] ?? {};
      const stats = clientOrder
        .filter((id) => (byClient[id]?.length ?? 0) > 0)
        .map((id) => {
          const batches = byClient[id]!;
          return {
            id,
            batches,
            opsPerSec: median(batches.map((ms) => options.requests / (ms / 1000))),
            perRequestUs: median(batches.map((ms) => (ms * 1000) / options.requests)),
            ratioToFetch: Number.NaN,
            ratioRange: [Number.NaN, Number.NaN] as [number, number],
          };
        });
      const fetchBatches = byClient.fetch ?? [];
      for (const s of stats) {
        const ratios = s.batches.map((ms, run) => ms / (fetchBatches[run] ?? Number.NaN));
        s.ratioToFetch = median(ratios);
        s.ratioRange = [Math.min(...ratios), Math.max(...ratios)];
      }
      base.modes.push({ concurrency, clients: stats });
    }
    return base;
  } catch (error) {
    return { ...base, error: (error as Error).message };
  } finally {
    server.stdin?.end();
    server.kill();
  }
}
