import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  APIError,
  BadRequestError,
  ClientCore,
  ConnectionError,
  NotFoundError,
  ResponseParseError,
  STATUS_ERRORS,
  UnexpectedStatusError,
  apiKeyHeader,
  apiKeyQuery,
  basicAuth,
  createAPIError,
  serializeBody,
  statusErrorClassName,
  type APIErrorClass,
  type OperationRequest,
} from '../src/index.js';
import { closedPort, sendJson, startServer } from '@revio-sdk/test-utils';

const documented: OperationRequest['errors'] = Object.fromEntries(
  Object.entries(STATUS_ERRORS).map(([status, { ErrorClass }]) => [status, ErrorClass]),
);

async function failingCall(status: number, errors: OperationRequest['errors'] = documented) {
  const server = await startServer((_request, response) =>
    sendJson(response, status, { ok: false, message: 'Customer 7 not found' }, { 'x-request-id': 'r-1' }),
  );
  const client = new ClientCore({ baseUrl: `${server.url}/v1`, maxRetries: 0 });
  return client.request({ method: 'GET', path: '/Customers/7', errors }).then(
    () => expect.fail('the request should have failed'),
    (error: unknown) => error,
  );
}

const rows = Object.entries(STATUS_ERRORS).map(([status, entry]) => ({ status: Number(status), ...entry }));

describe('errors from HTTP statuses', () => {
  it.each(rows)('$status becomes $name', async ({ status, name, ErrorClass }) => {
    const error = (await failingCall(status)) as APIError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.body).toEqual({ ok: false, message: 'Customer 7 not found' });
    expect(error.headers.get('x-request-id')).toBe('r-1');
    expect(error.method).toBe('GET');
    expect(error.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/Customers\/7$/);
    expect(error.message).toContain('Customer 7 not found');
  });

  it('keeps a text body as text', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'text/plain' });
      response.end('missing customer_id');
    });
    const client = new ClientCore({ baseUrl: server.url });
    const error = await client
      .request({ method: 'POST', path: '/Notes', body: {}, serializeBody, errors: { 400: BadRequestError } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(STATUS_ERRORS[400].ErrorClass);
    expect((error as APIError).body).toBe('missing customer_id');
  });

  it('makes a documented status without a named class a plain APIError', async () => {
    const error = (await failingCall(418, { 418: APIError })) as APIError;
    expect(error.constructor).toBe(APIError);
    expect(error.name).toBe('APIError');
    expect(error.status).toBe(418);
  });

  it('makes a status the operation does not document an UnexpectedStatusError', async () => {
    const error = (await failingCall(404, { 400: BadRequestError })) as UnexpectedStatusError;
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error.status).toBeUndefined();
    expect(error.kind).toBe('unexpected_status');
    expect(error.httpStatus).toBe(404);
    expect(error.body).toEqual({ ok: false, message: 'Customer 7 not found' });
    expect(error.headers.get('x-request-id')).toBe('r-1');
  });

  it('makes every status an UnexpectedStatusError when the operation documents none', async () => {
    const error = await failingCall(404, {});
    expect(error).toBeInstanceOf(UnexpectedStatusError);
  });

  it('names the classes from the table', () => {
    expect(statusErrorClassName(404)).toBe('NotFoundError');
    expect(statusErrorClassName(429)).toBe('RateLimitError');
    expect(statusErrorClassName(418)).toBe('APIError');
  });

  // Each class carries its own name (the client does not read the table); the table must say the same.
  it.each(rows)('$name: createAPIError and the class agree on the name', ({ status, name, ErrorClass }) => {
    const init = { status, body: undefined, headers: new Headers(), method: 'GET', url: 'http://x/' };
    expect(new (ErrorClass as APIErrorClass)(init).name).toBe(name);
    expect(createAPIError(init)).toBeInstanceOf(ErrorClass);
    expect(createAPIError(init).name).toBe(name);
  });

  it('names a plain APIError APIError whatever its status', () => {
    const init = { body: undefined, headers: new Headers(), method: 'GET', url: 'http://x/' };
    expect(new APIError({ ...init, status: 404 }).name).toBe('APIError');
    expect(createAPIError({ ...init, status: 418 }).name).toBe('APIError');
  });
});

describe('errors never carry credentials', () => {
  const password = 'pa55-w0rd-secret';
  const apiKey = 'subscription-key-secret';
  const basic = `Basic ${Buffer.from(`u@c:${password}`).toString('base64')}`;

  it.each([
    ['an APIError', 404],
    ['an UnexpectedStatusError', 409],
  ])('%s', async (_kind, status) => {
    const server = await startServer((_request, response) => sendJson(response, status, { message: 'no' }));
    const client = new ClientCore({
      baseUrl: server.url,
      auth: [basicAuth('u@c', password), apiKeyHeader('Ocp-Apim-Subscription-Key', apiKey), apiKeyQuery('key', apiKey)],
    });
    const error = (await client
      .request({ method: 'GET', path: '/x', errors: { 404: NotFoundError } })
      .catch((e: unknown) => e)) as APIError;
    expect(server.requests[0]!.headers.authorization).toBe(basic);

    expect(error.url).toBe(`${server.url}/x?key=[REDACTED]`);
    for (const text of [
      error.message,
      error.url,
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
    ]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(basic.slice('Basic '.length));
      expect(text).not.toContain(apiKey);
    }
    for (const value of Object.values(error)) {
      if (value instanceof Headers) expect(value.get('authorization')).toBeNull();
    }
  });
});

describe('errors without an HTTP status', () => {
  it('reports an unreachable server as a ConnectionError', async () => {
    const port = await closedPort();
    const client = new ClientCore({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
    const error = (await client.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.kind).toBe('connection');
    expect(error.status).toBeUndefined();
    expect(error.refused).toBe(true);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('finds ECONNREFUSED in the cause chain and inside an AggregateError, and nowhere else', () => {
    const refusal = Object.assign(new Error('connect ECONNREFUSED ::1:1'), { code: 'ECONNREFUSED' });
    const connectionError = (cause: unknown) =>
      new ConnectionError({ method: 'GET', url: 'https://api.example.test/x', cause });
    expect(connectionError(new TypeError('fetch failed', { cause: refusal })).refused).toBe(true);
    expect(
      connectionError(new TypeError('fetch failed', { cause: new AggregateError([new Error('x'), refusal]) })).refused,
    ).toBe(true);
    expect(connectionError(new TypeError('fetch failed', { cause: new Error('socket hang up') })).refused).toBe(false);
    expect(connectionError('ECONNREFUSED').refused).toBe(false);
    expect(connectionError(undefined).refused).toBe(false);
  });

  it('keeps each field of its init as an own property, and the cause only as Error keeps it', () => {
    const cause = new Error('socket hang up');
    const error = new ConnectionError({ method: 'GET', url: 'https://api.example.test/x', cause });
    expect(Object.keys(error).sort()).toEqual(['kind', 'method', 'name', 'refused', 'status', 'url']);
    expect(error.cause).toBe(cause);
    expect(Object.getOwnPropertyDescriptor(error, 'cause')?.enumerable).toBe(false);
    const apiError = new NotFoundError({
      status: 404,
      body: 'gone',
      headers: new Headers(),
      method: 'GET',
      url: 'https://x.test/a',
    });
    expect(Object.keys(apiError).sort()).toEqual(['body', 'headers', 'method', 'name', 'status', 'url']);
  });

  it('reports a 2xx body that claims JSON but is not as a ResponseParseError', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('<html>maintenance</html>');
    });
    const client = new ClientCore({ baseUrl: server.url });
    const error = (await client.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e)) as ResponseParseError;
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.kind).toBe('parse');
    expect(error.status).toBeUndefined();
    expect(error.httpStatus).toBe(200);
    expect(error.text).toBe('<html>maintenance</html>');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});
