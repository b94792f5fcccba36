import {
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_TIMEOUT_MS,
} from '@revio-sdk/runtime';
import { describe, expect, it } from 'vitest';
import { packageView } from '../../src/emit/docs-view.js';
import type { Api, Operation } from '../../src/model/types.js';
import { getCustomer, shopApi, updateCustomer } from './fixtures/shop-api.js';
import { shopDocument } from './fixtures/shop-document.js';

const options = { packageName: '@acme/shop', clientName: 'ShopClient', document: shopDocument };
const view = packageView(shopApi, options);
const operationNamed = (resource: string, method: string) =>
  view.resources.find((r) => r.propertyName === resource)!.operations.find((o) => o.methodName === method)!;

/** The Shop API with one resource holding only `operation`. */
function apiWith(operation: Operation, changes: Partial<Api> = {}): Api {
  return { ...shopApi, resources: [{ ...shopApi.resources[0]!, operations: [operation] }], ...changes };
}

describe('packageView', () => {
  it('lists every auth option with its environment variable and whether it is required, then baseUrl', () => {
    expect(view.options.map(({ nameCode, envCode, defaultCell }) => `${nameCode} ${envCode} ${defaultCell}`)).toEqual([
      '`username` `SHOP_USERNAME` required',
      '`clientCode` `SHOP_CLIENT_CODE` required',
      '`password` `SHOP_PASSWORD` required',
      '`apiKey` `SHOP_API_KEY` none',
      '`baseUrl` `SHOP_BASE_URL` `https://eu.shop.example/v1`',
    ]);
  });

  it('describes a credential by its own description, else by the scheme that declares it', () => {
    expect(view.options.map(({ descriptionCell }) => descriptionCell)).toEqual([
      'API user name.',
      'Your tenant code.',
      'The HTTP Basic password.',
      'Sent as the `X-Api-Key` header.',
      'The API root every path is appended to.',
    ]);
  });

  it.each<[string, Api, string]>([
    ['a server URL: optional, defaulting to it', shopApi, '`https://eu.shop.example/v1`'],
    ['no server: required', { ...shopApi, servers: [] }, 'required'],
  ])('documents the base URL with %s', (_name, api, defaultCell) => {
    expect(packageView(api, options).options.at(-1)).toEqual({
      nameCode: '`baseUrl`',
      envCode: '`SHOP_BASE_URL`',
      defaultCell,
      descriptionCell: 'The API root every path is appended to.',
    });
  });

  it('prints the runtime defaults the client really uses', () => {
    expect(view).toMatchObject({
      defaultTimeoutMs: String(DEFAULT_TIMEOUT_MS),
      defaultMaxRetries: String(DEFAULT_MAX_RETRIES),
      defaultMaxRetryAfterMs: String(DEFAULT_MAX_RETRY_AFTER_MS),
      defaultMaxPages: String(DEFAULT_MAX_PAGES),
    });
  });

  it.each<[string, string, string]>([
    [
      'reports',
      'download',
      "const result = await client.reports.download('string', { template_id: 0 });\nconsole.log(result);",
    ],
    ['reports', 'createNote', 'const result = await client.reports.createNote();\nconsole.log(result);'],
    ['customers', 'list', 'for await (const item of client.customers.list()) {\n  console.log(item);\n}'],
    ['customers', 'delete', 'await client.customers.delete(0);'],
  ])('shows %s.%s called with only its required arguments, valued from the document', (resource, method, call) => {
    expect(operationNamed(resource, method).exampleBlock).toBe(
      `\`\`\`ts\nimport { ShopClient } from '@acme/shop';\n\nconst client = new ShopClient();\n${call}\n\`\`\``,
    );
  });

  it('starts the README with a list, a read and a create, naming the environment variables read', () => {
    expect(view.examples.quickStart).toBe(
      [
        '```ts',
        "import { ShopClient } from '@acme/shop';",
        '',
        '// Reads SHOP_USERNAME, SHOP_CLIENT_CODE, SHOP_PASSWORD and SHOP_API_KEY from the environment.',
        'const client = new ShopClient();',
        '',
        'for await (const item of client.customers.list()) {',
        '  console.log(item);',
        '}',
        '',
        'const record = await client.customers.get(0);',
        'console.log(record);',
        '',
        "const created = await client.customers.create({ name: 'string' });",
        'console.log(created);',
        '```',
      ].join('\n'),
    );
  });

  it('turns the first operation into the standalone example', () => {
    expect(view).toMatchObject({
      standaloneCallCode: '`client.customers.list()`',
      standaloneFunctionCode: '`customersList(core)`',
      coreCode: '`ShopCore`',
      coreModuleCode: '`@acme/shop/core`',
      funcsModuleCode: '`@acme/shop/funcs`',
    });
    expect(view.examples.standalone).toContain("import { customersList } from '@acme/shop/funcs';");
  });

  it('tables the error classes once per status, ascending, counting the operations that document it', () => {
    expect(view.errorClasses.map(({ status, classCode, countCell }) => `${status} ${classCode} ${countCell}`)).toEqual([
      '400 `BadRequestError` 1 operation',
      '401 `UnauthorizedError` 1 operation',
      '404 `NotFoundError` 2 operations',
      '418 `APIError<418>` 1 operation',
    ]);
    expect(view.errorClasses.map(({ meaningCell }) => meaningCell)).toEqual([
      'Invalid customer',
      'Bad credentials',
      'No such customer',
      'I am a teapot',
    ]);
  });

  it('has no README example, standalone call, error or catch-all row for an API without operations', () => {
    const empty = packageView({ ...shopApi, resources: [] }, options);
    expect(Object.values(empty.examples)).toEqual(Array(9).fill(''));
    expect([empty.standaloneCallCode, empty.standaloneFunctionCode]).toEqual(['', '']);
    expect(empty.errorClasses).toEqual([]);
    expect(empty.catchAllErrors).toEqual([]);
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
      '`CustomerCreate`, sent as `application/json`.',
      '`Created<CreatedBody>` (status 201): Created',
    ],
    [
      'reports',
      'createNote',
      '`ReportsCreateNoteBody`, sent as `application/x-www-form-urlencoded` (optional).',
      '`string` (status 200): Saved',
    ],
    ['customers', 'list', '', '`PageResult<CustomersListItem, CustomerList>` (status 200): A page'],
    [
      'customers',
      'update',
      '`CustomersUpdateBody`, sent as `application/json-patch+json`.',
      '`Customer` (status 200).',
    ],
  ])(
    'describes the body and response of %s.%s by the types the signature shows',
    (resource, method, bodyMd, responseMd) => {
      expect(operationNamed(resource, method)).toMatchObject({ bodyMd, responseMd });
    },
  );

  it('ends every error table with CommonError, and says undocumented statuses land there unless `default` is documented', () => {
    expect(
      operationNamed('customers', 'get').errors.map(
        ({ status, classCode, bodyCode }) => `${status} ${classCode} ${bodyCode}`,
      ),
    ).toEqual([
      '404 [`NotFoundError`](errors.md) `ErrorBody`',
      '418 [`APIError<418>`](errors.md) `ErrorBody`',
      'none [`CommonError`](errors.md) ',
    ]);
    expect(operationNamed('customers', 'get').errors.at(-1)!.descriptionCell).toBe(
      'Connection failure, timeout, abort, an undocumented status or an unreadable body.',
    );

    const withDefault = {
      ...getCustomer,
      defaultErrors: [{ range: 'default' as const, description: 'Any | other', bodyType: 'unknown' }],
    };
    const { resources, catchAllErrors } = packageView(apiWith(withDefault), options);
    const errors = resources[0]!.operations[0]!.errors;
    expect(errors.map(({ status, classCode }) => `${status} ${classCode}`)).toEqual([
      '404 [`NotFoundError`](errors.md)',
      '418 [`APIError<418>`](errors.md)',
      'default [`UnexpectedStatusError`](errors.md)',
      'none [`CommonError`](errors.md)',
    ]);
    expect(errors[2]!.descriptionCell).toMatch(/^Any other non-2xx status .*: Any \\\| other$/);
    expect(errors.at(-1)!.descriptionCell).toBe('Connection failure, timeout, abort or an unreadable body.');
    expect(
      catchAllErrors.map(({ rangeCode, coversCell, countCell }) => `${rangeCode} ${coversCell} ${countCell}`),
    ).toEqual(['`default` any other non-2xx status 1 operation']);
  });

  it("describes an error only where the operation's description differs from the status's usual meaning", () => {
    const gone = { ...updateCustomer, errors: [{ ...updateCustomer.errors[0]!, description: 'Gone | deleted' }] };
    const api = {
      ...shopApi,
      resources: [{ ...shopApi.resources[0]!, operations: [getCustomer, gone] }],
    };
    const [get, update] = packageView(api, options).resources[0]!.operations;
    expect(get!.errors[0]!.descriptionCell).toBe('');
    expect(update!.errors[0]!.descriptionCell).toBe('Gone \\| deleted');
  });

  it('keeps Markdown in table cells from breaking the table', () => {
    const piped = { ...getCustomer, summary: 'Get | fetch\nnow' };
    expect(packageView(apiWith(piped), options).resources[0]!.operations[0]!.summaryCell).toBe('Get \\| fetch now');
  });
});
