/**
 * Each fault of the fault-injection server (helpers/fault-server.ts), against a real loopback connection:
 * the call ends with the documented outcome, after the documented number of requests, within a bound.
 */
import { describe, expect, it } from 'vitest';
import {
  ClientCore,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  ResponseParseError,
  ServiceUnavailableError,
  TimeoutError,
  serializeBody,
  type ClientOptions,
  type HttpMethod,
  type OperationRequest,
} from '../../src/index.js';
import {
  FAULTS,
  HUGE_BODY_BYTES,
  created,
  faultHandler,
  type Fault,
  type FaultOptions,
} from '../helpers/fault-server.js';
import { startServer } from '@revio-sdk/test-utils';

interface FaultCase {
  name: string;
  fault: Fault;
  method: HttpMethod;
  client?: Partial<ClientOptions>;
  server?: FaultOptions;
  /** Checks the result (resolved data) or the error. */
  expectOutcome: (outcome: { data?: unknown; error?: unknown }) => void;
  requests: number;
  /** Longer than the case needs even on a loaded machine, far shorter than a hang. */
  withinMs: number;
  /** At least this long (a wait the server asked for). */
  atLeastMs?: number;
}

const isError =
  <T>(ErrorClass: abstract new (...args: never[]) => T, check: (error: T) => void = () => {}) =>
  ({ error }: { error?: unknown }) => {
    expect(error).toBeInstanceOf(ErrorClass);
    check(error as T);
  };

const resolvesToCreated = ({ data, error }: { data?: unknown; error?: unknown }) => {
  expect(error).toBeUndefined();
  expect(data).toEqual(created);
};

const cases: FaultCase[] = [
  {
    name: 'a POST reset before the response: ConnectionError, not retried',
    fault: 'reset-before-response',
    method: 'POST',
    expectOutcome: isError(ConnectionError, (error) => expect(error.refused).toBe(false)),
    requests: 1,
    withinMs: 5_000,
  },
  {
    name: 'a GET reset before the response: ConnectionError after maxRetries',
    fault: 'reset-before-response',
    method: 'GET',
    client: { maxRetries: 1 },
    expectOutcome: isError(ConnectionError),
    requests: 2,
    withinMs: 6_000,
  },
  {
    name: 'a POST reset in the middle of its body: ConnectionError, not retried',
    fault: 'reset-mid-body',
    method: 'POST',
    expectOutcome: isError(ConnectionError),
    requests: 1,
    withinMs: 5_000,
  },
  {
    name: 'a POST reset after its whole body: the data, nothing lost',
    fault: 'reset-after-body',
    method: 'POST',
    expectOutcome: resolvesToCreated,
    requests: 1,
    withinMs: 5_000,
  },
  {
    name: 'a response slower than the timeout: TimeoutError, the POST not retried',
    fault: 'slow-response',
    method: 'POST',
    client: { timeout: 1_000 },
    server: { slowMs: 10_000 },
    expectOutcome: isError(TimeoutError, (error) => expect([error.timeoutMs, error.deadline]).toEqual([1_000, false])),
    requests: 1,
    withinMs: 5_000,
  },
  {
    name: 'a body that trickles past the timeout: TimeoutError',
    fault: 'trickle',
    method: 'POST',
    client: { timeout: 1_000 },
    server: { slowMs: 10_000 },
    expectOutcome: isError(TimeoutError),
    requests: 1,
    withinMs: 5_000,
  },
  {
    name: 'a body that trickles past the call deadline, before the timeout: TimeoutError for the deadline',
    fault: 'trickle',
    method: 'GET',
    client: { timeout: 5_000, deadline: 1_000 },
    server: { slowMs: 10_000 },
    expectOutcome: isError(TimeoutError, (error) => expect([error.timeoutMs, error.deadline]).toEqual([1_000, true])),
    requests: 1,
    withinMs: 5_000,
    atLeastMs: 950,
  },
  {
    name: '503 with Retry-After: 1 (seconds): waited for, retried, then ServiceUnavailableError',
    fault: 'unavailable-retry-after-seconds',
    method: 'POST',
    client: { maxRetries: 1 },
    server: { retryAfterSeconds: 1 },
    expectOutcome: isError(ServiceUnavailableError, (error) => expect(error.retryAfterMs).toBe(1_000)),
    requests: 2,
    withinMs: 8_000,
    atLeastMs: 950,
  },
  {
    name: '503 asking for 120 s (seconds), over maxRetryAfter: ServiceUnavailableError at once',
    fault: 'unavailable-retry-after-seconds',
    method: 'GET',
    server: { retryAfterSeconds: 120 },
    expectOutcome: isError(ServiceUnavailableError, (error) => expect(error.retryAfterMs).toBe(120_000)),
    requests: 1,
    withinMs: 5_000,
  },
  {
    name: '503 asking for 120 s (HTTP date), over maxRetryAfter: ServiceUnavailableError at once',
    fault: 'unavailable-retry-after-date',
    method: 'GET',
    server: { retryAfterSeconds: 120 },
    // An HTTP date has whole seconds: up to a second is lost to rounding, and some to the trip.
    expectOutcome: isError(ServiceUnavailableError, (error) =>
      expect(error.retryAfterMs).toBeGreaterThanOrEqual(117_000),
    ),
    requests: 1,
    withinMs: 5_000,
  },
  {
    name: '503 asking for 2 s (HTTP date): waited for, then retried',
    fault: 'unavailable-retry-after-date',
    method: 'POST',
    client: { maxRetries: 1 },
    server: { retryAfterSeconds: 2 },
    expectOutcome: isError(ServiceUnavailableError),
    requests: 2,
    withinMs: 8_000,
    atLeastMs: 900,
  },
  {
    name: '429 asking for 120 s, over maxRetryAfter: RateLimitError at once',
    fault: 'rate-limited',
    method: 'POST',
    server: { retryAfterSeconds: 120 },
    expectOutcome: isError(RateLimitError, (error) => expect(error.retryAfterMs).toBe(120_000)),
    requests: 1,
    withinMs: 5_000,
  },
  {
    name: '429 asking for 120 s, under a raised maxRetryAfter but past the deadline: RateLimitError at once',
    fault: 'rate-limited',
    method: 'GET',
    client: { maxRetryAfter: 300_000, deadline: 30_000 },
    server: { retryAfterSeconds: 120 },
    expectOutcome: isError(RateLimitError, (error) => expect(error.retryAfterMs).toBe(120_000)),
    requests: 1,
    withinMs: 5_000,
  },
  {
    name: '500 on a POST: InternalServerError, not retried',
    fault: 'server-error',
    method: 'POST',
    expectOutcome: isError(InternalServerError, (error) => expect(error.body).toEqual({ message: 'boom' })),
    requests: 1,
    withinMs: 5_000,
  },
  {
    name: 'truncated JSON: ResponseParseError with the text received',
    fault: 'truncated-json',
    method: 'POST',
    expectOutcome: isError(ResponseParseError, (error) => expect(error.text).toBe(JSON.stringify(created).slice(0, 9))),
    requests: 1,
    withinMs: 5_000,
  },
  {
    name: 'a non-JSON error body: InternalServerError carrying the text',
    fault: 'non-json-error',
    method: 'POST',
    expectOutcome: isError(InternalServerError, (error) => expect(error.body).toMatch(/^<html>.*Bad Gateway/)),
    requests: 1,
    withinMs: 5_000,
  },
  {
    name: 'a 10 MB body: parsed whole',
    fault: 'huge-body',
    method: 'GET',
    expectOutcome: ({ data }) => expect(JSON.stringify(data).length).toBeGreaterThanOrEqual(HUGE_BODY_BYTES),
    requests: 1,
    // Building, sending and parsing 10 MB takes seconds on a loaded machine.
    withinMs: 30_000,
  },
];

describe('the fault-injection server', () => {
  it('covers every fault it offers', () => {
    expect(new Set(cases.map(({ fault }) => fault))).toEqual(new Set(FAULTS));
  });

  it.each(cases)(
    '$name',
    async ({ fault, method, client, server: faultOptions, expectOutcome, requests, withinMs, atLeastMs }) => {
      const server = await startServer(faultHandler(fault, faultOptions));
      const core = new ClientCore({ baseUrl: server.url, ...client });
      const op = {
        method,
        path: '/Customers',
        ...(method === 'POST' ? { body: { name: 'Ada' }, serializeBody } : {}),
        errors: { 429: RateLimitError, 500: InternalServerError, 503: ServiceUnavailableError },
      } as OperationRequest;
      const started = performance.now();
      const outcome = await core.request(op).then(
        (data) => ({ data }),
        (error: unknown) => ({ error }),
      );
      const elapsed = performance.now() - started;
      expectOutcome(outcome);
      expect(server.requests).toHaveLength(requests);
      expect(elapsed).toBeLessThan(withinMs);
      if (atLeastMs !== undefined) expect(elapsed).toBeGreaterThanOrEqual(atLeastMs);
    },
    40_000,
  );
});
