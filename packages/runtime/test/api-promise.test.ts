import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  APIPromise,
  ClientCore,
  ConnectionError,
  NotFoundError,
  type CommonError,
  type SafeResult,
} from '../src/index.js';
import { closedPort, sendJson, startServer } from '@revio-sdk/test-utils';

interface Customer {
  id: number;
}
type GetCustomerError = NotFoundError<{ message: string }> | CommonError;

async function customerServer(status = 200) {
  return startServer((_request, response) =>
    sendJson(response, status, status === 200 ? { id: 7 } : { message: 'gone' }, { 'x-request-id': 'r-7' }),
  );
}

const getCustomer = (baseUrl: string): APIPromise<Customer, GetCustomerError> =>
  new ClientCore({ baseUrl, maxRetries: 0 }).request({
    method: 'GET',
    path: '/Customers/7',
    errors: { 404: NotFoundError },
  });

describe('APIPromise', () => {
  it('is a Promise of the parsed data', async () => {
    const server = await customerServer();
    const pending = getCustomer(server.url);
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual({ id: 7 });
    await expect(pending.finally(() => {})).resolves.toEqual({ id: 7 });
    await expect(pending.catch(() => 'not called')).resolves.toEqual({ id: 7 });
  });

  it('gives data, response, status and headers with .withResponse(), parsing once', async () => {
    const server = await customerServer();
    const pending = getCustomer(server.url);
    const { data, response, status, headers } = await pending.withResponse();
    expect(data).toEqual({ id: 7 });
    expect(response).toBeInstanceOf(Response);
    expect(status).toBe(200);
    expect(headers.get('x-request-id')).toBe('r-7');
    expect(await pending).toBe(data);
    expect(server.requests).toHaveLength(1);
  });

  it('hands over the unread Response with .asResponse()', async () => {
    const server = await customerServer();
    const response = await getCustomer(server.url).asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ id: 7 });
  });

  it('still rejects .asResponse() with the typed error', async () => {
    const server = await customerServer(404);
    await expect(getCustomer(server.url).asResponse()).rejects.toBeInstanceOf(NotFoundError);
  });

  describe('.safe()', () => {
    it('returns ok with data and response', async () => {
      const server = await customerServer();
      const result = await getCustomer(server.url).safe();
      expect(result).toMatchObject({ ok: true, data: { id: 7 } });
      expectTypeOf(result).toEqualTypeOf<SafeResult<Customer, GetCustomerError>>();
    });

    it('returns a 404 as the typed error instead of rejecting', async () => {
      const server = await customerServer(404);
      const result = await getCustomer(server.url).safe();
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toBeInstanceOf(NotFoundError);
      if (result.error.status === 404) expect(result.error.body).toEqual({ message: 'gone' });
    });

    it('returns a connection failure instead of rejecting', async () => {
      const result = await getCustomer(`http://127.0.0.1:${await closedPort()}`).safe();
      expect(result).toMatchObject({ ok: false, error: expect.any(ConnectionError) });
    });
  });
});
