import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AbortError, ClientCore, TimeoutError } from '../src/index.js';
import { anySignal, sleep, timeoutSignal } from '../src/timeout.js';
import { sendJson, startServer } from './helpers/server.js';

/**
 * A server that never answers; `closed[n]` resolves when the n-th request's socket closes.
 * `onRequest` runs once each request has arrived.
 */
async function silentServer(onRequest: () => void = () => {}) {
  const closed: Promise<void>[] = [];
  const server = await startServer((_request, _response, raw) => {
    closed.push(new Promise((resolve) => (raw.socket as Socket).once('close', () => resolve())));
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
    const client = new ClientCore({ baseUrl: server.url, timeout: 250, maxRetries: 1 });
    await expect(client.request(op)).rejects.toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a timed-out POST', async () => {
    const server = await silentServer();
    const client = new ClientCore({ baseUrl: server.url, timeout: 250, maxRetries: 2 });
    await expect(client.request({ ...op, method: 'POST', body: {} })).rejects.toBeInstanceOf(TimeoutError);
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

describe('signal helpers', () => {
  it('timeoutSignal aborts with a TimeoutError reason, unless cleared', async () => {
    const fired = timeoutSignal(10);
    const cleared = timeoutSignal(10);
    cleared.clear();
    await sleep(30);
    expect(fired.signal.aborted).toBe(true);
    expect((fired.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(cleared.signal.aborted).toBe(false);
  });

  it('timeoutSignal never fires for Infinity (no timeout)', async () => {
    const endless = timeoutSignal(Infinity);
    await sleep(20);
    expect(endless.signal.aborted).toBe(false);
  });

  it('anySignal follows the first source to abort, and stops listening once cleared', () => {
    const first = new AbortController();
    const second = new AbortController();
    const combined = anySignal([first.signal, undefined, second.signal]);
    second.abort('because');
    expect(combined.signal.aborted).toBe(true);
    expect(combined.signal.reason).toBe('because');

    const third = new AbortController();
    const released = anySignal([third.signal]);
    released.clear();
    third.abort();
    expect(released.signal.aborted).toBe(false);
    expect(anySignal([AbortSignal.abort('early')]).signal.reason).toBe('early');
  });

  it('sleep rejects with the abort reason', async () => {
    const controller = new AbortController();
    const sleeping = sleep(10_000, controller.signal);
    controller.abort('stop');
    await expect(sleeping).rejects.toBe('stop');
  });
});
