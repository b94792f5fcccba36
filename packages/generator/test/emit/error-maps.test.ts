import { describe, expect, it } from 'vitest';
import { emitErrorMapsFile, errorMapName } from '../../src/emit/error-maps.js';
import { deleteCustomer, getCustomer, shopApi } from './fixtures/shop-api.js';
import { HEADER, print } from './print.js';

describe('errorMapName', () => {
  it.each([
    ['named by the documented statuses', getCustomer, 'ERRORS_404_418'],
    ['none for an operation without documented errors', deleteCustomer, undefined],
  ])('%s', (_name, operation, want) => {
    expect(errorMapName(operation)).toBe(want);
  });
});

describe('emitErrorMapsFile', () => {
  const text = print(emitErrorMapsFile(shopApi, '@acme/runtime', HEADER).structure);

  it('declares one map per distinct status set, sorted, with APIError for a status without a class', () => {
    expect(text).toContain(
      "import { APIError, BadRequestError, NotFoundError, UnauthorizedError } from '@acme/runtime';",
    );
    const names = [...text.matchAll(/^export const (\w+) = (.*);$/gm)].map((match) => `${match[1]} = ${match[2]}`);
    expect(names).toEqual([
      'ERRORS_400 = { 400: BadRequestError }',
      'ERRORS_401 = { 401: UnauthorizedError }',
      'ERRORS_404 = { 404: NotFoundError }',
      'ERRORS_404_418 = { 404: NotFoundError, 418: APIError }',
    ]);
  });
});
