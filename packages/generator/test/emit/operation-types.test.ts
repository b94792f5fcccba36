import { describe, expect, it } from 'vitest';
import type { Operation } from '../../src/model/types.js';
import { emitOperationTypes, emitParamsInterface, operationTypeImports } from '../../src/emit/operation-types.js';
import { createCustomer, deleteCustomer, listCustomers, updateCustomer } from './fixtures/shop-api.js';
import { print } from './print.js';

describe('emitParamsInterface', () => {
  it('has one property per parameter: quoted when not an identifier, optional ones accept undefined', () => {
    expect(print([emitParamsInterface(listCustomers, 'CustomersListParams')])).toBe(
      [
        '/** Query, header and cookie parameters of `list`. */',
        'export interface CustomersListParams {',
        '  page?: number | undefined;',
        '  page_size?: number | undefined;',
        '  /** Filter by name. */',
        "  'search.name'?: string | undefined;",
        '  tags?: string[] | undefined;',
        '  /** Sent as the `X-Request-Id` header. */',
        '  requestId?: string | undefined;',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('marks required and deprecated parameters', () => {
    const operation: Operation = {
      ...listCustomers,
      params: [{ ...listCustomers.params[0]!, required: true, deprecated: true, description: 'Old.' }],
    };
    expect(print([emitParamsInterface(operation, 'CustomersListParams')])).toContain(
      ['  /**', '   * Old.', '   *', '   * @deprecated', '   */', '  page: number;'].join('\n'),
    );
  });
});

describe('emitOperationTypes', () => {
  it.each<[string, { given: Operation; want: string[] }]>([
    [
      'list: Params, Response, Item, Error',
      {
        given: listCustomers,
        want: ['CustomersListParams', 'CustomersListResponse', 'CustomersListItem', 'CustomersListError'],
      },
    ],
    [
      'create: Body, Response, Error',
      { given: createCustomer, want: ['CustomersCreateBody', 'CustomersCreateResponse', 'CustomersCreateError'] },
    ],
    ['delete: Response, Error', { given: deleteCustomer, want: ['CustomersDeleteResponse', 'CustomersDeleteError'] }],
  ])('%s', (_name, { given, want }) => {
    expect(emitOperationTypes(given).map((structure) => structure.name)).toEqual(want);
  });

  it('types a JSON Patch body over its patch target', () => {
    expect(print(emitOperationTypes(updateCustomer))).toContain(
      'export type CustomersUpdateBody = JsonPatch<components["schemas"]["Customer"]>;',
    );
    expect(operationTypeImports(updateCustomer)).toEqual(['JsonPatch']);
    expect(operationTypeImports(createCustomer)).toEqual([]);
  });
});
