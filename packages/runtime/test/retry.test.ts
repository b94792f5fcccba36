import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ClientCore,
  ConnectionError,
  GatewayTimeoutError,
  InternalServerError,
  RateLimitError,
  ServiceUnavailableError,
  TimeoutError,
  serializeBody,
  type ClientOptions,
  type FetchFunction,
  type HttpMethod,
  type OperationRequest,
  type RequestOptions,
  type TransportError,
} from '../src/index.js';
import { backoffDelay, retryAfterMs, shouldRetry } from '../src/retry.js';
import { closedPort, sendJson, startServer, type TestServer } from '@revio-sdk/test-utils';

/** A server that answers the n-th request with `statuses[n]` (the last one repeats). */
async function statusSequence(statuses: number[], headers: Record<string, string> = { 'retry-after': '0' }) {
  return startServer((_request, response) => {
    const status = statuses.shift() ?? 200;
    if (statuses.length === 0) statuses.push(status);
    sendJson(response, status, { status }, headers);
  });
}

const call = (server: TestServer, method: HttpMethod, extra: { maxRetries?: number } = {}) =>
  new ClientCore({ baseUrl: server.url, ...extra }).request({
    method,
    path: '/things',
    ...(method === 'POST' ? { body: { name: 'x' }, serializeBody } : {}),
    errors: { 429: RateLimitError, 500: InternalServerError, 503: ServiceUnavailableError, 504: GatewayTimeoutError },
  } as OperationRequest);

describe('retries against a server', () => {
  it('sends a POST answered with 500 exactly once', async () => {
    const server = await statusSequence([500]);
    await expect(call(server, 'POST')).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('sends a POST whose connection is reset after the server received it exactly once', async () => {
    const server = await startServer((_request, _response, raw) => raw.socket.destroy());
    const error = await call(server, 'POST').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).refused).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it('repeats a GET whose connection is reset', async () => {
    let resets = 1;
    const server = await startServer((_request, response, raw) =>
      resets-- > 0 ? raw.socket.destroy() : sendJson(response, 200, { ok: true }),
    );
    await expect(call(server, 'GET', { maxRetries: 1 })).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('repeats a GET answered 503, 503 until the 200', async () => {
    const server = await statusSequence([503, 503, 200]);
    await expect(call(server, 'GET')).resolves.toEqual({ status: 200 });
    expect(server.requests).toHaveLength(3);
  });

  it.each([429, 503])('repeats a POST answered %i', async (status) => {
    const server = await statusSequence([status, 201]);
    await expect(call(server, 'POST')).resolves.toEqual({ status: 201 });
    expect(server.requests).toHaveLength(2);
  });

  it('stops after maxRetries (default 2) and throws the last error', async () => {
    const server = await statusSequence([500]);
    await expect(call(server, 'GET')).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
  });

  it('takes maxRetries per call over the client setting', async () => {
    const server = await statusSequence([500]);
    const client = new ClientCore({ baseUrl: server.url, maxRetries: 0 });
    const op = { method: 'GET', path: '/things', errors: { 500: InternalServerError } } as const;
    await expect(client.request(op, { maxRetries: 1 })).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(2);
    await expect(client.request(op)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
  });

  it('waits as long as Retry-After says', async () => {
    const server = await statusSequence([429, 200], { 'retry-after': '1' });
    const started = performance.now();
    await expect(call(server, 'GET')).resolves.toEqual({ status: 200 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
  });

  it('waits as long as retry-after-ms says', async () => {
    const server = await statusSequence([503, 200], { 'retry-after-ms': '300', 'retry-after': '0' });
    const started = performance.now();
    await call(server, 'GET');
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('repeats a POST whose connection was refused, and it succeeds once the server is up', async () => {
    const port = await closedPort();
    let server: TestServer | undefined;
    let attempts = 0;
    // The platform fetch, watched: after the first refusal, start listening on the refused port.
    const watchedFetch: FetchFunction = async (input, init) => {
      attempts++;
      try {
        return await fetch(input, init);
      } catch (error) {
        server ??= await startServer((_request, response) => sendJson(response, 201, { id: 1 }), port);
        throw error;
      }
    };
    const client = new ClientCore({ baseUrl: `http://127.0.0.1:${port}`, fetch: watchedFetch, maxRetries: 1 });
    await expect(client.request({ method: 'POST', path: '/Notes', body: {}, serializeBody })).resolves.toEqual({
      id: 1,
    });
    expect(attempts).toBe(2);
    expect(server?.requests).toHaveLength(1);
  });

  it('gives up on a refused POST after maxRetries', async () => {
    const port = await closedPort();
    let attempts = 0;
    const watchedFetch: FetchFunction = (input, init) => {
      attempts++;
      return fetch(input, init);
    };
    const client = new ClientCore({ baseUrl: `http://127.0.0.1:${port}`, fetch: watchedFetch, maxRetries: 1 });
    const error = await client
      .request({ method: 'POST', path: '/Notes', body: {}, serializeBody })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).refused).toBe(true);
    expect(attempts).toBe(2);
  });
});

/** One scripted answer per attempt: a status with its `Retry-After`, or a fetch that hangs until aborted. */
type Answer = { status: number; retryAfter?: string } | 'hang';

/** A fake fetch answering attempt n with `answers[n]` (the last one repeats); counts its calls. */
function scriptedFetch(answers: Answer[]) {
  const calls: number[] = [];
  const fetch: FetchFunction = (_input, init) => {
    calls.push(Date.now());
    const answer = answers[Math.min(calls.length, answers.length) - 1]!;
    if (answer === 'hang')
      return new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)),
      );
    const headers: Record<string, string> = answer.retryAfter === undefined ? {} : { 'retry-after': answer.retryAfter };
    return Promise.resolve(Response.json({ status: answer.status }, { status: answer.status, headers }));
  };
  return { fetch, calls };
}

/** Starts a GET through `fetch` and returns how it ends, without awaiting it (fake timers drive it). */
function scriptedCall(fetch: FetchFunction, client: Partial<ClientOptions> = {}, options?: RequestOptions) {
  const core = new ClientCore({ baseUrl: 'https://api.example.test', fetch, ...client });
  const outcome = core
    .request({ method: 'GET', path: '/x', errors: { 429: RateLimitError, 503: ServiceUnavailableError } }, options)
    .then(
      (data) => ({ data, error: undefined }),
      (error: unknown) => ({ data: undefined, error }),
    );
  return outcome;
}

describe('Retry-After is honoured, never cut short', () => {
  afterEach(() => vi.useRealTimers());

  it('waits a 60 s Retry-After (the default maxRetryAfter) in full before retrying', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = scriptedFetch([{ status: 503, retryAfter: '60' }, { status: 200 }]);
    const outcome = scriptedCall(fetch);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(await outcome).toEqual({ data: { status: 200 }, error: undefined });
  });

  it.each([
    ['a 503 asking for 61 s', { status: 503, retryAfter: '61' }, ServiceUnavailableError, 61_000],
    ['a 429 asking for 61 s', { status: 429, retryAfter: '61' }, RateLimitError, 61_000],
    ['a 429 asking for an hour', { status: 429, retryAfter: '3600' }, RateLimitError, 3_600_000],
  ] as const)('fails %s at once, with retryAfterMs', async (_name, answer, ErrorClass, retryAfterMs) => {
    vi.useFakeTimers();
    const { fetch, calls } = scriptedFetch([answer, { status: 200 }]);
    const { error } = await scriptedCall(fetch);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as ServiceUnavailableError).retryAfterMs).toBe(retryAfterMs);
    expect(calls).toHaveLength(1);
  });

  it('takes maxRetryAfter per call over the client setting', async () => {
    vi.useFakeTimers();
    const answers: Answer[] = [{ status: 503, retryAfter: '10' }, { status: 200 }];
    const strict = scriptedFetch(answers);
    expect((await scriptedCall(strict.fetch, { maxRetryAfter: 5_000 })).error).toBeInstanceOf(ServiceUnavailableError);
    const lenient = scriptedFetch(answers);
    const outcome = scriptedCall(lenient.fetch, { maxRetryAfter: 5_000 }, { maxRetryAfter: 10_000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await outcome).toEqual({ data: { status: 200 }, error: undefined });
    expect([strict.calls.length, lenient.calls.length]).toEqual([1, 2]);
  });
});

describe('deadline', () => {
  afterEach(() => vi.useRealTimers());

  it('bounds an attempt that would outlast it with a TimeoutError for the deadline', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = scriptedFetch(['hang']);
    const outcome = scriptedCall(fetch, { deadline: 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ deadline: true, timeoutMs: 1_000 });
    expect(calls).toHaveLength(1);
  });

  it('covers retries and the waits between them', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = scriptedFetch([
      { status: 503, retryAfter: '0.3' },
      { status: 503, retryAfter: '0.3' },
      'hang',
    ]);
    const outcome = scriptedCall(fetch, { deadline: 1_000, maxRetries: 10 });
    await vi.advanceTimersByTimeAsync(1_000);
    const { error } = await outcome;
    expect(error).toMatchObject({ name: 'TimeoutError', deadline: true, timeoutMs: 1_000 });
    expect(calls.map((at) => at - calls[0]!)).toEqual([0, 300, 600]);
  });

  it('makes no retry whose wait would end past it: the last error, at once', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = scriptedFetch([{ status: 503, retryAfter: '0.4' }]);
    const started = Date.now();
    const outcome = scriptedCall(fetch, { deadline: 1_000, maxRetries: 10 });
    await vi.advanceTimersByTimeAsync(800);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(calls.map((at) => at - started)).toEqual([0, 400, 800]);
  });

  it('takes the per-call deadline over the client one', async () => {
    vi.useFakeTimers();
    const { fetch } = scriptedFetch(['hang']);
    const outcome = scriptedCall(fetch, { deadline: 10_000 }, { deadline: 200 });
    await vi.advanceTimersByTimeAsync(200);
    expect((await outcome).error).toMatchObject({ deadline: true, timeoutMs: 200 });
  });

  it('leaves the per-attempt timeout in charge when it comes first', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = scriptedFetch(['hang']);
    const outcome = scriptedCall(fetch, { timeout: 300, deadline: 10_000, maxRetries: 0 });
    await vi.advanceTimersByTimeAsync(300);
    expect((await outcome).error).toMatchObject({ deadline: false, timeoutMs: 300 });
    expect(calls).toHaveLength(1);
  });
});

describe('shouldRetry', () => {
  const transport = (kind: TransportError['kind'], refused = false) => ({ kind, refused }) as TransportError;
  const outcomes: [string, number | TransportError][] = [
    ['429', 429],
    ['500', 500],
    ['503', 503],
    ['504', 504],
    ['timeout', transport('timeout')],
    ['connection lost', transport('connection')],
    ['connection refused', transport('connection', true)],
    ['abort', transport('abort')],
    ['400', 400],
    ['404', 404],
    ['501', 501],
  ];
  const retried: Record<'idempotent' | 'POST/PATCH', string[]> = {
    idempotent: ['429', '500', '503', '504', 'timeout', 'connection lost', 'connection refused'],
    'POST/PATCH': ['429', '503', 'connection refused'],
  };

  it.each(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])(
    '%s retries on 429, 500, 503, 504, timeouts and connection errors',
    (method) => {
      for (const [name, outcome] of outcomes)
        expect([name, shouldRetry(method, outcome)]).toEqual([name, retried.idempotent.includes(name)]);
    },
  );

  it.each(['POST', 'PATCH'])('%s retries only on 429, 503 and a refused connection', (method) => {
    for (const [name, outcome] of outcomes)
      expect([name, shouldRetry(method, outcome)]).toEqual([name, retried['POST/PATCH'].includes(name)]);
  });
});

describe('backoffDelay', () => {
  it('doubles from 0.5 s up to 8 s, with full jitter', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, undefined, () => 1));
    expect(ceilings).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoffDelay(3, undefined, () => 0)).toBe(0);
    expect(backoffDelay(2, undefined, () => 0.5)).toBe(1000);
  });

  it('takes the server-requested wait instead, in full (maxRetryAfter decides whether to wait at all)', () => {
    expect(backoffDelay(0, 1500)).toBe(1500);
    expect(backoffDelay(5, 0)).toBe(0);
    expect(backoffDelay(0, 3_600_000)).toBe(3_600_000);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const read = (headers: Record<string, string>) => retryAfterMs(new Headers(headers), now);

  it('reads seconds, HTTP dates and retry-after-ms', () => {
    expect(read({ 'retry-after': '2' })).toBe(2000);
    expect(read({ 'retry-after': '0.5' })).toBe(500);
    expect(read({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' })).toBe(30_000);
    expect(read({ 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' })).toBe(0);
    expect(read({ 'retry-after-ms': '250', 'retry-after': '9' })).toBe(250);
  });

  it('ignores missing or unreadable values', () => {
    expect(read({})).toBeUndefined();
    expect(read({ 'retry-after': 'soon' })).toBeUndefined();
    expect(read({ 'retry-after': '-1' })).toBeUndefined();
    expect(read({ 'retry-after-ms': 'x', 'retry-after': '1' })).toBe(1000);
    expect(read({ 'retry-after-ms': ' ', 'retry-after': '1' })).toBe(1000);
    expect(read({ 'retry-after': 'Infinity' })).toBeUndefined();
    expect(read({ 'retry-after-ms': '-5', 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' })).toBe(0);
  });
});
