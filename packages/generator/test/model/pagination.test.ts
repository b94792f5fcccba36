import { describe, expect, it } from 'vitest';
import type { Pagination } from '../../src/model/types.js';
import { modelOf, operationAt } from '../fixtures/model-fixtures.js';

describe('pagination', () => {
  const cases: { name: string; path: string; want: Pagination | undefined }[] = [
    {
      name: 'the root configuration on a GET with the page parameter and the items array',
      path: '/customers',
      want: {
        style: 'page',
        pageParam: 'page',
        sizeParam: 'page_size',
        itemsField: 'records',
        hasMoreField: 'has_more',
        itemType:
          'NonNullable<paths["/customers"]["get"]["responses"][200]["content"]["application/json"]["records"]>[number]',
      },
    },
    { name: 'disabled by `x-sdk-pagination: false`', path: '/notes', want: undefined },
    { name: 'not where the items field is no array', path: '/orders', want: undefined },
    {
      name: 'an operation’s own configuration, items found through allOf and a nullable array',
      path: '/bills',
      want: {
        style: 'page',
        pageParam: 'search.page',
        itemsField: 'items',
        hasMoreField: 'more',
        itemType:
          'NonNullable<paths["/bills"]["get"]["responses"][200]["content"]["application/json"]["items"]>[number]',
      },
    },
    { name: 'not with an invalid configuration', path: '/charges', want: undefined },
  ];
  it.each(cases)('$name', async ({ path, want }) => {
    const { api } = await modelOf('pagination');
    expect(operationAt(api, 'GET', path).pagination).toEqual(want);
  });

  it('warns about an invalid configuration only', async () => {
    const { diagnostics } = await modelOf('pagination');
    expect(diagnostics.map(({ pointer }) => pointer)).toEqual(['#/paths/~1charges/get/x-sdk-pagination']);
  });
});
