import { describe, expect, it } from 'vitest';
import { AbortError, ClientCore, TimeoutError, serializeBody } from '../src/index.js';
import { AttemptSignal, sleep } from '../src/timeout.js';
import { sendJson, startServer } from '@revio-sdk/test-utils';

/**
 * A server that never answers; `closed[n]` resolves when the n-th request's socket closes.
 * `onRequest` runs once each request has arrived.
 */
async function silentServer(onRequest: () => void = () => {}) {
  const closed: Promise<void>[] = [];
  const server = await startServer((_request, _response, raw) => {
    closed.push(new Promise((resolve) => raw.socket.once('close', () => resolve())));
    onRequest();
  });
  return { ...server, closed };
}

const op = { method: 'GET', path: '/slow' } as const;

describe('timeouts', () => {
  it('fails with a TimeoutError and closes the connection', async () => {
    const server = await silentServer();
    const client = new ClientCore({ baseUrl: server.url, timeout: 100, maxRetries: 0 });
    const error = await client.request(op).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 100, status: undefined });
    await server.closed[0];
  });

  it('takes the per-call timeout over the client one', async () => {
    const server = await silentServer();
    const client = new ClientCore({ baseUrl: server.url, maxRetries: 0 });
    await expect(client.request(op, { timeout: 100 })).rejects.toMatchObject({ kind: 'timeout', timeoutMs: 100 });
  });

  it('retries a timed-out GET', async () => {
    const server = await silentServer();
    // Long enough for each request to reach the server even on a loaded machine.
    const client = new ClientCore({ baseUrl: server.url, timeout: 1_000, maxRetries: 1 });
    await expect(client.request(op)).rejects.toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a timed-out POST', async () => {
    const server = await silentServer();
    // Long enough for the one POST to reach the server even on a saturated machine.
    const client = new ClientCore({ baseUrl: server.url, timeout: 1_000, maxRetries: 2 });
    await expect(client.request({ ...op, method: 'POST', body: {}, serializeBody })).rejects.toBeInstanceOf(
      TimeoutError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('covers reading the body, not only the headers', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"partial":'); // and never the rest
    });
    const client = new ClientCore({ baseUrl: server.url, timeout: 200, maxRetries: 0 });
    await expect(client.request(op)).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('abort signals', () => {
  it('fail with an AbortError, close the connection, and are never retried', async () => {
    const controller = new AbortController();
    const server = await silentServer(() => controller.abort());
    const client = new ClientCore({ baseUrl: server.url, maxRetries: 3 });
    const error = await client.request(op, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ kind: 'abort', status: undefined });
    await server.closed[0];
    expect(server.requests).toHaveLength(1);
  });

  it('send nothing when already aborted', async () => {
    const server = await silentServer();
    const client = new ClientCore({ baseUrl: server.url });
    await expect(client.request(op, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });

  it('interrupt the wait between retries', async () => {
    const server = await startServer((_request, response) => sendJson(response, 503, {}, { 'retry-after': '30' }));
    const controller = new AbortController();
    const abortWhenWaiting = { debug: (message: string) => message === 'retrying' && controller.abort() };
    const client = new ClientCore({ baseUrl: server.url, logger: abortWhenWaiting });
    await expect(client.request(op, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('requests nothing can abort', () => {
  /** The `signal` each fetch was given (undefined for none). */
  function recordingFetch() {
    const signals: (AbortSignal | undefined)[] = [];
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      signals.push(init?.signal ?? undefined);
      return globalThis.fetch(input, init);
    };
    return { signals, fetch };
  }

  it("give fetch no signal when there is no timeout and no caller's signal, and one otherwise", async () => {
    const server = await startServer((_request, response) => sendJson(response, 200, { ok: true }));
    const { signals, fetch } = recordingFetch();
    const client = new ClientCore({ baseUrl: server.url, timeout: Infinity, fetch });
    await expect(client.request(op)).resolves.toEqual({ ok: true });
    await client.request(op, { signal: new AbortController().signal });
    await client.request(op, { timeout: 5_000 });
    expect(signals[0]).toBeUndefined();
    expect(signals[1]).toBeInstanceOf(AbortSignal);
    expect(signals[2]).toBeInstanceOf(AbortSignal);
  });

  it("still abort on the caller's signal when there is no timeout", async () => {
    const controller = new AbortController();
    const server = await silentServer(() => controller.abort());
    const client = new ClientCore({ baseUrl: server.url, timeout: Infinity, maxRetries: 0 });
    await expect(client.request(op, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    await server.closed[0];
  });
});

describe('a response handed over by asResponse()', () => {
  it("is not cut off by its own timeout nor by a later request's timeout", async () => {
    const server = await startServer((request, response) => {
      if (request.url !== '/stream') return; // other paths never answer
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('first half, ');
      setTimeout(() => response.end('second half'), 300);
    });
    const client = new ClientCore({ baseUrl: server.url, timeout: 100, maxRetries: 0 });
    const handedOver = await client.request({ method: 'GET', path: '/stream', responseKind: 'text' }).asResponse();
    await expect(client.request(op)).rejects.toBeInstanceOf(TimeoutError);
    await expect(handedOver.text()).resolves.toBe('first half, second half');
  });
});

describe('signal helpers', () => {
  it('AttemptSignal aborts and marks itself timed out after its timeout, unless done or detached', async () => {
    const fired = new AttemptSignal(10);
    const cleared = new AttemptSignal(10);
    cleared.done();
    const detached = new AttemptSignal(10);
    detached.detach();
    await sleep(30);
    expect(fired.signal?.aborted).toBe(true);
    expect(fired.timedOut).toBe(true);
    expect(cleared.signal?.aborted).toBe(false);
    expect(cleared.timedOut).toBe(false);
    expect(detached.signal?.aborted).toBe(false);
  });

  it("AttemptSignal has no signal without a timeout or a caller's signal, and never times out for Infinity", async () => {
    expect(new AttemptSignal(Infinity).signal).toBeNull();
    const caller = new AbortController();
    const endless = new AttemptSignal(Infinity, caller.signal);
    await sleep(20);
    expect(endless.signal?.aborted).toBe(false);
    caller.abort('stop');
    expect(endless.signal?.reason).toBe('stop');
  });

  it("AttemptSignal follows the caller's signal with its reason, and stops following it once done", () => {
    const caller = new AbortController();
    const followed = new AttemptSignal(10_000, caller.signal);
    caller.abort('because');
    expect(followed.signal?.aborted).toBe(true);
    expect(followed.signal?.reason).toBe('because');
    expect(followed.timedOut).toBe(false);

    const later = new AbortController();
    const released = new AttemptSignal(10_000, later.signal);
    released.done();
    later.abort();
    expect(released.signal?.aborted).toBe(false);
    expect(new AttemptSignal(10_000, AbortSignal.abort('early')).signal?.reason).toBe('early');
  });

  it('AttemptSignal reuses the signal of an attempt that is done, never one that aborted or was handed over', () => {
    const finished = new AttemptSignal(10_000);
    finished.done();
    const next = new AttemptSignal(10_000);
    expect(next.signal).toBe(finished.signal);

    const caller = new AbortController();
    const aborted = new AttemptSignal(10_000, caller.signal);
    caller.abort();
    aborted.done();
    const handedOver = new AttemptSignal(10_000);
    handedOver.detach();
    handedOver.done();
    const fresh = [new AttemptSignal(10_000), new AttemptSignal(10_000)];
    for (const attempt of fresh) {
      expect(attempt.signal?.aborted).toBe(false);
      expect([aborted.signal, handedOver.signal]).not.toContain(attempt.signal);
      attempt.done();
    }
    next.done();
  });

  it('sleep rejects with the abort reason', async () => {
    const controller = new AbortController();
    const sleeping = sleep(10_000, controller.signal);
    controller.abort('stop');
    await expect(sleeping).rejects.toBe('stop');
  });
});
