import { describe, expect, it } from 'vitest';
import { StructureKind } from 'ts-morph';
import type { Operation } from '../../src/model/types.js';
import { methodDocs } from '../../src/emit/method-docs.js';
import { deleteCustomer, getCustomer } from './fixtures/shop-api.js';
import { print } from './print.js';

function docsOf(operation: Operation): string {
  const text = print([{ kind: StructureKind.Function, name: 'f', docs: methodDocs(operation) }]);
  return text.slice(0, text.indexOf('function'));
}

describe('methodDocs', () => {
  it('has summary, description, @param per argument, @throws per status and @see', () => {
    expect(docsOf(getCustomer)).toBe(
      [
        '/**',
        ' * Get a customer',
        ' *',
        ' * Returns one customer by id.',
        ' *',
        ' * @param id - The customer id.',
        ' * @param options - Per-request options: timeout, retries, abort signal, extra headers.',
        ' * @throws {NotFoundError} 404 - No such customer',
        ' * @throws {ApiError} 418 - I am a teapot',
        ' * @see GET /customers/{id}',
        ' */',
        '',
      ].join('\n'),
    );
  });

  it('adds @throws {UnexpectedStatusError} for documented 4XX, 5XX and default responses, with the statuses they cover and how to read them', () => {
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
        ' * @throws {ApiError} 418 - I am a teapot',
        " * @throws {UnexpectedStatusError} any other 4xx status (`status` undefined, `kind: 'unexpected_status'`, the status in `httpStatus`)",
        " * @throws {UnexpectedStatusError} any other 5xx status (`status` undefined, `kind: 'unexpected_status'`, the status in `httpStatus`) - Server trouble",
        " * @throws {UnexpectedStatusError} any other non-2xx status (`status` undefined, `kind: 'unexpected_status'`, the status in `httpStatus`) - Unexpected error",
        ' * @see GET /customers/{id}',
      ].join('\n'),
    );
  });

  it('says the body is typed when a JSON `default` response types it', () => {
    const operation: Operation = {
      ...getCustomer,
      hasDefaultError: true,
      defaultErrors: [{ range: 'default', bodyType: 'components["schemas"]["Error"]' }],
    };
    expect(docsOf(operation)).toContain(
      " * @throws {UnexpectedStatusError} any other non-2xx status (`status` undefined, `kind: 'unexpected_status'`, the status in `httpStatus`, `body` typed from the spec)\n",
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
