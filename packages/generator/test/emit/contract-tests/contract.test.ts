import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildContract } from '../../../src/emit/contract-tests/contract.js';
import type { Contract } from '../../../src/emit/contract-tests/contract-types.js';
import { resolveNode } from '../../../src/emit/contract-tests/samples.js';
import { loadSpec } from '../../../src/load/load-spec.js';
import { buildModel } from '../../../src/model/build-model.js';
import { chooseResponseMediaType } from '../../../src/model/media-types.js';
import { valueAtPointer } from '../../../src/load/json-pointer.js';
import { asNode } from '../../../src/model/spec-node.js';
import type { Api } from '../../../src/model/types.js';
import { PUBLIC_SPECS, tempDir } from '../../fixtures/temp-dir.js';

const REVIO_SPEC = path.resolve(import.meta.dirname, '../../../../../openapi/revio.yaml');
/**
 * A public spec whose generated suite the corpus test runs too. (Of the other two there, one has no JSON
 * response schemas, and intellifi's defeat any sample: `Blob` requires a `key` it never declares, and
 * `Item` is `oneOf` two object schemas that every object matches.)
 */
const CORPUS_SPECS = ['netlify.com.json'];

async function contractOf(file: string): Promise<{ contract: Contract; api: Api; document: object }> {
  const loaded = await loadSpec(file);
  if (loaded.document === undefined) throw new Error(`${file} did not load`);
  const { api } = buildModel(loaded.document, { sourceFile: file, clientName: 'ShopClient' });
  return { contract: buildContract(api, loaded.document, 'ShopClient'), api, document: loaded.document };
}

const SHOP = `
openapi: 3.1.0
info: { title: Shop, version: '1' }
servers: [{ url: https://shop.example.com/v1 }]
security: [{ basic: [] }, { key: [] }]
x-sdk-pagination: { style: page, pageParam: page, itemsField: records, hasMoreField: has_more }
paths:
  /orders:
    get:
      operationId: orders.list
      parameters:
        - { name: page, in: query, schema: { type: integer } }
        - { name: status, in: query, schema: { type: array, items: { type: string, enum: [open, paid] } } }
        - { name: X-Tenant, in: header, schema: { type: string, example: acme } }
      responses:
        '200':
          description: A page
          content:
            application/json:
              schema:
                type: object
                properties:
                  has_more: { type: boolean }
                  records: { type: array, items: { $ref: '#/components/schemas/Order' } }
        '404': { $ref: '#/components/responses/NotFound' }
    post:
      operationId: orders.create
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } }
      responses:
        '201':
          description: Created
          content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } }
        '422': { description: Invalid, content: { application/json: { example: { message: bad total } } } }
  /orders/{code}:
    delete:
      operationId: orders.delete
      parameters: [{ name: code, in: path, required: true, schema: { type: string } }]
      responses:
        '204': { description: Gone }
        '418': { description: A teapot }
components:
  securitySchemes:
    basic: { type: http, scheme: basic }
    key: { type: apiKey, in: query, name: api_key }
  responses:
    NotFound:
      description: Not found
      content: { application/json: { schema: { type: object, properties: { message: { type: string } } } } }
  schemas:
    Order:
      type: object
      required: [id, total]
      properties:
        id: { type: integer, readOnly: true, example: 7 }
        total: { type: number, example: 12.5 }
`;

describe('the contract of an API', async () => {
  const dir = await tempDir({ 'shop.yaml': SHOP });
  const { contract } = await contractOf(path.join(dir, 'shop.yaml'));
  const operation = (id: string) => contract.operations.find((candidate) => candidate.operationId === id)!;

  it('gives the client a value for every credential and expects the headers and query they make', () => {
    expect(contract.coreClass).toBe('ShopCore');
    expect(contract.clientOptions).toEqual({
      username: 'test-username',
      password: 'test-password',
      key: 'test-key',
    });
    expect(contract.auth).toEqual({
      headers: { authorization: `Basic ${Buffer.from('test-username:test-password').toString('base64')}` },
      query: [['api_key', 'test-key']],
      cookies: [],
    });
  });

  it('calls a list with sampled params and expects them on the wire, leaving the page to the runtime', () => {
    const list = operation('orders.list');
    expect(list).toMatchObject({ functionName: 'ordersList', method: 'GET', idempotent: true });
    expect(list.args).toEqual([{ status: ['open'], 'X-Tenant': 'acme' }]);
    expect(list.request).toEqual({
      path: '/orders',
      headers: { 'x-tenant': 'acme' },
      query: [['status', 'open']],
      cookies: [],
    });
    expect(list.errors).toEqual([
      { status: 404, className: 'NotFoundError', contentType: 'application/json', body: { message: 'string' } },
    ]);
  });

  it('pages a list three times, items numbered in order, the end marker on the last page only', () => {
    const pagination = operation('orders.list').pagination!;
    expect(pagination.pageParam).toBe('page');
    expect(pagination.items).toEqual([7, 8, 9, 10, 11, 12].map((id) => ({ id, total: 12.5 })));
    expect(pagination.pages).toEqual([
      { has_more: true, records: pagination.items.slice(0, 2) },
      { has_more: true, records: pagination.items.slice(2, 4) },
      { has_more: false, records: pagination.items.slice(4, 6) },
    ]);
  });

  it('sends a create without read-only fields and expects Created with the id and Location', () => {
    const create = operation('orders.create');
    expect(create.idempotent).toBe(false);
    expect(create.args).toEqual([{ total: 12.5 }]);
    expect(create.request.body).toEqual({ contentType: 'application/json', kind: 'json', value: { total: 12.5 } });
    expect(create.success).toMatchObject({ status: 201, headers: { location: '/created/created-OrdersCreate' } });
    expect(create.success.result).toEqual({
      data: { id: 7, total: 12.5 },
      id: 7,
      location: '/created/created-OrdersCreate',
    });
    expect(create.errors).toEqual([
      {
        status: 422,
        className: 'UnprocessableEntityError',
        contentType: 'application/json',
        body: { message: 'bad total' },
      },
    ]);
  });

  it('encodes a free-form path value and picks an undocumented status the operation does not use', () => {
    const remove = operation('orders.delete');
    expect(remove.args).toEqual(['string a/b']);
    expect(remove.request.path).toBe('/orders/string%20a%2Fb');
    expect(remove.success).toEqual({ status: 204, kind: 'empty' });
    expect(remove.errors).toEqual([{ status: 418, className: 'APIError' }]);
    expect(remove.undocumentedStatus).toBe(451);
  });
});

/** A validator for the schema of a documented response's media type, `$ref`s followed through the document. */
function responseValidator(
  ajv: Ajv,
  document: object,
  operationPointer: string,
  status: number,
): ValidateFunction | undefined {
  let pointer = `${operationPointer}/responses/${status}`;
  const follow = () => {
    const ref = asNode(valueAtPointer(document, pointer))?.['$ref'];
    if (typeof ref === 'string') pointer = ref;
  };
  follow();
  const content = resolveNode(document, asNode(valueAtPointer(document, pointer))?.['content']);
  const chosen = chooseResponseMediaType(Object.keys(content ?? {}));
  if (chosen === undefined || (chosen.kind !== 'json' && chosen.kind !== 'json-patch')) return undefined;
  pointer = `${pointer}/content/${chosen.mediaType.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  follow();
  if (asNode(valueAtPointer(document, `${pointer}/schema`)) === undefined) return undefined;
  return ajv.compile({ $ref: `spec${pointer}/schema` });
}

describe.each([
  ['openapi/revio.yaml', REVIO_SPEC],
  ...CORPUS_SPECS.map((name) => [name, path.join(PUBLIC_SPECS, name)]),
])('the sample responses of %s', (name, file) => {
  it('validate against their schemas', async () => {
    const { contract, api, document } = await contractOf(file);
    const openapi31 = api.openapiVersion.startsWith('3.1');
    // OpenAPI's own keywords (example, xml, discriminator...) are not JSON Schema: ignored, as are formats.
    const options = { strict: false, validateFormats: false, validateSchema: false, allErrors: true } as const;
    const ajv = openapi31 ? new Ajv2020(options) : new Ajv(options);
    if (!openapi31) {
      // Ajv's `nullable` refuses a schema without `type`, which OpenAPI 3.0 allows: kept as a plain keyword.
      ajv.removeKeyword('nullable');
      ajv.addKeyword('nullable');
    }
    ajv.addSchema(document, 'spec');
    const pointers = new Map(api.resources.flatMap((r) => r.operations.map((o) => [o.operationId, o.pointer])));
    let validated = 0;
    for (const operation of contract.operations) {
      const pointer = pointers.get(operation.operationId)!;
      const samples = [
        { status: operation.success.status, bodies: operation.pagination?.pages ?? [operation.success.body] },
        ...operation.errors.map((error) => ({ status: error.status, bodies: [error.body] })),
      ];
      for (const { status, bodies } of samples) {
        const validate = responseValidator(ajv, document, pointer, status);
        for (const body of bodies) {
          if (validate === undefined || body === undefined) continue;
          expect(validate(body), `${operation.operationId} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
          validated++;
        }
      }
    }
    console.log(`${name}: ${validated} sample responses validated, ${contract.operations.length} operations`);
    expect(validated).toBeGreaterThan(contract.operations.length / 2);
  }, 60_000);
});
