import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffConfig } from '../../src/index.js';
import { tempDir } from '../fixtures/temp-dir.js';

/** A spec with one operation and a webhook whose notification schema maps one event type. */
function spec({ extraOperation = false, eventField = false } = {}) {
  const operation = { operationId: 'items.list', responses: { '200': { description: 'ok' } } };
  return JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'Shop', version: '1' },
    paths: {
      '/items': { get: operation },
      ...(extraOperation ? { '/orders': { get: { ...operation, operationId: 'orders.list' } } } : {}),
    },
    webhooks: {
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
          required: ['type'],
          properties: { type: { type: 'string' } },
          discriminator: { propertyName: 'type', mapping: { placed: '#/components/schemas/Placed' } },
        },
        Placed: {
          allOf: [
            { $ref: '#/components/schemas/Note' },
            { properties: { type: { const: 'placed' }, ...(eventField ? { total: { type: 'number' } } : {}) } },
          ],
        },
      },
    },
  });
}

async function workspace(newSpec: string) {
  const dir = await tempDir({
    'old.json': spec(),
    'spec.json': newSpec,
    'sdkgen.config.json': JSON.stringify({
      sdks: [
        { spec: 'spec.json', out: 'client', name: '@shop/client' },
        { spec: 'spec.json', out: 'webhooks', name: '@shop/webhooks', kind: 'webhooks' },
      ],
    }),
  });
  const run = (dryRun: boolean) =>
    diffConfig({
      base: path.join(dir, 'old.json'),
      config: path.join(dir, 'sdkgen.config.json'),
      changesetDir: path.join(dir, '.changeset'),
      dryRun,
    });
  return { dir, run };
}

describe('diffConfig', () => {
  it("reports each package's changes and writes one changeset naming every package that changed", async () => {
    const { run } = await workspace(spec({ extraOperation: true, eventField: true }));
    const result = await run(false);
    expect(result.ok).toBe(true);
    const kinds = Object.fromEntries(
      result.packages.map(({ name, result: r }) => [name, r.changes.map((c) => c.kind)]),
    );
    expect(kinds['@shop/client']).toEqual(['resource-added', 'property-added-optional']);
    // The webhook package sees the event schema's change, not the new operation.
    expect(kinds['@shop/webhooks']).toEqual(['property-added-optional']);
    const content = await readFile(result.changeset!.path, 'utf8');
    expect(content.split('---')[1]?.trim().split('\n')).toEqual(['"@shop/client": minor', '"@shop/webhooks": minor']);
    expect(content).toContain('### @shop/webhooks');
  });

  it('names only the packages that changed', async () => {
    const { run } = await workspace(spec({ extraOperation: true }));
    const result = await run(true);
    expect(result.packages.map(({ name, result: r }) => [name, r.changes.length > 0])).toEqual([
      ['@shop/client', true],
      ['@shop/webhooks', false],
    ]);
    expect(result.changeset?.content.split('---')[1]?.trim()).toBe('"@shop/client": minor');
    expect(result.changeset?.written).toBe(false);
  });
});
