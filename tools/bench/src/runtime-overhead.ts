// 3. Runtime overhead per request: the generated client vs openapi-fetch vs raw fetch against a loopback
// node:http server (its own process), sequential and 32 concurrent. Each Node release the client supports
// (the machine's, and the pinned 22 and 24 builds runtime-matrix installs) runs the clients in a worker
// process of its own, one release after the other, against the same server.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { nodeRuntimes } from 'runtime-matrix';
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

/**
 * A client's per-run batch times over a reference's in the same run: the median, and the smallest and largest.
 * Each run times every client back to back, so pairing them within a run cancels most of the drift in what
 * else the machine is doing, which a ratio of the two medians keeps.
 */
export interface PairedRatio {
  median: number;
  range: [number, number];
}

export interface ModeResult {
  concurrency: number;
  clients: {
    id: ClientId;
    /** Wall time of each run's batch, ms. */
    batches: number[];
    opsPerSec: number;
    /** Median over runs of (batch time / requests), microseconds. */
    perRequestUs: number;
    /** Against raw fetch without a signal. */
    toFetch: PairedRatio;
    /** Against raw fetch given a fresh AbortController's signal, as the client gives fetch one per attempt. */
    toFetchSignal: PairedRatio;
  }[];
}

/** The figures of one Node release. */
export interface NodeResult {
  /** `node 24.22.3`. */
  node: string;
  clients: WorkerOutput['clients'];
  modes: ModeResult[];
  error?: string;
}

export interface RuntimeResult {
  requests: number;
  warmup: number;
  runs: number;
  nodes: NodeResult[];
  error?: string;
}

const tsx = ['--import', 'tsx'];

export async function measureRuntime(
  options: Omit<WorkerInput, 'baseUrl'>,
  log: (line: string) => void,
): Promise<RuntimeResult> {
  const result: RuntimeResult = { requests: options.requests, warmup: options.warmup, runs: options.runs, nodes: [] };
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
    for (const runtime of nodeRuntimes) {
      log(`   ${runtime.name}`);
      result.nodes.push(await measureOn(runtime.name, () => runtime.binary(), input));
    }
    return result;
  } catch (error) {
    return { ...result, error: (error as Error).message };
  } finally {
    server.stdin?.end();
    server.kill();
  }
}

async function measureOn(node: string, binary: () => Promise<string>, input: WorkerInput): Promise<NodeResult> {
  const base: NodeResult = { node, clients: [], modes: [] };
  let execPath: string;
  try {
    execPath = await binary();
  } catch (error) {
    return { ...base, error: (error as Error).message };
  }
  const r = await runCommand(execPath, [...tsx, join(benchRoot, 'src/runtime/worker.ts'), JSON.stringify(input)], {
    cwd: benchRoot,
    timeoutMs: 30 * 60_000,
  });
  if (!r.ok) return { ...base, error: firstErrorLine(r) };
  const output = JSON.parse(r.stdout.trim().split('\n').pop()!) as WorkerOutput;
  base.clients = output.clients;
  for (const concurrency of input.concurrency) {
    const byClient = output.batches[String(concurrency)] ?? {};
    const paired = (batches: number[], reference: number[] | undefined): PairedRatio => {
      const ratios = batches.map((ms, run) => ms / (reference?.[run] ?? Number.NaN));
      return { median: median(ratios), range: [Math.min(...ratios), Math.max(...ratios)] };
    };
    const clients = clientOrder
      .filter((id) => (byClient[id]?.length ?? 0) > 0)
      .map((id) => {
        const batches = byClient[id]!;
        return {
          id,
          batches,
          opsPerSec: median(batches.map((ms) => input.requests / (ms / 1000))),
          perRequestUs: median(batches.map((ms) => (ms * 1000) / input.requests)),
          toFetch: paired(batches, byClient.fetch),
          toFetchSignal: paired(batches, byClient['fetch-signal']),
        };
      });
    base.modes.push({ concurrency, clients });
  }
  return base;
}
