/**
 * The soak, run as its own process by test/integration/soak.test.ts: `CALLS` create (POST) calls through `ClientCore`
 * against a loopback server that answers each attempt with a fault picked from `SEED`, the call and the
 * attempt number (so a failing seed replays the same faults whatever the interleaving). Prints a summary
 * as the JSON line after `SUMMARY `, closes its server and ends without `process.exit`; as it exits it
 * prints `EXIT <ms since the summary>`, so the parent can check that nothing (socket, timer) kept it alive.
 *
 * Usage: node soak-run.js <seed> <calls>
 */
import {
  ClientCore,
  InternalServerError,
  RateLimitError,
  ServiceUnavailableError,
  serializeBody,
  type OperationRequest,
} from '../../src/index.js';
import { created, faultHandler } from './fault-server.js';
import { listen, sendJson, type Handler } from '@revio-sdk/test-utils/http-server';

interface SoakFault {
  weight: number;
  handler: Handler;
  /**
   * Whether the server acted on the request (or may have) before failing, so that the retry rules forbid
   * sending the create again: false only for refusals (429, 503).
   */
  processed: boolean;
  /** For a refusal: whether the wait it asks for is short enough to retry after. */
  retryable?: boolean;
  /** How a call ends when this is its last attempt: `created` or the error's name. */
  outcome: string;
}

// Generous for a loaded machine; slow faults take three times as long.
const CLIENT_TIMEOUT_MS = 1_000;
const CALL_DEADLINE_MS = 10_000;
const slow = { slowMs: 3_000 };
const FAULTS: Record<string, SoakFault> = {
  ok: {
    weight: 40,
    handler: (_request, response) => sendJson(response, 201, created),
    processed: true,
    outcome: 'created',
  },
  'reset-before-response': {
    weight: 5,
    handler: faultHandler('reset-before-response'),
    processed: true,
    outcome: 'ConnectionError',
  },
  'reset-mid-body': { weight: 5, handler: faultHandler('reset-mid-body'), processed: true, outcome: 'ConnectionError' },
  'reset-after-body': { weight: 5, handler: faultHandler('reset-after-body'), processed: true, outcome: 'created' },
  'slow-response': {
    weight: 3,
    handler: faultHandler('slow-response', slow),
    processed: true,
    outcome: 'TimeoutError',
  },
  trickle: { weight: 3, handler: faultHandler('trickle', slow), processed: true, outcome: 'TimeoutError' },
  'server-error': { weight: 5, handler: faultHandler('server-error'), processed: true, outcome: 'InternalServerError' },
  'truncated-json': {
    weight: 4,
    handler: faultHandler('truncated-json'),
    processed: true,
    outcome: 'ResponseParseError',
  },
  'non-json-error': {
    weight: 4,
    handler: faultHandler('non-json-error'),
    processed: true,
    outcome: 'InternalServerError',
  },
  '503 Retry-After: 0': {
    weight: 8,
    handler: faultHandler('unavailable-retry-after-seconds'),
    processed: false,
    retryable: true,
    outcome: 'ServiceUnavailableError',
  },
  '503 Retry-After: <now as an HTTP date>': {
    weight: 4,
    handler: faultHandler('unavailable-retry-after-date'),
    processed: false,
    retryable: true,
    outcome: 'ServiceUnavailableError',
  },
  '429 Retry-After: 0': {
    weight: 8,
    handler: faultHandler('rate-limited'),
    processed: false,
    retryable: true,
    outcome: 'RateLimitError',
  },
  '503 Retry-After: 120': {
    weight: 3,
    handler: faultHandler('unavailable-retry-after-seconds', { retryAfterSeconds: 120 }),
    processed: false,
    retryable: false,
    outcome: 'ServiceUnavailableError',
  },
  '429 Retry-After: 120': {
    weight: 3,
    handler: faultHandler('rate-limited', { retryAfterSeconds: 120 }),
    processed: false,
    retryable: false,
    outcome: 'RateLimitError',
  },
};
const FAULT_NAMES = Object.keys(FAULTS);
const TOTAL_WEIGHT = FAULT_NAMES.reduce((sum, name) => sum + FAULTS[name]!.weight, 0);

/** mulberry32: a small seeded PRNG, enough to spread faults. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickFault(seed: number, callId: number, attempt: number): string {
  let point = random(seed ^ Math.imul(callId + 1, 0x9e3779b1) ^ Math.imul(attempt + 1, 0x85ebca6b))() * TOTAL_WEIGHT;
  for (const name of FAULT_NAMES) if ((point -= FAULTS[name]!.weight) < 0) return name;
  return 'ok';
}

async function main(seed: number, calls: number, concurrency: number) {
  /** Per call: the fault each of its attempts got. */
  const attempts = new Map<number, string[]>();
  const server = await listen((request, response, raw) => {
    const { callId } = JSON.parse(request.body) as { callId: number };
    const seen = attempts.get(callId) ?? [];
    attempts.set(callId, seen);
    const fault = pickFault(seed, callId, seen.length);
    seen.push(fault);
    FAULTS[fault]!.handler(request, response, raw);
  });

  const client = new ClientCore({
    baseUrl: server.url,
    timeout: CLIENT_TIMEOUT_MS,
    maxRetries: 3,
    deadline: CALL_DEADLINE_MS,
  });
  const errors = { 429: RateLimitError, 500: InternalServerError, 503: ServiceUnavailableError };
  /** Per call: `created` or the name of the error it ended with. */
  const outcomes: string[] = [];
  let slowestCallMs = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let callId = next++; callId < calls; callId = next++) {
      const op: OperationRequest = { method: 'POST', path: '/Customers', body: { callId }, serializeBody, errors };
      const callStarted = performance.now();
      const outcome = await client.request(op).then(
        () => 'created',
        (error: unknown) => (error as Error).name,
      );
      slowestCallMs = Math.max(slowestCallMs, performance.now() - callStarted);
      outcomes[callId] = outcome;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  await server.close();

  const count = (tally: Record<string, number>, key: string) => (tally[key] = (tally[key] ?? 0) + 1);
  const faultsByKind: Record<string, number> = {};
  const outcomesByKind: Record<string, number> = {};
  /** Calls whose requests never reached the server's handler (a stale keep-alive socket, a timeout), by outcome. */
  const unseenByServer: Record<string, number> = {};
  let requests = 0;
  let duplicates = 0;
  let forbiddenRetries = 0;
  /** Calls that ended otherwise than their last answer says, other than by a timeout (a loaded machine) or a lost retry. */
  const unexpectedOutcomes: { callId: number; faults: string[]; outcome: string }[] = [];
  for (const [callId, outcome] of outcomes.entries()) {
    count(outcomesByKind, outcome);
    const faults = attempts.get(callId);
    if (faults === undefined) {
      count(unseenByServer, outcome);
      continue;
    }
    requests += faults.length;
    for (const fault of faults) count(faultsByKind, fault);
    if (faults.filter((fault) => FAULTS[fault]!.processed).length > 1) duplicates++;
    // Every attempt but the last must have been a refusal that asked for a short enough wait.
    if (faults.slice(0, -1).some((fault) => !FAULTS[fault]!.retryable)) forbiddenRetries++;
    const last = FAULTS[faults.at(-1)!]!;
    // After a refusal the client sends once more; that attempt may be lost in transit (a keep-alive socket
    // the server is closing), which ends the call with a ConnectionError the server never saw.
    const lostRetry = last.retryable === true && outcome === 'ConnectionError';
    if (outcome !== last.outcome && outcome !== 'TimeoutError' && !lostRetry)
      unexpectedOutcomes.push({ callId, faults, outcome });
  }
  const summary = {
    seed,
    calls,
    settled: outcomes.filter((outcome) => outcome !== undefined).length,
    callsSeenByServer: attempts.size,
    unseenByServer,
    requests,
    retries: requests - attempts.size,
    duplicates,
    forbiddenRetries,
    unexpectedOutcomes,
    faultsByKind,
    outcomes: outcomesByKind,
    slowestCallMs: Math.round(slowestCallMs),
    elapsedMs: Math.round(elapsedMs),
  };
  console.log(`SUMMARY ${JSON.stringify(summary)}`);
  // Nothing more runs: the process exits as soon as no socket or timer holds it, which this line times.
  const summarized = performance.now();
  process.on('exit', () => console.log(`EXIT ${Math.round(performance.now() - summarized)}`));
}

const [seed, calls] = process.argv.slice(2).map(Number);
await main(seed!, calls!, 20);
