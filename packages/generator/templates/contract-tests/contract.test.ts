/**
 * Contract tests of every operation against the mock in `mock-server.ts`: the request each function
 * sends, its parsed success, every documented error (thrown and from `.safe()`), an undocumented status,
 * retries and paging. The cases come from `contract.json`, which the generator derived from the model.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as realDelay } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import * as funcs from '../../src/funcs/index.js';
import * as sdk from '../../src/index.js';
import {
  startMockServer,
  type Contract,
  type ContractOperation,
  type ExpectedRequestParts,
  type MockServer,
} from './mock-server.js';

const contract = JSON.parse(readFileSync(new URL('./contract.json', import.meta.url), 'utf8')) as Contract;

type OperationFunction = (
  client: unknown,
  ...args: unknown[]
) => PromiseLike<unknown> & {
  safe(): Promise<{ ok: true; data: unknown } | { ok: false; error: unknown }>;
};
type ErrorClass = new (...args: never[]) => Error;

const exports = sdk as unknown as Record<string, unknown>;
const Core = exports[contract.coreClass] as new (options: Record<string, unknown>) => unknown;
const NO_RETRIES = { maxRetries: 0 };
/** Retries as configured, but no per-attempt timeout, whose timer the fake clock would fire. */
const NO_TIMEOUT = { timeout: Infinity };

let mock: MockServer;
let client: unknown;

beforeAll(async () => {
  mock = await startMockServer(contract);
  client = new Core({ ...contract.clientOptions, baseUrl: mock.baseUrl });
});
afterAll(() => mock.close());
afterEach(() => {
  vi.useRealTimers();
});

function call(operation: ContractOperation, options?: object) {
  const send = (funcs as unknown as Record<string, OperationFunction>)[operation.functionName];
  if (send === undefined) throw new Error(`the package exports no function ${operation.functionName}`);
  return send(client, ...operation.args, options);
}

function errorClass(name: string): ErrorClass {
  const found = exports[name];
  if (typeof found !== 'function') throw new Error(`the package exports no error class ${name}`);
  return found as ErrorClass;
}

/** Waits (in real time, whatever the timers) until `done()`, or fails after `ms`. */
async function until(done: () => boolean, ms = 2_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) throw new Error('timed out waiting for the mock');
    await realDelay(1);
  }
}

/** Moves the fake clock on a second at a time, letting I/O run in between, until `promise` settles. */
async function settleWithFakeTime<T>(promise: Promise<T>): Promise<T> {
  let settled = false;
  void promise.finally(() => (settled = true));
  await until(() => {
    if (!settled) void vi.advanceTimersByTimeAsync(1_000);
    return settled;
  }, 5_000);
  return promise;
}

function expectParts(request: MockServer['requests'][number], expected: ExpectedRequestParts): void {
  for (const [name, value] of Object.entries(expected.headers)) expect(request.headers[name], name).toBe(value);
  const query = [...request.query.entries()];
  for (const entry of expected.query) expect(query).toContainEqual(entry);
  const cookies = (request.headers.cookie ?? '').split(/;\s*/).map((pair) => pair.split('=').map(decodeURIComponent));
  for (const entry of expected.cookies) expect(cookies).toContainEqual(entry);
}

function expectBody(request: MockServer['requests'][number], body: ContractOperation['request']['body']): void {
  if (body === undefined) return;
  const mediaType = body.contentType.split(';')[0]!.trim();
  expect(request.headers['content-type']).toContain(mediaType === 'multipart/form-data' ? 'multipart/' : mediaType);
  const text = request.body.toString('utf8');
  if (body.kind === 'json' || body.kind === 'json-patch') expect(JSON.parse(text)).toEqual(body.value);
  if (body.kind === 'text') expect(text).toBe(String(body.value));
}

/** What a call resolved to, in the contract's terms: a list's first page is its envelope. */
async function resultOf(operation: ContractOperation, value: unknown): Promise<unknown> {
  if (operation.pagination !== undefined) return (value as { data: unknown }).data;
  if (operation.success.kind === 'binary') return (value as Blob).text();
  return value;
}

describe.each(contract.operations.map((operation) => [operation.functionName, operation] as const))(
  '%s',
  (_, operation) => {
    const documented = operation.errors.map((error) => [error.status, error.className, error] as const);

    test(`sends ${operation.method} ${operation.pathTemplate} as documented and parses the ${operation.success.status}`, async () => {
      mock.reset(operation.operationId, { kind: 'success' });
      const value = await call(operation);
      expect(mock.requests).toHaveLength(1);
      const [request] = mock.requests;
      expect(request!.operationId).toBe(operation.operationId);
      expect(request!.method).toBe(operation.method);
      expect(request!.path).toBe(operation.request.path);
      expectParts(request!, contract.auth);
      expectParts(request!, operation.request);
      expectBody(request!, operation.request.body);
      expect(await resultOf(operation, value)).toEqual(operation.success.result);
    });

    test.each(documented)('%i rejects with %s, and .safe() returns it', async (status, className, error) => {
      mock.reset(operation.operationId, { kind: 'error', status });
      const thrown = await Promise.resolve(call(operation, NO_RETRIES)).then(
        () => expect.fail(`resolved on ${status}`),
        (reason: unknown) => reason,
      );
      expect(thrown).toBeInstanceOf(errorClass(className));
      expect(thrown).toMatchObject({ name: className, status });
      expect((thrown as { body: unknown }).body).toEqual(error.body);
      const safe = await call(operation, NO_RETRIES).safe();
      expect(safe.ok).toBe(false);
      const returned = (safe as { error: unknown }).error;
      expect(returned).toBeInstanceOf(errorClass(className));
      expect(returned).toMatchObject({ name: className, status });
      expect((returned as { body: unknown }).body).toEqual(error.body);
    });

    test(`undocumented ${operation.undocumentedStatus} rejects with UnexpectedStatusError`, async () => {
      mock.reset(operation.operationId, { kind: 'error', status: operation.undocumentedStatus });
      const safe = await call(operation, NO_RETRIES).safe();
      expect(safe.ok).toBe(false);
      const { error } = safe as { error: unknown };
      expect(error).toBeInstanceOf(errorClass('UnexpectedStatusError'));
      expect(error).toMatchObject({ status: undefined, httpStatus: operation.undocumentedStatus });
    });

    if (operation.idempotent) {
      test('retries a 503 after its Retry-After, then succeeds', async () => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        mock.reset(operation.operationId, { kind: 'fail-once', status: 503, retryAfterSeconds: 7 });
        let settled = false;
        const result = Promise.resolve(call(operation)).finally(() => (settled = true));
        await until(() => mock.requests.length === 1);
        await vi.advanceTimersByTimeAsync(6_999);
        await realDelay(5);
        expect(mock.requests).toHaveLength(1);
        await vi.advanceTimersByTimeAsync(1);
        await until(() => settled);
        expect(await resultOf(operation, await result)).toEqual(operation.success.result);
        expect(mock.requests).toHaveLength(2);
      });
    }

    if (operation.method === 'POST' || operation.method === 'PATCH') {
      test('sends it once when answered 500', async () => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        mock.reset(operation.operationId, { kind: 'error', status: 500 });
        const outcome = await settleWithFakeTime(call(operation, NO_TIMEOUT).safe());
        expect(outcome.ok).toBe(false);
        const documented500 = operation.errors.find((error) => error.status === 500);
        expect((outcome as { error: unknown }).error).toBeInstanceOf(
          errorClass(documented500?.className ?? 'UnexpectedStatusError'),
        );
        expect(mock.requests).toHaveLength(1);
      });

      test('sends it once when the connection resets after sending', async () => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        mock.reset(operation.operationId, { kind: 'reset' });
        const outcome = await settleWithFakeTime(call(operation, NO_TIMEOUT).safe());
        expect(outcome.ok).toBe(false);
        expect((outcome as { error: unknown }).error).toMatchObject({ name: 'ConnectionError', kind: 'connection' });
        expect(mock.requests).toHaveLength(1);
      });
    }

    const pagination = operation.pagination;
    if (pagination !== undefined) {
      test(`yields every item of ${pagination.pages.length} pages in order and stops at the end marker`, async () => {
        mock.reset(operation.operationId, { kind: 'pages' });
        const items: unknown[] = [];
        for await (const item of call(operation) as unknown as AsyncIterable<unknown>) items.push(item);
        expect(items).toEqual(pagination.items);
        const pages = mock.requests.map((request) => request.query.get(pagination.pageParam));
        expect(pages).toEqual(pagination.pages.map((_page, index) => String(index + 1)));
      });
    }
  },
);
