import { describe, expect, it } from 'vitest';
import type { DefaultErrorCase, ErrorCase, SuccessResponse } from '../../src/model/types.js';
import { modelOf, operationAt } from '../fixtures/model-fixtures.js';

describe('success responses', () => {
  const cases: { name: string; method: string; path: string; want: SuccessResponse }[] = [
    {
      name: 'the lowest 2xx (201 stays 201) with its documented headers, Content-Type aside',
      method: 'POST',
      path: '/items',
      want: {
        status: 201,
        description: 'Created',
        kind: 'json',
        contentType: 'application/json',
        type: 'paths["/items"]["post"]["responses"][201]["content"]["application/json"]',
        shown: { text: 'ItemsCreateResponse', schemas: [] },
        headers: [{ wireName: 'Location', description: 'New URL.' }],
      },
    },
    {
      name: 'a 2XX range as 200, read as text',
      method: 'GET',
      path: '/items',
      want: {
        status: 200,
        description: 'ok',
        kind: 'text',
        contentType: 'text/csv',
        type: 'paths["/items"]["get"]["responses"]["2XX"]["content"]["text/csv"]',
        shown: { text: 'ItemsListResponse', schemas: [] },
        headers: [],
      },
    },
    {
      name: 'binary as a Blob',
      method: 'GET',
      path: '/items/{id}',
      want: {
        status: 200,
        description: 'PDF',
        kind: 'binary',
        contentType: 'application/pdf',
        type: 'Blob',
        shown: { text: 'Blob', schemas: [] },
        headers: [],
      },
    },
    {
      name: 'no content as empty',
      method: 'DELETE',
      path: '/items/{id}',
      want: {
        status: 204,
        description: 'Gone',
        kind: 'empty',
        type: 'void',
        shown: { text: 'void', schemas: [] },
        headers: [],
      },
    },
    {
      name: 'none documented as an unknown 200',
      method: 'GET',
      path: '/health',
      want: { status: 200, kind: 'json', type: 'unknown', shown: { text: 'unknown', schemas: [] }, headers: [] },
    },
  ];
  it.each(cases)('$name', async ({ method, path, want }) => {
    const { api } = await modelOf('responses');
    expect(operationAt(api, method, path).success).toEqual(want);
  });
});

describe('error responses', () => {
  const cases: {
    name: string;
    method: string;
    path: string;
    want: ErrorCase[];
    hasDefaultError: boolean;
    defaultErrors?: DefaultErrorCase[];
  }[] = [
    {
      name: 'every 4xx/5xx ascending, named by the runtime, JSON bodies typed ($ref too), 4XX as default',
      method: 'POST',
      path: '/items',
      want: [
        {
          status: 404,
          className: 'NotFoundError',
          description: 'Not found',
          bodyType: 'paths["/items"]["post"]["responses"][404]["content"]["application/json"]',
        },
        { status: 418, className: 'ApiError', description: 'Teapot', bodyType: 'unknown' },
        { status: 503, className: 'ServiceUnavailableError', description: 'Down', bodyType: 'unknown' },
      ],
      hasDefaultError: true,
      defaultErrors: [{ range: '4XX', description: 'Client error', bodyType: 'unknown' }],
    },
    {
      name: '`default` only',
      method: 'GET',
      path: '/items',
      want: [],
      hasDefaultError: true,
      defaultErrors: [{ range: 'default', description: 'Error', bodyType: 'unknown' }],
    },
    {
      name: 'a +json problem body',
      method: 'GET',
      path: '/items/{id}',
      want: [
        {
          status: 404,
          className: 'NotFoundError',
          description: 'No such item',
          bodyType: 'paths["/items/{id}"]["get"]["responses"][404]["content"]["application/problem+json"]',
        },
      ],
      hasDefaultError: false,
    },
    {
      name: 'an unresolvable $ref as unknown',
      method: 'DELETE',
      path: '/items/{id}',
      want: [{ status: 400, className: 'BadRequestError', bodyType: 'unknown' }],
      hasDefaultError: false,
    },
    { name: 'a redirect is no error', method: 'GET', path: '/health', want: [], hasDefaultError: false },
    {
      name: 'catch-alls in the order 4XX, 5XX, default, whatever their case and order in the spec, $ref resolved, JSON bodies typed',
      method: 'PUT',
      path: '/items/{id}',
      want: [],
      hasDefaultError: true,
      defaultErrors: [
        { range: '4XX', bodyType: 'unknown' },
        { range: '5XX', description: 'Server trouble', bodyType: 'unknown' },
        {
          range: 'default',
          description: 'Not found',
          bodyType: 'paths["/items/{id}"]["put"]["responses"]["default"]["content"]["application/json"]',
        },
      ],
    },
  ];
  it.each(cases)('$name', async ({ method, path, want, hasDefaultError, defaultErrors }) => {
    const { api } = await modelOf('responses');
    const operation = operationAt(api, method, path);
    expect([operation.errors, operation.hasDefaultError, operation.defaultErrors]).toEqual([
      want,
      hasDefaultError,
      defaultErrors,
    ]);
  });

  it('warns, naming the pointer, about the $ref it could not resolve', async () => {
    const { diagnostics } = await modelOf('responses');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        pointer: '#/paths/~1items~1{id}/delete/responses/400',
        message: expect.stringContaining("'#/components/responses/Missing'"),
      }),
    ]);
  });
});
