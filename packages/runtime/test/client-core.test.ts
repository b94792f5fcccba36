import { describe, expect, it } from 'vitest';
import {
  APIPromise,
  ClientCore,
  NotFoundError,
  apiKeyQuery,
  serializeBody,
  serializeParams,
  type FetchFunction,
} from '../src/index.js';
import { sendJson, startServer } from '@revio-sdk/test-utils';

async function echoServer() {
  return startServer((request, response) => sendJson(response, 200, { url: request.url }));
}

describe('ClientCore', () => {
  it('appends operation paths to the base URL path', async () => {
    const server = await echoServer();
    for (const baseUrl of [`${server.url}/v1`, `${server.url}/v1/`]) {
      const client = new ClientCore({ baseUrl });
      await expect(client.request({ method: 'GET', path: '/Customers' })).resolves.toEqual({ url: '/v1/Customers' });
    }
  });

  it('adds query parameters to a query already in the path', async () => {
    const server = await echoServer();
    const client = new ClientCore({ baseUrl: server.url });
    const result = await client.request({
      method: 'GET',
      path: '/Requests/3/pdf?format=a4',
      params: { request_template_id: 2 },
      serializeParams,
    });
    expect(result).toEqual({ url: '/Requests/3/pdf?format=a4&request_template_id=2' });
  });

  it("keeps the base URL's own query and drops its trailing slash", async () => {
    const server = await echoServer();
    const client = new ClientCore({ baseUrl: `${server.url}/v1/?api-version=2`, auth: [apiKeyQuery('key', 's')] });
    const result = await client.request({ method: 'GET', path: '/Notes', params: { page: 2 }, serializeParams });
    expect(result).toEqual({ url: '/v1/Notes?api-version=2&key=s&page=2' });
  });

  it('refuses a base URL that is not absolute when the client is built', () => {
    expect(() => new ClientCore({ baseUrl: 'api.example.com/v1' })).toThrow(TypeError);
  });

  it('lets a per-call header replace a default one whatever the case of its name', async () => {
    const server = await echoServer();
    const client = new ClientCore({ baseUrl: server.url, defaultHeaders: [['X-Trace', 'default']] });
    await client.request({ method: 'GET', path: '/x' }, { headers: new Headers({ 'x-TRACE': 'call' }) });
    expect(server.requests[0]!.headers['x-trace']).toBe('call');
  });

  it('sends default headers, overridden by per-call headers', async () => {
    const server = await echoServer();
    const client = new ClientCore({
      baseUrl: server.url,
      defaultHeaders: { 'x-app': 'billing', 'x-trace': 'default' },
    });
    await client.request({ method: 'GET', path: '/x' }, { headers: { 'x-trace': 'call' } });
    expect(server.requests[0]!.headers).toMatchObject({ 'x-app': 'billing', 'x-trace': 'call' });
  });

  it('calls the fetch it is given, with fetchOptions passed through', async () => {
    const server = await echoServer();
    const seen: { input: string; init: RequestInit }[] = [];
    const observingFetch: FetchFunction = (input, init) => {
      seen.push({ input, init });
      return fetch(input, init);
    };
    const client = new ClientCore({ baseUrl: server.url, fetch: observingFetch });
    await client.request({ method: 'DELETE', path: '/x/1' }, { fetchOptions: { keepalive: true } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.input).toBe(`${server.url}/x/1`);
    expect(seen[0]!.init).toMatchObject({ method: 'DELETE', keepalive: true, signal: expect.any(AbortSignal) });
  });

  it('exposes its settings and defaults', () => {
    const client = new ClientCore({ baseUrl: 'https://api.example.com' });
    expect(client).toMatchObject({ baseUrl: 'https://api.example.com', timeout: 60_000, maxRetries: 2 });
  });

  it('send resolves to the checked response with its body unread, which an APIPromise then reads', async () => {
    const server = await echoServer();
    const client = new ClientCore({ baseUrl: server.url });
    const pending = await client.send({ method: 'POST', path: '/Notes', body: { a: 1 }, serializeBody });
    expect(pending.response.status).toBe(200);
    expect(pending.response.bodyUsed).toBe(false);
    expect(server.requests[0]!.body).toBe('{"a":1}');
    const shaped = new APIPromise(Promise.resolve(pending), (body, response) => ({ body, status: response.status }));
    await expect(shaped).resolves.toEqual({ body: { url: '/Notes' }, status: 200 });
  });

  it('send rejects with the class the operation gives its error status', async () => {
    const server = await startServer((_request, response) => sendJson(response, 404, { message: 'no such note' }));
    const client = new ClientCore({ baseUrl: server.url });
    const error = await client
      .send({ method: 'GET', path: '/Notes/1', errors: { 404: NotFoundError } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe(`404 from GET ${server.url}/Notes/1: no such note`);
  });
});
