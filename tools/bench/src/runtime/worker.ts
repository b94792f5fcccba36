// Child process of the runtime-overhead benchmark: loads the clients and times batches of requests
// against the loopback server, alternating the order of the clients on every run. Prints one JSON object.
// Usage: node --import tsx worker.ts '{"baseUrl":"http://127.0.0.1:N","requests":10000,"warmup":1000,"runs":5,"concurrency":[1,32]}'
import { isDeepStrictEqual } from 'node:util';
import { now, rotate } from '../lib/measure.js';
import { type Call, type ClientId, loadClients } from './clients.js';
import { responseBody } from './server-body.js';

export interface WorkerInput {
  baseUrl: string;
  requests: number;
  warmup: number;
  runs: number;
  concurrency: number[];
}

export interface WorkerOutput {
  clients: { id: ClientId; source: string; error?: string }[];
  /** batches[concurrency][clientId] = wall time of each run's batch, ms. */
  batches: Record<string, Partial<Record<ClientId, number[]>>>;
}

async function batch(call: Call, requests: number, concurrency: number): Promise<number> {
  let started = 0;
  const lane = async (): Promise<void> => {
    while (started < requests) {
      started += 1;
      await call();
    }
  };
  const start = now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, lane));
  return now() - start;
}

const input = JSON.parse(process.argv[2] ?? '{}') as WorkerInput;
const loaded = await loadClients(input.baseUrl);
const ready: { id: ClientId; call: Call }[] = [];
for (const client of loaded) {
  if (!client.call) continue;
  try {
    const data = await client.call();
    if (!isDeepStrictEqual(data, responseBody))
      throw new Error(`unexpected result ${JSON.stringify(data).slice(0, 120)}`);
    ready.push({ id: client.id, call: client.call });
  } catch (error) {
    client.error = `first request failed: ${(error as Error).message.split('\n')[0]}`;
  }
}

const output: WorkerOutput = {
  clients: loaded.map(({ id, source, error }) => ({ id, source, ...(error ? { error } : {}) })),
  batches: {},
};
for (const concurrency of input.concurrency) {
  const byClient: Partial<Record<ClientId, number[]>> = {};
  for (const client of ready) await batch(client.call, input.warmup, concurrency);
  for (let run = 0; run < input.runs; run++) {
    for (const client of rotate(ready, run)) {
      (byClient[client.id] ??= []).push(await batch(client.call, input.requests, concurrency));
    }
  }
  output.batches[String(concurrency)] = byClient;
}
process.stdout.write(`${JSON.stringify(output)}\n`);
