/**
 * The standalone functions (`@revio-sdk/client/funcs`) on the core (`@revio-sdk/client/core`): the same
 * requests, results and typed errors as the client's methods, which call them. Against a loopback server.
 */
import { describe, expect, it } from 'vitest';
import { RevioCore } from '../src/core.js';
import { customersCreate, customersGet, customersList, notesCreate } from '../src/funcs/index.js';
import { APIError, NotFoundError, RevioClient, ServiceUnavailableError, UnexpectedStatusError } from '../src/index.js';
import { sendJson } from '@revio-sdk/test-utils';
import { credentials, expectedAuthorization, startServer } from './helpers/server.js';

const notFoundBody = { ok: false, message: 'The requested resource was not found.' };

describe('standalone functions on the core', () => {
  it('customersGet sends what client.customers.get sends and resolves to the same data', async () => {
    const server = await startServer((request, response) =>
      sendJson(response, 200, { ok: true, id: 1001, url: request.url }),
    );
    const core = new RevioCore({ ...credentials, baseUrl: server.baseUrl });
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });

    const viaFunction = await customersGet(core, 1001);
    const viaMethod = await client.customers.get(1001);

    expect(viaFunction).toEqual(viaMethod);
    expect(viaFunction).toEqual({ ok: true, id: 1001, url: '/v1/Customers/1001' });
    const [first, second] = server.requests;
    expect(first).toEqual(second);
    expect(first?.headers.authorization).toBe(expectedAuthorization);
    expect(first?.headers['ocp-apim-subscription-key']).toBe('sub-key-123');
  });

  it('a documented status rejects with its error class, by instanceof and name, with no credentials', async () => {
    const server = await startServer((_request, response) => sendJson(response, 404, notFoundBody));
    const core = new RevioCore({ ...credentials, baseUrl: server.baseUrl });

    const error = await customersGet(core, 999_999).catch((rejection: unknown) => rejection);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({
      name: 'NotFoundError',
      status: 404,
      body: notFoundBody,
      method: 'GET',
      url: `${server.baseUrl}/Customers/999999`,
    });
    expect(JSON.stringify(error)).not.toContain(credentials.password);
    expect(server.requests).toHaveLength(1);
  });

  it('.safe() and .withResponse() work as on the methods', async () => {
    const server = await startServer((_request, response) => sendJson(response, 404, notFoundBody));
    const core = new RevioCore({ ...credentials, baseUrl: server.baseUrl });

    const result = await customersGet(core, 1).safe();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBeInstanceOf(NotFoundError);
    await expect(customersGet(core, 1).withResponse()).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps the retry rules: a POST answered 503 is retried after Retry-After, then fails typed', async () => {
    const server = await startServer((_request, response) =>
      sendJson(response, 503, { ok: false }, { 'retry-after': '0' }),
    );
    const core = new RevioCore({ ...credentials, baseUrl: server.baseUrl, maxRetries: 1 });

    const error = await notesCreate(core, { customer_id: 1, body: 'x' }).catch((rejection: unknown) => rejection);

    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(server.requests).toHaveLength(2);
  });

  it('an undocumented status is an UnexpectedStatusError', async () => {
    const server = await startServer((_request, response) => sendJson(response, 409, { ok: false }));
    const core = new RevioCore({ ...credentials, baseUrl: server.baseUrl });
    await expect(customersGet(core, 1)).rejects.toBeInstanceOf(UnexpectedStatusError);
  });

  it('takes the client itself, which is a core, and walks pages and reads 201s', async () => {
    const server = await startServer((request, response) => {
      if (request.method === 'POST')
        return sendJson(response, 201, { ok: true, id: 7 }, { location: '/v1/Customers/7' });
      const page = Number(new URL(request.url, 'http://x').searchParams.get('page'));
      return sendJson(response, 200, { ok: true, has_more: page < 2, records: [{ id: page }] });
    });
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });

    const ids: unknown[] = [];
    for await (const customer of customersList(client, { page_size: 1 })) ids.push(customer.id);
    expect(ids).toEqual([1, 2]);
    expect(await customersCreate(client, { first_name: 'Ada' })).toMatchObject({
      id: 7,
      location: '/v1/Customers/7',
    });
  });
});
