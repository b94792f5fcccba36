import { describe, expect, it } from 'vitest';
import { StructureKind } from 'ts-morph';
import type { Operation, Parameter } from '../../src/model/types.js';
import { paramSpec, pathExpression, requestStatement, runtimeFunctionsUsed } from '../../src/emit/request-call.js';
import {
  createCustomer,
  createNote,
  deleteCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
} from './fixtures/shop-api.js';
import { print } from './print.js';

/** The method body as printed, without the surrounding function. */
function body(operation: Operation): string {
  const text = print([
    { kind: StructureKind.Function, name: 'f', statements: [requestStatement(operation, 'client')] },
  ]);
  return text
    .slice(text.indexOf('{\n') + 2, text.lastIndexOf('}'))
    .replace(/^ {2}/gm, '')
    .trim();
}

function param(fields: Partial<Parameter>): Parameter {
  const shown = { text: 'string', schemas: [] };
  return {
    wireName: 'p',
    name: 'p',
    in: 'query',
    required: false,
    deprecated: false,
    type: 'string',
    shown,
    ...fields,
  };
}

describe('pathExpression', () => {
  it.each<[string, { given: Operation; want: string }]>([
    ['no parameters: a string literal', { given: listCustomers, want: "'/customers'" }],
    ['parameters: encodePath', { given: getCustomer, want: 'encodePath`/customers/${id}`' }],
    [
      'wire name differs from the argument',
      {
        given: {
          ...getCustomer,
          path: '/a/{report-id}',
          pathParams: [param({ in: 'path', wireName: 'report-id', name: 'reportId' })],
        },
        want: 'encodePath`/a/${reportId}`',
      },
    ],
    [
      'template syntax in the literal parts is escaped',
      {
        given: { ...getCustomer, path: '/a`\\/x${id}' },
        want: 'encodePath`/a\\`\\\\/x$${id}`',
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(pathExpression(given)).toBe(want);
  });

  it('fails loudly on a placeholder without a path parameter', () => {
    expect(() => pathExpression({ ...getCustomer, path: '/customers/{other}' })).toThrow(/\{other\}/);
  });
});

describe('paramSpec', () => {
  it.each<[string, { given: Parameter; want: string }]>([
    ['query defaults: nothing', { given: param({}), want: '' }],
    [
      'header',
      {
        given: param({ in: 'header', name: 'requestId', wireName: 'X-Request-Id' }),
        want: "in='header' name='X-Request-Id'",
      },
    ],
    ['cookie', { given: param({ in: 'cookie' }), want: "in='cookie'" }],
    ['renamed query', { given: param({ name: 'searchName', wireName: 'search.name' }), want: "name='search.name'" }],
    ['explode false', { given: param({ explode: false }), want: 'explode=false' }],
    ['explode true is the form default', { given: param({ explode: true }), want: '' }],
    ['deepObject', { given: param({ style: 'deepObject', explode: true }), want: "style='deepObject' explode=true" }],
    ['pipeDelimited default explode', { given: param({ style: 'pipeDelimited' }), want: "style='pipeDelimited'" }],
    ['header simple is the default', { given: param({ in: 'header', style: 'simple' }), want: "in='header'" }],
    ['path-only style is ignored', { given: param({ style: 'matrix' }), want: '' }],
  ])('%s', (_name, { given, want }) => {
    expect(
      paramSpec(given)
        .map(([key, value]) => `${key}=${String(value)}`)
        .join(' '),
    ).toBe(want);
  });
});

describe('requestStatement', () => {
  it('prints a paginated list with params, paramSpecs and the pagination spec', () => {
    expect(body(listCustomers)).toBe(
      [
        'return requestPage<CustomersListItem, CustomerList, CustomersListError>(',
        '  client,',
        '  {',
        "    method: 'GET',",
        "    path: '/customers',",
        '    params,',
        '    serializeParams,',
        '    paramSpecs: {',
        '      tags: { explode: false },',
        "      requestId: { in: 'header', name: 'X-Request-Id' },",
        '    },',
        '    errors: ERRORS_401,',
        '  },',
        '  {',
        "    style: 'page',",
        "    pageParam: 'page',",
        "    sizeParam: 'page_size',",
        "    itemsField: 'records',",
        "    hasMoreField: 'has_more',",
        '  },',
        '  options,',
        ');',
      ].join('\n'),
    );
  });

  it.each<[string, { given: Operation; want: string[] }]>([
    [
      '201: createdResult and Created<T>',
      {
        given: createCustomer,
        want: [
          'client.request<Created<CreatedBody>, CustomersCreateError>(',
          'body,\n    serializeBody,',
          'result: createdResult,',
          'errors: ERRORS_400,',
        ],
      },
    ],
    ['json-patch: content type', { given: updateCustomer, want: ["contentType: 'application/json-patch+json',"] }],
    [
      'form body and text response',
      { given: createNote, want: ["contentType: 'application/x-www-form-urlencoded',", "responseKind: 'text',"] },
    ],
    ['empty response, no errors', { given: deleteCustomer, want: ["responseKind: 'empty',"] }],
  ])('%s', (_name, { given, want }) => {
    const printed = body(given);
    for (const line of want) expect(printed).toContain(line);
  });

  it('leaves out defaults: no params, body, serialisers, contentType, responseKind or result for a plain GET', () => {
    expect(body(getCustomer)).not.toMatch(/params|serialize|body|contentType|responseKind|result|created/i);
    expect(body(deleteCustomer)).not.toContain('errors');
  });

  it.each<[string, { given: Operation; want: string[] }]>([
    ['a plain GET: only encodePath', { given: getCustomer, want: ['encodePath'] }],
    [
      'a list: the pager and the parameter serialiser',
      { given: listCustomers, want: ['requestPage', 'serializeParams'] },
    ],
    [
      'a create: the body serialiser and the 201 result',
      { given: createCustomer, want: ['serializeBody', 'createdResult'] },
    ],
  ])('runtimeFunctionsUsed, %s', (_name, { given, want }) => {
    expect(runtimeFunctionsUsed(given)).toEqual(want);
  });

  it('names pagination parameters by property name, which is how `params` is keyed', () => {
    const operation: Operation = {
      ...listCustomers,
      params: [param({ name: 'pageNumber', wireName: 'search.page' })],
      pagination: { ...listCustomers.pagination!, pageParam: 'search.page', sizeParam: undefined! },
    };
    delete operation.pagination!.sizeParam;
    expect(body(operation)).toContain("pageParam: 'pageNumber',");
    expect(body(operation)).not.toContain('sizeParam');
  });
});
