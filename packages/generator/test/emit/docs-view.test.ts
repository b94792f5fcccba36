import { describe, expect, it } from 'vitest';
import { packageView } from '../../src/emit/docs-view.js';
import type { Api, Operation } from '../../src/model/types.js';
import { getCustomer, shopApi } from './fixtures/shop-api.js';

const options = { packageName: '@acme/shop', clientName: 'ShopClient' };
const view = packageView(shopApi, options);
const operationNamed = (resource: string, method: string) =>
  view.resources.find((r) => r.propertyName === resource)!.operations.find((o) => o.methodName === method)!;

/** The Shop API with one resource holding only `operation`. */
function apiWith(operation: Operation, changes: Partial<Api> = {}): Api {
  return { ...shopApi, resources: [{ ...shopApi.resources[0]!, operations: [operation] }], ...changes };
}

describe('packageView', () => {
  it('lists every auth option with its environment variable and whether it is required', () => {
    expect(view.options.map(({ nameCode, envCode, required }) => `${nameCode} ${envCode} ${required}`)).toEqual([
      '`username` `SHOP_USERNAME` yes',
      '`clientCode` `SHOP_CLIENT_CODE` yes',
      '`password` `SHOP_PASSWORD` yes',
      '`apiKey` `SHOP_API_KEY` no',
    ]);
  });

  it.each<[string, Api, { required: string; description: string }]>([
    [
      'a server URL: optional, defaulting to it',
      shopApi,
      { required: 'no', description: 'The API root; default `https://eu.shop.example/v1`.' },
    ],
    ['no server: required', { ...shopApi, servers: [] }, { required: 'yes', description: 'The API root.' }],
  ])('documents the base URL with %s', (_name, api, want) => {
    const { baseUrlEnv, baseUrlRequired, baseUrlDescription } = packageView(api, options);
    expect({ baseUrlEnv, required: baseUrlRequired, description: baseUrlDescription }).toEqual({
      baseUrlEnv: '`SHOP_BASE_URL`',
      ...want,
    });
  });

  it('shows the first call of each resource with only its required arguments', () => {
    expect(view.exampleBlock).toContain("import { ShopClient } from '@acme/shop';");
    expect(view.exampleBlock).toContain(
      'await client.customers.list();\nawait client.reports.download(reportId, params);',
    );
  });

  it('tables the error classes once per status, ascending, counting the operations that document it', () => {
    expect(
      view.errorClasses.map(({ status, classCode, descriptionCell }) => `${status} ${classCode} ${descriptionCell}`),
    ).toEqual([
      '400 `BadRequestError` 1 operation',
      '401 `UnauthorizedError` 1 operation',
      '404 `NotFoundError` 2 operations',
      '418 `APIError<418>` 1 operation',
    ]);
  });

  it('has no error, pagination or standalone example for an API without operations', () => {
    const empty = packageView({ ...shopApi, resources: [] }, options);
    expect([empty.errorExample, empty.paginationExample, empty.standaloneExample]).toEqual([null, null, null]);
    expect(empty.errorClasses).toEqual([]);
  });

  it('names parameters by their TypeScript name, with the wire name when it differs', () => {
    expect(
      operationNamed('reports', 'download').params.map(({ nameCode, inCell, required }) => [
        nameCode,
        inCell,
        required,
      ]),
    ).toEqual([
      ['`reportId (report-id)`', 'path', 'yes'],
      ['`template_id`', 'query', 'yes'],
    ]);
  });

  it.each<[string, string, string, string]>([
    [
      'customers',
      'create',
      '`CustomersCreateBody`, sent as `application/json`.',
      '`Created<CustomersCreateResponse>` (status 201): Created',
    ],
    [
      'reports',
      'createNote',
      '`ReportsCreateNoteBody`, sent as `application/x-www-form-urlencoded` (optional).',
      '`ReportsCreateNoteResponse` (status 200): Saved',
    ],
    ['customers', 'list', '', '`PageResult<CustomersListItem, CustomersListResponse>` (status 200): A page'],
    [
      'customers',
      'update',
      '`CustomersUpdateBody`, sent as `application/json-patch+json`.',
      '`CustomersUpdateResponse` (status 200).',
    ],
  ])('describes the body and response of %s.%s', (resource, method, bodyMd, responseMd) => {
    expect(operationNamed(resource, method)).toMatchObject({ bodyMd, responseMd });
  });

  it('ends every error table with CommonError, and says undocumented statuses land there unless `default` is documented', () => {
    expect(operationNamed('customers', 'get').errors.map(({ status, classCode }) => `${status} ${classCode}`)).toEqual([
      '404 `NotFoundError`',
      '418 `APIError<418>`',
      'none `CommonError`',
    ]);
    expect(operationNamed('customers', 'get').errors.at(-1)!.descriptionCell).toContain('an undocumented status');

    const withDefault = {
      ...getCustomer,
      defaultErrors: [{ range: 'default' as const, description: 'Any | other', bodyType: 'unknown' }],
    };
    const { resources, catchAllErrors } = packageView(apiWith(withDefault), options);
    const errors = resources[0]!.operations[0]!.errors;
    expect(errors.map(({ status, classCode }) => `${status} ${classCode}`)).toEqual([
      '404 `NotFoundError`',
      '418 `APIError<418>`',
      'default `UnexpectedStatusError`',
      'none `CommonError`',
    ]);
    expect(errors[2]!.descriptionCell).toMatch(/: Any \\\| other$/);
    expect(errors.at(-1)!.descriptionCell).not.toContain('undocumented status');
    expect(catchAllErrors.map(({ rangeCode, countCell }) => `${rangeCode} ${countCell}`)).toEqual([
      '`default` 1 operation',
    ]);
  });

  it('keeps Markdown in table cells from breaking the table', () => {
    const piped = { ...getCustomer, summary: 'Get | fetch\nnow' };
    expect(packageView(apiWith(piped), options).resources[0]!.operations[0]!.summaryCell).toBe('Get \\| fetch now');
  });
});
