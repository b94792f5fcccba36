/**
 * End to end: emit the shop package, type-check it (with a typed-usage file that proves the error
 * union narrows), import its TypeScript source and call a local HTTP server with it.
 */
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listen, sendJson, type ListeningServer, type RecordedRequest } from '@revio-sdk/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitFiles } from '../../src/emit/index.js';
import { shopApi } from '../emit/fixtures/shop-api.js';
import { shopDocument } from '../emit/fixtures/shop-document.js';
import { typeCheck, writePackage } from '../emit/package-on-disk.js';
import { HEADER } from '../emit/print.js';

/** App code against the generated package; it only compiles if the generated types are right. */
const TYPED_USAGE = `import { ShopClient, NotFoundError, type APIPromise, type CustomersGetError, type CustomersGetResponse } from '../src/index.js';
import { ShopCore } from '../src/core.js';
import { customersGet } from '../src/funcs/index.js';

export async function describeGet(client: ShopClient, id: number): Promise<string> {
  const result = await client.customers.get(id).safe();
  if (result.ok) return result.data.name;
  const error: CustomersGetError = result.error;
  switch (error.status) {
    case 404: {
      const message: string | undefined = error.body.message;
      return \`missing: \${message ?? ''}\`;
    }
    case 418:
      return \`teapot: \${String(error.body.ok)}\`;
    case undefined:
      return error.kind;
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

export async function writes(client: ShopClient): Promise<void> {
  const created = await client.customers.create({ name: 'Ann' });
  const id: number | string | undefined = created.id;
  const ok: boolean = created.data.ok;
  await client.customers.update(1, [{ op: 'replace', path: '/name', value: 'Bo' }]);
  // @ts-expect-error: the patched property is a string
  await client.customers.update(1, [{ op: 'replace', path: '/name', value: 1 }]);
  // @ts-expect-error: template_id is a required parameter
  await client.reports.download('r', {});
  for await (const customer of client.customers.list({ 'search.name': 'A', tags: ['x'] })) customer.id.toFixed();
  void [id, ok, NotFoundError];
}

export async function standalone(core: ShopCore, client: ShopClient): Promise<number> {
  const viaCore: APIPromise<CustomersGetResponse, CustomersGetError> = customersGet(core, 7);
  // The client is a core too, and a method and its function have the same type.
  const viaClient: typeof viaCore = customersGet(client, 7);
  const sameAsMethod: ReturnType<ShopClient['customers']['get']> = viaCore;
  // @ts-expect-error: the first argument is the client
  customersGet(7);
  const result = await viaCore.safe();
  void [viaClient, sameAsMethod];
  return result.ok ? result.data.id : (result.error.status ?? 0);
}
`;

/** What the test uses of the generated module (imported at run time, so typed here by hand). */
interface ShopModule {
  ShopClient: new (options: Record<string, unknown>) => ShopClient;
  ShopCore: new (options: Record<string, unknown>) => object;
  NotFoundError: new (...args: never[]) => Error;
}
interface FuncsModule {
  customersGet(core: object, id: number): Promise<unknown>;
}
interface ShopClient {
  baseUrl: string;
  customers: {
    get(
      id: number,
    ): Promise<unknown> & { safe(): Promise<{ ok: boolean; error?: { status?: number; body?: unknown } }> };
    list(params?: Record<string, unknown>): AsyncIterable<{ id: number }>;
    create(body: object): Promise<{ id: unknown; location: unknown; data: unknown }>;
    update(id: number, body: object): Promise<unknown>;
  };
  reports: { download(reportId: string, params: Record<string, unknown>): Promise<Blob> };
}

let server: ListeningServer;
let directory: string;
let shop: ShopModule;
let funcs: FuncsModule;
let client: ShopClient;

function urlOf(request: RecordedRequest): URL {
  return new URL(request.url, 'http://x');
}

function route(request: RecordedRequest, response: ServerResponse): void {
  const url = urlOf(request);
  const key = `${request.method} ${url.pathname}`;
  const page = Number(url.searchParams.get('page'));
  switch (key) {
    case 'GET /v1/customers':
      return sendJson(response, 200, { has_more: page < 2, records: [{ id: page, name: `n${page}` }] });
    case 'POST /v1/customers':
      return sendJson(response, 201, { ok: true, id: 99 }, { location: '/v1/customers/99' });
    case 'GET /v1/customers/7':
    case 'PATCH /v1/customers/7':
      return sendJson(response, 200, { id: 7, name: 'Ann' });
    case 'GET /v1/customers/42':
      return sendJson(response, 404, { ok: false, message: 'No customer 42' });
    case 'GET /v1/reports/a%2Fb/pdf':
      response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
      return;
    default:
      return sendJson(response, 500, { message: `unexpected ${key}` });
  }
}

beforeAll(async () => {
  server = await listen(route);
  const files = await emitFiles(shopApi, shopDocument, {
    packageName: '@acme/shop',
    packageVersion: '1.0.0',
    clientName: 'ShopClient',
    runtimePackage: { name: '@revio-sdk/runtime', version: '0.1.0' },
    header: HEADER,
  });
  directory = writePackage('shop', [...files, { path: 'test/typed-usage.ts', contents: TYPED_USAGE }]);
  shop = (await import(pathToFileURL(join(directory, 'src/index.ts')).href)) as ShopModule;
  funcs = (await import(pathToFileURL(join(directory, 'src/funcs/index.ts')).href)) as FuncsModule;
  client = new shop.ShopClient({
    baseUrl: `${server.url}/v1`,
    username: 'ann',
    clientCode: 'acme',
    password: 'pw',
    apiKey: 'key-1',
    maxRetries: 0,
  });
});

afterAll(() => server.close());

function lastRequest(): RecordedRequest {
  return server.requests[server.requests.length - 1]!;
}

describe('a generated package', () => {
  it('type-checks under the strict options, including typed app code', () => {
    expect(typeCheck(directory)).toEqual([]);
  });

  it('sends credentials built from the options: Basic user from the template, the API key header', async () => {
    await client.customers.get(7);
    const { headers } = lastRequest();
    expect(headers.authorization).toBe(`Basic ${Buffer.from('ann@acme:pw').toString('base64')}`);
    expect(headers['x-api-key']).toBe('key-1');
  });

  it('rejects a documented status with its typed error class', async () => {
    const error = await client.customers.get(42).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(lastRequest()).toMatchObject({ method: 'GET', url: '/v1/customers/42' });
    expect(error).toBeInstanceOf(shop.NotFoundError);
    expect(error).toMatchObject({ status: 404, body: { ok: false, message: 'No customer 42' } });
    expect(await client.customers.get(42).safe()).toMatchObject({ ok: false, error: { status: 404 } });
  });

  it('serialises query and header parameters and walks every page', async () => {
    const start = server.requests.length;
    const ids: number[] = [];
    for await (const customer of client.customers.list({
      'search.name': 'Ann Lee',
      tags: ['a', 'b'],
      requestId: 'r-1',
      page_size: 1,
    })) {
      ids.push(customer.id);
    }
    expect(ids).toEqual([1, 2]);
    const pages = server.requests.slice(start);
    expect(pages.map((request) => urlOf(request).searchParams.get('page'))).toEqual(['1', '2']);
    const { headers } = pages[0]!;
    const url = urlOf(pages[0]!);
    expect(url.searchParams.get('search.name')).toBe('Ann Lee');
    expect(url.searchParams.get('tags')).toBe('a,b');
    expect(url.searchParams.get('page_size')).toBe('1');
    expect(headers['x-request-id']).toBe('r-1');
  });

  it('sends JSON and JSON Patch bodies, and reads a 201 as Created', async () => {
    const created = await client.customers.create({ name: 'Ann' });
    expect(lastRequest()).toMatchObject({ method: 'POST', body: '{"name":"Ann"}' });
    expect(lastRequest().headers['content-type']).toBe('application/json');
    expect(created).toMatchObject({ id: 99, location: '/v1/customers/99', data: { ok: true, id: 99 } });

    await client.customers.update(7, [{ op: 'replace', path: '/name', value: 'Ann' }]);
    expect(lastRequest()).toMatchObject({ method: 'PATCH', body: '[{"op":"replace","path":"/name","value":"Ann"}]' });
    expect(lastRequest().headers['content-type']).toBe('application/json-patch+json');
  });

  it('sends the same request from a standalone function on the core, with the same typed errors', async () => {
    const core = new shop.ShopCore({
      baseUrl: client.baseUrl,
      username: 'ann',
      clientCode: 'acme',
      password: 'pw',
      apiKey: 'key-1',
      maxRetries: 0,
    });
    await funcs.customersGet(core, 7);
    const viaFunction = lastRequest();
    await client.customers.get(7);
    const viaMethod = lastRequest();
    expect({ ...viaFunction, headers: undefined }).toEqual({ ...viaMethod, headers: undefined });
    expect(viaFunction.headers.authorization).toBe(viaMethod.headers.authorization);
    const error = await funcs.customersGet(core, 42).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(shop.NotFoundError);
    expect(error).toMatchObject({ name: 'NotFoundError', status: 404, body: { ok: false, message: 'No customer 42' } });
  });

  it('percent-encodes path arguments and reads binary responses', async () => {
    const pdf = await client.reports.download('a/b', { template_id: 3 });
    expect(urlOf(lastRequest()).pathname).toBe('/v1/reports/a%2Fb/pdf');
    expect(urlOf(lastRequest()).searchParams.get('template_id')).toBe('3');
    expect(await pdf.text()).toBe('%PDF');
  });
});
