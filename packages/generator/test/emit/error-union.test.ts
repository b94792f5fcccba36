import { describe, expect, it } from 'vitest';
import type { DefaultErrorCase, ErrorCase, Operation } from '../../src/model/types.js';
import { emitErrorUnion, errorClassType, errorUnionImports } from '../../src/emit/error-union.js';
import { deleteCustomer, getCustomer } from './fixtures/shop-api.js';
import { print } from './print.js';

describe('errorClassType', () => {
  it.each<[string, { given: ErrorCase; want: string }]>([
    ['named class', { given: { status: 404, className: 'NotFoundError', bodyType: 'E' }, want: 'NotFoundError<E>' }],
    [
      'unnamed status',
      { given: { status: 418, className: 'APIError', bodyType: 'unknown' }, want: 'APIError<418, unknown>' },
    ],
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
        want: 'export type CustomersGetError = NotFoundError<ErrorBody> | APIError<418, ErrorBody> | CommonError;',
      },
    ],
    ['no documented errors', { given: deleteCustomer, want: 'export type CustomersDeleteError = CommonError;' }],
  ])('%s', (_name, { given, want }) => {
    expect(print([emitErrorUnion(given)])).toContain(`\n${want}\n`);
  });

  it.each<[string, { given: DefaultErrorCase[]; want: string }]>([
    [
      '`default` with JSON: its body types CommonError',
      { given: [{ range: 'default', bodyType: 'Problem' }], want: 'CommonError<Problem>' },
    ],
    [
      'only `4XX`: other statuses (a 3xx, say) are undocumented',
      { given: [{ range: '4XX', bodyType: 'Problem' }], want: 'CommonError' },
    ],
    ['`default` without content', { given: [{ range: 'default', bodyType: 'unknown' }], want: 'CommonError' }],
    [
      '`5XX` and `default` with different bodies: either',
      {
        given: [
          { range: '5XX', bodyType: 'Outage' },
          { range: 'default', bodyType: 'Problem' },
        ],
        want: 'CommonError<Outage | Problem>',
      },
    ],
    [
      '`4XX` without content next to a JSON `default`',
      {
        given: [
          { range: '4XX', bodyType: 'unknown' },
          { range: 'default', bodyType: 'Problem' },
        ],
        want: 'CommonError',
      },
    ],
    [
      'the same body twice, once',
      {
        given: [
          { range: '4XX', bodyType: 'Problem' },
          { range: 'default', bodyType: 'Problem' },
        ],
        want: 'CommonError<Problem>',
      },
    ],
  ])('catch-alls: %s', (_name, { given, want }) => {
    expect(print([emitErrorUnion({ ...deleteCustomer, hasDefaultError: true, defaultErrors: given })])).toContain(
      `\nexport type CustomersDeleteError = ${want};\n`,
    );
  });

  it('imports exactly the classes it names', () => {
    expect(errorUnionImports(getCustomer)).toEqual(['NotFoundError', 'APIError', 'CommonError']);
  });
});
