import { describe, expect, it } from 'vitest';
import { StructureKind } from 'ts-morph';
import type { Operation } from '../../src/model/types.js';
import { methodDocs } from '../../src/emit/method-docs.js';
import { createCustomer, deleteCustomer, getCustomer, listCustomers } from './fixtures/shop-api.js';
import { print } from './print.js';

function docsOf(operation: Operation): string {
  const text = print([{ kind: StructureKind.Function, name: 'f', docs: methodDocs(operation, 'customers') }]);
  return text.slice(0, text.indexOf('function'));
}

describe('methodDocs', () => {
  it('has summary, description, @param per argument, @returns, @throws per class, @example and @see', () => {
    expect(docsOf(getCustomer)).toBe(
      [
        '/**',
        ' * Get a customer',
        ' *',
        ' * Returns one customer by id.',
        ' *',
        ' * @param id - The customer id.',
        ' * @param options - Per-request options: timeout, retries, abort signal, extra headers.',
        ' * @returns `CustomersGetResponse` (The customer); rejects with `CustomersGetError`.',
        ' * @throws {NotFoundError} 404',
        ' * @throws {APIError} 418',
        ' * @example Usage',
        ' * ```ts',
        ' * const result = await client.customers.get(1);',
        ' * console.log(result);',
        ' * ```',
        ' * @see GET /customers/{id}',
        ' */',
        '',
      ].join('\n'),
    );
  });

  it('names each error class once, with every status it stands for', () => {
    const operation: Operation = {
      ...getCustomer,
      errors: [...getCustomer.errors, { ...getCustomer.errors[1]!, status: 420, description: 'Calm down' }],
    };
    const docs = docsOf(operation);
    expect(docs).toContain(' * @throws {APIError} 418, 420\n');
    expect(docs.match(/@throws \{APIError\}/g)).toHaveLength(1);
    expect(docs).not.toContain('Calm down');
  });

  it('walks pages in the example of a paginated list, and writes none when a body must be made up', () => {
    expect(docsOf(listCustomers)).toContain(
      [' * for await (const item of client.customers.list()) {', ' *   console.log(item);', ' * }'].join('\n'),
    );
    expect(docsOf(createCustomer)).not.toContain('@example');
  });

  it('adds one @throws {UnexpectedStatusError} for documented 4XX, 5XX and default responses, with the statuses they cover', () => {
    const operation: Operation = {
      ...getCustomer,
      hasDefaultError: true,
      defaultErrors: [
        { range: '4XX', bodyType: 'unknown' },
        { range: '5XX', description: 'Server trouble', bodyType: 'unknown' },
        { range: 'default', description: 'Unexpected error', bodyType: 'unknown' },
      ],
    };
    expect(docsOf(operation)).toContain(
      [
        ' * @throws {APIError} 418',
        ' * @throws {UnexpectedStatusError} any other 4xx status, any other 5xx status, any other non-2xx status',
      ].join('\n'),
    );
  });

  it('falls back to METHOD path as the summary and marks deprecation', () => {
    const docs = docsOf(deleteCustomer);
    expect(docs).toContain(' * DELETE /customers/{id}\n');
    expect(docs).toContain(' * @deprecated\n');
  });

  it('escapes spec text', () => {
    const docs = docsOf({ ...getCustomer, summary: 'a */ b', description: 'x\n@internal y' });
    expect(docs).toContain(' * a *\\/ b\n');
    expect(docs).toContain(' * \\@internal y\n');
  });
});
