import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { transformDocument } from '../../src/emit/schema-transform.js';
import { shopDocument } from './fixtures/shop-document.js';

const info = { title: 't', version: '1' };

/** Discriminated union: openapi-typescript writes mapping details into the document while it works. */
const petsDocument = {
  openapi: '3.0.3',
  info,
  paths: {
    '/pets': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Pet: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: {
          propertyName: 'kind',
          mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' },
        },
      },
      Cat: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, lives: { type: 'integer' } } },
      Dog: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { type: 'string' }, good: { type: 'boolean', nullable: true } },
      },
    },
  },
};

const noComponentsDocument = {
  openapi: '3.1.0',
  info,
  paths: {
    '/ping': {
      get: {
        parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }],
        responses: { '204': { description: 'ok' } },
      },
    },
  },
};

describe('transformDocument', () => {
  it.each([
    ['shop', shopDocument],
    ['discriminators', petsDocument],
    ['no components', noComponentsDocument],
  ])('prints what openapiTS() prints for an already bundled document: %s', async (_name, document) => {
    const direct = astToString(await transformDocument(document));
    const viaOpenapiTS = astToString(
      await openapiTS(structuredClone(document) as never, { silent: true, enum: false }),
    );
    expect(direct).toBe(viaOpenapiTS);
  });

  it('leaves the caller’s document untouched', async () => {
    const document = structuredClone(petsDocument);
    await transformDocument(document);
    expect(document).toEqual(petsDocument);
  });

  it('types a union branch that is an array of the schema itself as unknown[] (openapi-typescript#1603)', async () => {
    const json = { oneOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/components/schemas/Json' } }] };
    const tree = {
      type: 'object',
      properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } },
    };
    const text = astToString(
      await transformDocument({
        openapi: '3.1.0',
        info,
        paths: {},
        components: { schemas: { Json: json, Tree: tree } },
      }),
    );
    expect(text).toContain('Json: string | unknown[];');
    expect(text).toContain('children?: components["schemas"]["Tree"][];');
  });
});
