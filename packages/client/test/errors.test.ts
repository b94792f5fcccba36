/**
 * How failures reach the app: a documented status rejects with its own error class carrying the
 * status, parsed body, method and URL (never the credentials); `.safe()` and `.withResponse()` give
 * results instead of rejections; retries never repeat a POST the server may have processed.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  APIError,
  InternalServerError,
  NotFoundError,
  RevioClient,
  type CustomersGetError,
  type SafeResult,
  type CustomersGetResponse,
} from '../src/index.js';
import { sendJson } from '@revio-sdk/test-utils';
import { credentials, expectedAuthorization, startServer } from './helpers/server.js';

const notFoundBody = { ok: false, message: 'The requested resource was not found.' };

describe('documented error statuses', () => {
  it('a 404 rejects with NotFoundError carrying status, parsed body, headers, method and URL', async () => {
    const server = await startServer((_request, response) =>
      sendJson(response, 404, notFoundBody, { 'x-request-id': 'req-404' }),
    );
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });

    const error: unknown = await client.customers.get(999_999).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(APIError);
    const notFound = error as NotFoundError<typeof notFoundBody>;
    expect(notFound.status).toBe(404);
    expect(notFound.name).toBe('NotFoundError');
    expect(notFound.body).toEqual(notFoundBody);
    expect(notFound.method).toBe('GET');
    expect(notFound.url).toBe(`${server.baseUrl}/Customers/999999`);
    expect(notFound.headers.get('x-request-id')).toBe('req-404');
    expect(notFound.message).toBe(
      `404 from GET ${server.baseUrl}/Customers/999999: The requested resource was not found.`,
    );
    expect(server.requests).toHaveLength(1); // a 404 is not retried
  });

  it('an error never carries the credentials, however it is printed', async () => {
    const server = await startServer((_request, response) => sendJson(response, 404, notFoundBody));
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });

    const error = await client.customers.get(999_999).catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(NotFoundError);
    // The request did carry them (so their absence below means something).
    expect(server.requests[0]?.headers.authorization).toBe(expectedAuthorization);

    const printed = [
      String(error),
      (error as Error).stack ?? '',
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
      JSON.stringify([...(error as NotFoundError).headers]),
    ].join('\n');
    for (const secret of [
      credentials.password,
      credentials.subscriptionKey,
      expectedAuthorization.slice('Basic '.length),
    ]) {
      expect(printed).not.toContain(secret);
    }
    expect(printed).not.toMatch(/authorization|ocp-apim-subscription-key/i);
  });

  it('.safe() resolves to the typed union instead of rejecting', async () => {
    const server = await startServer((request, response) =>
      request.url.endsWith('/1001')
        ? sendJson(response, 200, { ok: true, customer_id: 1001, status: 'ACTIVE' })
        : sendJson(response, 404, notFoundBody),
    );
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });

    const missing: SafeResult<CustomersGetResponse, CustomersGetError> = await client.customers.get(4040).safe();
    expect(missing.ok).toBe(false);
    if (missing.ok) throw new Error('unreachable: asserted above');
    expect(missing.error).toBeInstanceOf(NotFoundError);
    if (missing.error.status !== 404) throw new Error(`expected 404, got ${String(missing.error.status)}`);
    // Narrowed by status: the body has the spec's Error shape, with no cast.
    expect(missing.error.body.ok).toBe(false);
    expect(missing.error.body.message).toBe('The requested resource was not found.');

    const found = await client.customers.get(1001).safe();
    expect(found.ok).toBe(true);
    if (!found.ok) throw new Error('unreachable: asserted above');
    expect(found.data.customer_id).toBe(1001);
    expect(found.response.status).toBe(200);
  });

  it('.withResponse() gives the data with the status and headers', async () => {
    const server = await startServer((_request, response) =>
      sendJson(response, 200, { ok: true, customer_id: 1001 }, { 'x-request-id': 'req-200' }),
    );
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });

    const { data, status, headers, response } = await client.customers.get(1001).withResponse();

    expect(data).toEqual({ ok: true, customer_id: 1001 });
    expect(status).toBe(200);
    expect(headers.get('x-request-id')).toBe('req-200');
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.url).toBe(`${server.baseUrl}/Customers/1001`);
  });
});

describe('retries', () => {
  it('a POST answered 500 is sent exactly once (the server may have processed it)', async () => {
    const server = await startServer((_request, response) =>
      sendJson(response, 500, { ok: false, message: 'An error occurred on our side.' }),
    );
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl, maxRetries: 3 });

    const error = await client.notes
      .create({ customer_id: 1001, body: 'once' })
      .catch((rejection: unknown) => rejection);

    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(500);
    expect((error as InternalServerError).method).toBe('POST');
    await new Promise((resolve) => setTimeout(resolve, 100)); // no late retry either
    expect(server.requests).toHaveLength(1);
  });

  it('a POST answered 503 is retried (the server refused it unprocessed) and then succeeds', async () => {
    let calls = 0;
    const server = await startServer((_request, response) =>
      ++calls === 1
        ? sendJson(response, 503, { ok: false, message: 'maintenance' }, { 'retry-after': '0' })
        : sendJson(response, 201, { ok: true, id: 77 }, { location: '/v1/Notes/77' }),
    );
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });
    const note = await client.notes.create({ customer_id: 1001, body: 'retried' });
    expect(note.id).toBe(77);
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests)
      expect(JSON.parse(request.body)).toEqual({ customer_id: 1001, body: 'retried' });
  });

  it('a GET answered 503 then 200 succeeds after one retry', async () => {
    let calls = 0;
    const server = await startServer((_request, response) =>
      ++calls === 1
        ? sendJson(response, 503, { ok: false, message: 'busy' })
        : sendJson(response, 200, { ok: true, customer_id: 1001 }),
    );
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });

    await expect(client.customers.get(1001)).resolves.toEqual({ ok: true, customer_id: 1001 });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /v1/Customers/1001',
      'GET /v1/Customers/1001',
    ]);
    // The retry is authenticated like the first attempt.
    expect(server.requests.every((r) => r.headers.authorization === expectedAuthorization)).toBe(true);
  });
});
