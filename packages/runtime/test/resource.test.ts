/**
 * The README's contract, as generated code would use it: a client class and a resource class written
 * the way the generator emits them, exercised against a loopback server.
 */
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  APIResource,
  BadRequestError,
  ClientCore,
  NotFoundError,
  MissingOptionsError,
  apiKeyHeader,
  basicAuth,
  createdResult,
  encodePath,
  requestPage,
  resolveOptions,
  serializeBody,
  serializeParams,
  type APIPromise,
  type ClientOptions,
  type CommonError,
  type Created,
  type JsonPatch,
  type PagePromise,
  type RequestOptions,
} from '../src/index.js';
import { sendJson, startServer } from '@revio-sdk/test-utils';

interface Customer {
  customer_id: number;
  name: string;
}
/** Generated params are interfaces, without an index signature. */
interface CustomersListParams {
  page?: number | undefined;
  page_size?: number | undefined;
  'search.name'?: string | undefined;
}
interface CustomersListPage {
  ok: boolean;
  has_more: boolean;
  records: Customer[];
}
interface CustomerCreate {
  name: string;
}
interface CreatedBody {
  ok: boolean;
  id: number;
}
interface ErrorBody {
  ok: false;
  message?: string;
}
const ERRORS = { 400: BadRequestError, 404: NotFoundError };
type CustomersError = BadRequestError<ErrorBody> | NotFoundError<ErrorBody> | CommonError;

class CustomersResource extends APIResource {
  list(
    params: CustomersListParams = {},
    options?: RequestOptions,
  ): PagePromise<Customer, CustomersListPage, CustomersError> {
    return requestPage(
      this._client,
      { method: 'GET', path: '/Customers', params, serializeParams, errors: ERRORS },
      { style: 'page', pageParam: 'page', sizeParam: 'page_size', itemsField: 'records', hasMoreField: 'has_more' },
      options,
    );
  }
  get(id: number, options?: RequestOptions): APIPromise<Customer, CustomersError> {
    return this._client.request({ method: 'GET', path: encodePath`/Customers/${id}`, errors: ERRORS }, options);
  }
  create(body: CustomerCreate, options?: RequestOptions): APIPromise<Created<CreatedBody>, CustomersError> {
    return this._client.request(
      { method: 'POST', path: '/Customers', body, serializeBody, result: createdResult, errors: ERRORS },
      options,
    );
  }
  update(id: number, body: JsonPatch<Customer>, options?: RequestOptions): APIPromise<Customer, CustomersError> {
    return this._client.request(
      {
        method: 'PATCH',
        path: encodePath`/Customers/${id}`,
        body,
        serializeBody,
        contentType: 'application/json-patch+json',
        errors: ERRORS,
      },
      options,
    );
  }
}

interface RevioClientOptions extends Omit<ClientOptions, 'baseUrl' | 'auth'> {
  username?: string;
  clientCode?: string;
  password?: string;
  subscriptionKey?: string;
  baseUrl?: string;
}

class RevioClient extends ClientCore {
  readonly customers = new CustomersResource(this);
  constructor(options: RevioClientOptions = {}) {
    const resolved = resolveOptions(
      options,
      {
        username: { env: 'REVIO_USERNAME', required: true },
        clientCode: { env: 'REVIO_CLIENT_CODE', required: true },
        password: { env: 'REVIO_PASSWORD', required: true },
        subscriptionKey: { env: 'REVIO_SUBSCRIPTION_KEY', required: false },
        baseUrl: { env: 'REVIO_BASE_URL', required: false },
      },
      'RevioClient',
    );
    super({
      ...options,
      baseUrl: resolved.baseUrl ?? 'https://api.revioapi.com/v1',
      auth: [
        basicAuth(`${resolved.username}@${resolved.clientCode}`, resolved.password),
        apiKeyHeader('Ocp-Apim-Subscription-Key', resolved.subscriptionKey),
      ],
    });
  }
}

/** A tiny Rev.io: two pages of customers, 404 for unknown ids, 201 on create, PATCH echoes. */
async function revioServer() {
  const customers: Customer[] = [1, 2, 3].map((id) => ({ customer_id: id, name: `Customer ${id}` }));
  return startServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    const id = Number(url.pathname.split('/')[3]);
    if (request.method === 'GET' && url.pathname === '/v1/Customers') {
      const page = Number(url.searchParams.get('page'));
      const size = Number(url.searchParams.get('page_size') ?? 2);
      const records = customers.slice((page - 1) * size, page * size);
      return sendJson(response, 200, { ok: true, has_more: page * size < customers.length, records });
    }
    if (request.method === 'POST') {
      return sendJson(response, 201, { ok: true, id: 4 }, { location: 'http://localhost/v1/Customers/4' });
    }
    const customer = customers.find((candidate) => candidate.customer_id === id);
    if (!customer) return sendJson(response, 404, { ok: false, message: `Customer ${id} not found` });
    if (request.method === 'PATCH')
      return sendJson(response, 200, {
        ...customer,
        name: (JSON.parse(request.body) as { value: string }[])[0]?.value,
      });
    return sendJson(response, 200, customer);
  });
}

afterEach(() => vi.unstubAllEnvs());

describe('a generated client on the runtime', () => {
  it('lists, gets, creates and updates', async () => {
    const server = await revioServer();
    const client = new RevioClient({ username: 'api', clientCode: 'acme', password: 'p', baseUrl: `${server.url}/v1` });

    const names: string[] = [];
    for await (const customer of client.customers.list()) names.push(customer.name);
    expect(names).toEqual(['Customer 1', 'Customer 2', 'Customer 3']);

    await expect(client.customers.get(2)).resolves.toEqual({ customer_id: 2, name: 'Customer 2' });
    await expect(client.customers.create({ name: 'New' })).resolves.toEqual({
      data: { ok: true, id: 4 },
      id: 4,
      location: 'http://localhost/v1/Customers/4',
    });
    await expect(client.customers.update(1, [{ op: 'replace', path: '/name', value: 'Renamed' }])).resolves.toEqual({
      customer_id: 1,
      name: 'Renamed',
    });
    const auth = server.requests.map((request) => request.headers.authorization);
    expect(new Set(auth)).toEqual(new Set([`Basic ${Buffer.from('api@acme:p').toString('base64')}`]));
  });

  it('rejects with the typed error union', async () => {
    const server = await revioServer();
    const client = new RevioClient({ username: 'api', clientCode: 'acme', password: 'p', baseUrl: `${server.url}/v1` });
    const result = await client.customers.get(99).safe();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expectTypeOf(result.error).toEqualTypeOf<CustomersError>();
    switch (result.error.status) {
      case 404:
        expect(result.error.body.message).toBe('Customer 99 not found');
        break;
      default:
        expect.fail(`expected a 404, got ${String(result.error)}`);
    }
  });

  it('reads credentials from the environment and names the missing ones', () => {
    vi.stubEnv('REVIO_USERNAME', 'api');
    vi.stubEnv('REVIO_CLIENT_CODE', '');
    vi.stubEnv('REVIO_PASSWORD', '');
    expect(() => new RevioClient()).toThrow(MissingOptionsError);
    expect(() => new RevioClient()).toThrow(/clientCode \(or the REVIO_CLIENT_CODE environment variable\), password/);
    vi.stubEnv('REVIO_CLIENT_CODE', 'acme');
    vi.stubEnv('REVIO_PASSWORD', 'p');
    expect(new RevioClient().baseUrl).toBe('https://api.revioapi.com/v1');
  });
});
