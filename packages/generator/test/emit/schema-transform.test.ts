import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import type { SchemaFallback } from '../../src/emit/schema-fallback.js';
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

/** $refs into a schema: an optional array's items, an optional property, an allOf with required, a oneOf member. */
const deepRefsDocument = {
  openapi: '3.0.3',
  info,
  paths: {},
  components: {
    schemas: {
      List: {
        type: 'object',
        properties: {
          items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
          total: { type: 'integer', nullable: true },
          first: { oneOf: [{ type: 'object', properties: { id: { type: 'string' } } }, { type: 'string' }] },
        },
      },
      Item: { $ref: '#/components/schemas/List/properties/items/items' },
      Total: { $ref: '#/components/schemas/List/properties/total' },
      Entry: { allOf: [{ $ref: '#/components/schemas/List/properties/items/items' }], required: ['id'] },
      First: { $ref: '#/components/schemas/List/properties/first/oneOf/0' },
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

  it.each([
    ['discriminators', petsDocument],
    ['deep refs', deepRefsDocument],
  ])('leaves the caller’s document untouched: %s', async (_name, original) => {
    const document = structuredClone(original);
    await transformDocument(document);
    expect(document).toEqual(original);
  });

  it('types a $ref into a schema by the schema at its pointer, never widened by an optional parent', async () => {
    const text = astToString(await transformDocument(deepRefsDocument));
    expect(text).toContain('Item: NonNullable<components["schemas"]["List"]["items"]>[number];');
    expect(text).toContain('Total: Exclude<components["schemas"]["List"]["total"], undefined>;');
    expect(text).toContain('Entry: WithRequired<NonNullable<components["schemas"]["List"]["items"]>[number], "id">;');
    expect(text).toMatch(/First: \{\s+id\?: string;\s+\};/);
  });

  it('types a $ref that can only be written as itself unknown, and reports it once with its pointer', async () => {
    const tree = {
      type: 'object',
      properties: {
        node: {
          allOf: [
            { type: 'object', properties: { child: { $ref: '#/components/schemas/Tree/properties/node/allOf/0' } } },
          ],
        },
      },
    };
    const fallbacks: SchemaFallback[] = [];
    const text = astToString(
      await transformDocument(
        { openapi: '3.1.0', info, paths: {}, components: { schemas: { Tree: tree } } },
        (fallback) => fallbacks.push(fallback),
      ),
    );
    expect(text).toContain('child?: unknown;');
    expect(fallbacks).toEqual([
      {
        pointer: '#/components/schemas/Tree/properties/node/allOf/0',
        message:
          'cannot type a $ref to #/components/schemas/Tree/properties/node/allOf/0 (the schema contains itself at a place TypeScript cannot name); typed as unknown',
      },
    ]);
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
