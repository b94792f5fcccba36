import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findWebhooks } from '../../../src/emit/webhooks/find-webhooks.js';
import { generate } from '../../../src/index.js';
import { tempDir } from '../../fixtures/temp-dir.js';

/** A spec with a handshake webhook and a notification whose discriminator maps two event types. */
function spec(overrides: { discriminator?: object } = {}) {
  return {
    openapi: '3.1.0',
    info: { title: 'Shop API', version: '1.0.0' },
    paths: {},
    webhooks: {
      confirm: {
        post: {
          parameters: [{ name: 'X-Secret', in: 'header', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok', headers: { 'x-secret': { schema: { type: 'string' } } } } },
        },
      },
      notify: {
        post: {
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } } },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: {
      schemas: {
        Note: {
          type: 'object',
          required: ['id', 'type'],
          properties: { id: { type: 'integer' }, type: { type: 'string' } },
          discriminator: overrides.discriminator ?? {
            propertyName: 'type',
            mapping: {
              'order placed': '#/components/schemas/OrderPlaced',
              'stock low': '#/components/schemas/StockLow',
            },
          },
        },
        OrderPlaced: {
          description: 'An order was placed.',
          allOf: [
            { $ref: '#/components/schemas/Note' },
            {
              type: 'object',
              required: ['order'],
              properties: { type: { const: 'order placed' }, order: { type: 'string' } },
            },
          ],
        },
        StockLow: { allOf: [{ $ref: '#/components/schemas/Note' }, { properties: { type: { const: 'stock low' } } }] },
      },
    },
  };
}

describe('findWebhooks', () => {
  it('finds the event types, their schemas, the discriminator and the echoed handshake header', () => {
    expect(findWebhooks(spec())).toEqual({
      notificationSchema: 'Note',
      discriminator: 'type',
      events: [
        { type: 'order placed', schemaName: 'OrderPlaced', description: 'An order was placed.' },
        { type: 'stock low', schemaName: 'StockLow', description: undefined },
      ],
      handshakeHeader: 'X-Secret',
    });
  });

  it('names the place of what is missing', () => {
    expect(findWebhooks({ openapi: '3.1.0', paths: {} })).toEqual({
      pointer: '#/webhooks',
      message: 'the spec has no webhooks to generate a package from',
    });
    expect(
      findWebhooks(spec({ discriminator: { propertyName: 'type', mapping: { x: 'https://elsewhere/x' } } })),
    ).toEqual({
      pointer: '#/components/schemas/Note/discriminator/mapping/x',
      message: 'expected a $ref to a schema under #/components/schemas/',
    });
  });
});

describe('generate with kind "webhooks"', () => {
  it('writes a receiver package whose validators need nothing at run time', async () => {
    const dir = await tempDir({ 'shop.json': JSON.stringify(spec()) });
    const out = path.join(dir, 'webhooks');
    const result = await generate({ spec: path.join(dir, 'shop.json'), out, kind: 'webhooks', name: '@shop/webhooks' });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(result.written.sort()).toEqual([
      'README.md',
      'docs/events.md',
      'package.json',
      'src/index.ts',
      'src/schema.ts',
      'src/validators.d.ts',
      'src/validators.js',
      'src/webhooks.ts',
      'test/generated/webhooks.test.ts',
      'tsconfig.json',
    ]);
    const module = await readFile(path.join(out, 'src/webhooks.ts'), 'utf8');
    expect(module).toContain("'order placed': components['schemas']['OrderPlaced'];");
    expect(module).toContain("handshakeHeader: 'X-Secret',");
    expect(await readFile(path.join(out, 'src/validators.js'), 'utf8')).not.toMatch(/\brequire\(/);
    const tests = await readFile(path.join(out, 'test/generated/webhooks.test.ts'), 'utf8');
    expect(tests).toContain('[["order placed","id"],["order placed","type"],["order placed","order"]');
  });

  it('fails with the place of the problem and writes nothing for a spec without webhooks', async () => {
    const dir = await tempDir({
      'api.json': JSON.stringify({ openapi: '3.1.0', info: { title: 'A', version: '1' }, paths: {} }),
    });
    const result = await generate({ spec: path.join(dir, 'api.json'), out: path.join(dir, 'out'), kind: 'webhooks' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        pointer: '#/webhooks',
        message: 'the spec has no webhooks to generate a package from',
      }),
    ]);
    expect(result.written).toEqual([]);
  });
});
