import { describe, expect, it } from 'vitest';
import type { ErrorCase, Operation } from '../../src/model/types.js';
import { emitErrorUnion, errorClassType, errorUnionImports } from '../../src/emit/error-union.js';
import { deleteCustomer, getCustomer } from './fixtures/shop-api.js';
import { print } from './print.js';

describe('errorClassType', () => {
  it.each<[string, { given: ErrorCase; want: string }]>([
    ['named class', { given: { status: 404, className: 'NotFoundError', bodyType: 'E' }, want: 'NotFoundError<E>' }],
    ['unnamed status', { given: { status: 418, className: 'ApiError', bodyType: 'unknown' }, want: 'ApiError<418, unknown>' }],
  ])('%s', (_name, { given, want }) => {
    expect(errorClassType(given)).toBe(want);
  });
});

describe('emitErrorUnion', () => {
  it.each<[string, { given: Operation; want: string }]>([
    [
      'one member per documented status, then CommonError',
      {
        given: getCustomer,
        want: 'export type CustomersGetError = NotFoundError<components["schemas"]["Error"]> | ApiError<418, components["schemas"]["Error"]> | CommonError;',
      },
    ],
    ['no documented errors', { given: deleteCustomer, want: 'export type CustomersDeleteError = CommonError;' }],
  ])('%s', (_name, { given, want }) => {
    expect(print([emitErrorUnion(given)])).toContain(`\n${want}\n`);
  });

  it('imports exactly the classes it names', () => {
    expect(errorUnionImports(getCustomer)).toEqual(['NotFoundError', 'ApiError', 'CommonError']);
  });
});
