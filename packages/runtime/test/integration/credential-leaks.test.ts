/**
 * No error type and no log entry ever holds the password, the Basic header value or the subscription key,
 * even when the server echoes the request (its headers and a body that itself holds a credential) back
 * into its answer: checked in the message, the stack, `JSON.stringify` and `util.inspect`.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  BadRequestError,
  ClientCore,
  ConnectionError,
  InternalServerError,
  MissingOptionsError,
  PaginationError,
  RateLimitError,
  ResponseParseError,
  ServiceUnavailableError,
  TimeoutError,
  UnexpectedStatusError,
  apiKeyHeader,
  basicAuth,
  requestPage,
  resolveOptions,
  serializeBody,
  type Logger,
  type OperationRequest,
} from '../../src/index.js';
import type { RecordedRequest } from '@revio-sdk/test-utils';
import { startServer } from '@revio-sdk/test-utils';

// Each secret has a plain core to search for, so an escaped copy (a quote, a backslash) is found too.
const password = 'p"Leak7Password\\x';
const subscriptionKey = 'Leak7SubscriptionKey';
const basicValue = Buffer.from(`ada@acme:${password}`).toString('base64');
const secrets = { password: 'Leak7Password', 'Basic value': basicValue, 'subscription key': subscriptionKey };

/** Everything an app might print of an error, a log entry or a client. */
function renderings(value: unknown): Record<string, string> {
  return {
    ...(value instanceof Error ? { message: value.message, stack: String(value.stack) } : {}),
    'JSON.stringify': JSON.stringify(value) ?? '',
    'util.inspect': inspect(value, { depth: Infinity, showHidden: true }),
  };
}

function expectNoSecrets(value: unknown): void {
  for (const [form, text] of Object.entries(renderings(value)))
    for (const [name, secret] of Object.entries(secrets))
      expect(text, `${form} holds the ${name}`).not.toContain(secret);
}

/** The request as the server saw it, echoed into text. */
const echo = (request: RecordedRequest) =>
  `auth=${request.headers.authorization} key=${String(request.headers['ocp-apim-subscription-key'])} body=${request.body}`;

/** Answers by path, each echoing the request; `sent` keeps what it sent, to prove the secrets went out. */
async function echoServer() {
  const sent: string[] = [];
  const server = await startServer((request, response, raw) => {
    const path = request.url.split('?')[0];
    const answer = (status: number, contentType: string, body: string, headers: Record<string, string> = {}) => {
      sent.push(body);
      response.writeHead(status, { 'content-type': contentType, ...headers });
      response.end(body);
    };
    const json = JSON.stringify({ message: `rejected: ${echo(request)}`, echoed: request });
    if (path === '/json-400') answer(400, 'application/json', json);
    else if (path === '/json-409') answer(409, 'application/json', json);
    else if (path === '/text-500') answer(500, 'text/plain', echo(request));
    else if (path === '/broken-json-200') answer(200, 'application/json', `{"echo": ${echo(request)}`);
    else if (path === '/rate-limited') answer(429, 'application/json', json, { 'retry-after': '120' });
    else if (path === '/unavailable') answer(503, 'application/json', json, { 'retry-after': '120' });
    else if (path === '/reset') raw.socket.destroy();
    else if (path === '/same-page')
      answer(200, 'application/json', JSON.stringify({ more: true, items: [echo(request)] }));
    // Anything else: no answer (timeouts, aborts).
  });
  return { ...server, sent };
}

function recordingLogger() {
  const entries: unknown[] = [];
  const logger: Logger = { debug: (message, details) => entries.push({ message, details }) };
  return { logger, entries };
}

type Server = Awaited<ReturnType<typeof echoServer>>;

interface LeakCase {
  name: string;
  ErrorClass: abstract new (...args: never[]) => Error;
  fail: (client: ClientCore, server: Server) => Promise<unknown>;
}

/** A POST whose body itself holds the password (a user changing theirs, say). */
const post = (path: string): OperationRequest => ({
  method: 'POST',
  path,
  body: { note: `new password: ${password}` },
  serializeBody,
  errors: { 400: BadRequestError, 429: RateLimitError, 500: InternalServerError, 503: ServiceUnavailableError },
});

const rejection = (promise: PromiseLike<unknown>) =>
  Promise.resolve(promise).then(
    () => expect.fail('the call should have failed'),
    (error: unknown) => error,
  );

const cases: LeakCase[] = [
  {
    name: 'APIError (400, JSON echo)',
    ErrorClass: BadRequestError,
    fail: (c) => rejection(c.request(post('/json-400'))),
  },
  {
    name: 'UnexpectedStatusError (409, JSON echo)',
    ErrorClass: UnexpectedStatusError,
    fail: (c) => rejection(c.request(post('/json-409'))),
  },
  {
    name: 'InternalServerError (500, text echo)',
    ErrorClass: InternalServerError,
    fail: (c) => rejection(c.request(post('/text-500'))),
  },
  {
    name: 'ResponseParseError (200, broken JSON echo)',
    ErrorClass: ResponseParseError,
    fail: (c) => rejection(c.request(post('/broken-json-200'))),
  },
  {
    name: 'RateLimitError (429 past maxRetryAfter)',
    ErrorClass: RateLimitError,
    fail: (c) => rejection(c.request(post('/rate-limited'))),
  },
  {
    name: 'ServiceUnavailableError (503 past maxRetryAfter)',
    ErrorClass: ServiceUnavailableError,
    fail: (c) => rejection(c.request(post('/unavailable'))),
  },
  { name: 'ConnectionError (reset)', ErrorClass: ConnectionError, fail: (c) => rejection(c.request(post('/reset'))) },
  {
    name: 'TimeoutError (per attempt)',
    ErrorClass: TimeoutError,
    fail: (c) => rejection(c.request(post('/silent'), { timeout: 100 })),
  },
  {
    name: 'TimeoutError (deadline)',
    ErrorClass: TimeoutError,
    fail: (c) => rejection(c.request(post('/silent'), { deadline: 100 })),
  },
  {
    name: 'AbortError',
    ErrorClass: AbortError,
    fail: (c) => rejection(c.request(post('/silent'), { signal: AbortSignal.timeout(100) })),
  },
  {
    name: 'PaginationError (repeated page)',
    ErrorClass: PaginationError,
    fail: async (c) => {
      const pages = requestPage(
        c,
        { method: 'GET', path: '/same-page' },
        { style: 'page', pageParam: 'page', itemsField: 'items', hasMoreField: 'more' },
      );
      return rejection(
        (async () => {
          for await (const _item of pages);
        })(),
      );
    },
  },
];

describe('no credential leaks', () => {
  it.each(cases)('$name', async ({ ErrorClass, fail }) => {
    const server = await echoServer();
    const { logger, entries } = recordingLogger();
    const client = new ClientCore({
      baseUrl: server.url,
      auth: [basicAuth('ada@acme', password), apiKeyHeader('Ocp-Apim-Subscription-Key', subscriptionKey)],
      logger,
      maxRetries: 0,
    });
    const error = await fail(client, server);
    expect(error).toBeInstanceOf(ErrorClass);
    // Whatever reached the server carried the secrets, and any echo it sent held them. (A call that times
    // out may end before its request reaches the server on a loaded machine.)
    for (const request of server.requests) expect(request.headers.authorization).toBe(`Basic ${basicValue}`);
    for (const body of server.sent) expect(body).toContain(subscriptionKey);
    expectNoSecrets(error);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expectNoSecrets(entry);
  });

  it('MissingOptionsError names the missing option, never the values given', () => {
    const error = (() => {
      try {
        resolveOptions(
          { username: 'ada', password, subscriptionKey },
          { username: true, password: true, clientCode: true, subscriptionKey: false },
          'RevioClient',
          'REVIO_LEAK_TEST',
        );
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(MissingOptionsError);
    expect((error as Error).message).toContain('clientCode');
    expectNoSecrets(error);
  });

  it('the client itself shows no credential', () => {
    const client = new ClientCore({
      baseUrl: 'https://api.example.test',
      auth: [basicAuth('ada@acme', password), apiKeyHeader('Ocp-Apim-Subscription-Key', subscriptionKey)],
    });
    expectNoSecrets(client);
  });
});
