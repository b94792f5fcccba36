/**
 * Lists page through `page`/`page_size` and `has_more`: `for await` walks every page, and the
 * page-at-a-time API (await, hasNextPage, getNextPage, pages) does the same on request.
 */
import { describe, expect, it } from 'vitest';
import { RevioClient, type CustomersListItem } from '../src/index.js';
import { sendJson, type RecordedRequest } from '@revio-sdk/test-utils';
import { credentials, query, startServer } from './helpers/server.js';
import type { ServerResponse } from 'node:http';

/** 5 customers named Acme, served 2 a page: pages 1 and 2 say has_more, page 3 (1 record) does not. */
function acmePages(request: RecordedRequest, response: ServerResponse): void {
  const params = query(request);
  if (!request.url.startsWith('/v1/Customers?') || params.get('search.name') !== 'Acme') {
    sendJson(response, 400, { ok: false, message: `unexpected request ${request.url}` });
    return;
  }
  const page = Number(params.get('page'));
  const size = Number(params.get('page_size'));
  const all = [1, 2, 3, 4, 5].map((n) => ({ customer_id: 1000 + n, status: 'ACTIVE' }));
  const records = all.slice((page - 1) * size, page * size);
  sendJson(response, 200, { ok: true, has_more: page * size < all.length, record_count: records.length, records });
}

describe('customers.list pagination', () => {
  it('walks all 3 pages with for await, sending page=1,2,3 with page_size and search.name', async () => {
    const server = await startServer(acmePages);
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });

    const ids: number[] = [];
    for await (const customer of client.customers.list({ 'search.name': 'Acme', page_size: 2 })) {
      ids.push(customer.customer_id);
    }

    expect(ids).toEqual([1001, 1002, 1003, 1004, 1005]);
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
    expect(server.requests.map((r) => query(r).get('page'))).toEqual(['1', '2', '3']);
    for (const request of server.requests) {
      const params = query(request);
      expect(new URL(request.url, 'http://x').pathname).toBe('/v1/Customers');
      expect(params.get('page_size')).toBe('2');
      expect(params.get('search.name')).toBe('Acme');
      // The dotted name is sent as is, not as a nested `search[name]`.
      expect(request.url).toContain('search.name=Acme');
    }
  });

  it('stops requesting pages when the loop breaks early', async () => {
    const server = await startServer(acmePages);
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });
    for await (const customer of client.customers.list({ 'search.name': 'Acme', page_size: 2 })) {
      if (customer.customer_id === 1002) break;
    }
    expect(server.requests).toHaveLength(1);
  });

  it('gives one page at a time: await, items, data, hasNextPage, getNextPage', async () => {
    const server = await startServer(acmePages);
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });

    const first = await client.customers.list({ 'search.name': 'Acme', page_size: 2 });
    expect(server.requests).toHaveLength(1); // awaiting the list loads the first page only
    expect(first.items.map((c: CustomersListItem) => c.customer_id)).toEqual([1001, 1002]);
    expect(first.data).toMatchObject({ ok: true, has_more: true, record_count: 2 });
    expect(first.hasNextPage()).toBe(true);

    const second = await first.getNextPage();
    expect(second.items.map((c) => c.customer_id)).toEqual([1003, 1004]);
    const third = await second.getNextPage();
    expect(third.items.map((c) => c.customer_id)).toEqual([1005]);
    expect(third.data.has_more).toBe(false);
    expect(third.hasNextPage()).toBe(false);
    expect(() => third.getNextPage()).toThrow(/no next page/);
    expect(server.requests.map((r) => query(r).get('page'))).toEqual(['1', '2', '3']);
  });

  it('iterates pages with .pages(), starting from the page given in params', async () => {
    const server = await startServer(acmePages);
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });

    const pages: number[][] = [];
    for await (const page of client.customers.list({ 'search.name': 'Acme', page_size: 2, page: 2 }).pages()) {
      pages.push(page.items.map((c) => c.customer_id));
    }
    expect(pages).toEqual([[1003, 1004], [1005]]);
    expect(server.requests.map((r) => query(r).get('page'))).toEqual(['2', '3']);
  });
});
