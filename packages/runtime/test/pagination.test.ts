import { describe, expect, it } from 'vitest';
import {
  ClientCore,
  DEFAULT_MAX_PAGES,
  PageResult,
  PaginationError,
  requestPage,
  serializeParams,
  type PaginationSpec,
  type RequestOptions,
} from '../src/index.js';
import { sendJson, startServer } from '@revio-sdk/test-utils';

interface Customer {
  id: number;
}
interface CustomerPage {
  ok: boolean;
  has_more: boolean;
  records: Customer[];
}

const spec: PaginationSpec = {
  style: 'page',
  pageParam: 'page',
  sizeParam: 'page_size',
  itemsField: 'records',
  hasMoreField: 'has_more',
};

/** Serves `pageCount` pages of two customers each, numbered from page 1. */
async function customersServer(pageCount: number) {
  return startServer((request, response) => {
    const page = Number(new URL(request.url, 'http://x').searchParams.get('page'));
    const records = page >= 1 && page <= pageCount ? [{ id: page * 10 + 1 }, { id: page * 10 + 2 }] : [];
    sendJson(response, 200, { ok: true, has_more: page < pageCount, records });
  });
}

async function listCustomers(pageCount: number, params: Record<string, unknown> = {}, options?: RequestOptions) {
  const server = await customersServer(pageCount);
  const client = new ClientCore({ baseUrl: server.url });
  const list = requestPage<Customer, CustomerPage>(
    client,
    { method: 'GET', path: '/Customers', params, serializeParams },
    spec,
    options,
  );
  return { server, list };
}

/** Walks `list` with for await; the items read and how it ended. */
async function walk(list: AsyncIterable<Customer>): Promise<{ ids: number[]; error: unknown }> {
  const ids: number[] = [];
  try {
    for await (const customer of list) ids.push(customer.id);
    return { ids, error: undefined };
  } catch (error) {
    return { ids, error };
  }
}

describe('requestPage', () => {
  it('resolves to the first page', async () => {
    const { server, list } = await listCustomers(3, { page_size: 2 });
    const page = await list;
    expect(page).toBeInstanceOf(PageResult);
    expect(page.items).toEqual([{ id: 11 }, { id: 12 }]);
    expect(page.data).toEqual({ ok: true, has_more: true, records: page.items });
    expect(page.hasNextPage()).toBe(true);
    expect(server.requests.map((request) => request.url)).toEqual(['/Customers?page_size=2&page=1']);
  });

  it('walks every item of every page with for await', async () => {
    const { server, list } = await listCustomers(3);
    const ids: number[] = [];
    for await (const customer of list) ids.push(customer.id);
    expect(ids).toEqual([11, 12, 21, 22, 31, 32]);
    expect(server.requests.map((request) => request.url)).toEqual([
      '/Customers?page=1',
      '/Customers?page=2',
      '/Customers?page=3',
    ]);
  });

  it('starts from the page given in params', async () => {
    const { list } = await listCustomers(3, { page: 2 });
    const ids: number[] = [];
    for await (const customer of list) ids.push(customer.id);
    expect(ids).toEqual([21, 22, 31, 32]);
  });

  it('iterates pages with .pages()', async () => {
    const { list } = await listCustomers(2);
    const pages: Customer[][] = [];
    for await (const page of list.pages()) pages.push(page.items);
    expect(pages).toEqual([
      [{ id: 11 }, { id: 12 }],
      [{ id: 21 }, { id: 22 }],
    ]);
  });

  it('loads the next page with getNextPage()', async () => {
    const { list } = await listCustomers(2);
    const first = await list;
    const second = await first.getNextPage();
    expect(second.items).toEqual([{ id: 21 }, { id: 22 }]);
    expect(second.hasNextPage()).toBe(false);
    expect(() => second.getNextPage()).toThrow(/no next page/);
  });

  it('stops at an empty page even if it claims more', async () => {
    const server = await startServer((_request, response) => sendJson(response, 200, { has_more: true, records: [] }));
    const client = new ClientCore({ baseUrl: server.url });
    const items: unknown[] = [];
    for await (const item of requestPage(client, { method: 'GET', path: '/x' }, spec)) items.push(item);
    expect(items).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('sends the page under its wire name when paramSpecs rename it', async () => {
    const server = await customersServer(1);
    const client = new ClientCore({ baseUrl: server.url });
    const list = requestPage(
      client,
      { method: 'GET', path: '/Customers', params: {}, serializeParams, paramSpecs: { pageNumber: { name: 'page' } } },
      { ...spec, pageParam: 'pageNumber' },
    );
    await list;
    expect(server.requests[0]!.url).toBe('/Customers?page=1');
  });
});

describe('a list cannot page forever', () => {
  it('fails with a PaginationError when a page repeats the page before (the server ignores the page number)', async () => {
    const server = await startServer((_request, response) =>
      sendJson(response, 200, { has_more: true, records: [{ id: 11 }, { id: 12 }] }),
    );
    const client = new ClientCore({ baseUrl: server.url });
    const list = requestPage<Customer, CustomerPage>(client, { method: 'GET', path: '/Customers' }, spec);
    const { ids, error } = await walk(list);
    expect(ids).toEqual([11, 12]);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ name: 'PaginationError', reason: 'repeated_page', page: 2 });
    expect((error as Error).message).toBe(
      'GET /Customers: page 2 has the same items as the page before; stopped paging',
    );
    expect(server.requests).toHaveLength(2);
  });

  it('fails with a PaginationError past maxPages, after reading that many pages', async () => {
    const { server, list } = await listCustomers(5, {}, { maxPages: 3 });
    const { ids, error } = await walk(list);
    expect(ids).toEqual([11, 12, 21, 22, 31, 32]);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: 'max_pages', page: 3 });
    expect((error as Error).message).toBe('GET /Customers: more than maxPages (3) pages; stopped paging after page 3');
    expect(server.requests).toHaveLength(3);
  });

  it('reads a list of exactly maxPages pages to its end', async () => {
    const { list } = await listCustomers(3, {}, { maxPages: 3 });
    expect(await walk(list)).toEqual({ ids: [11, 12, 21, 22, 31, 32], error: undefined });
  });

  it('stops an endless list of distinct pages at DEFAULT_MAX_PAGES (10000)', async () => {
    let requests = 0;
    const client = new ClientCore({
      baseUrl: 'https://api.example.test',
      fetch: async () => Response.json({ has_more: true, records: [{ id: ++requests }] }),
    });
    const { ids, error } = await walk(requestPage(client, { method: 'GET', path: '/Customers' }, spec));
    expect(DEFAULT_MAX_PAGES).toBe(10_000);
    expect(ids).toHaveLength(DEFAULT_MAX_PAGES);
    expect(error).toMatchObject({ reason: 'max_pages', page: DEFAULT_MAX_PAGES });
  }, 60_000);
});
