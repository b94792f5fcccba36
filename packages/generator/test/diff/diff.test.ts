import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/diff.js';
import { tempDir } from '../fixtures/temp-dir.js';
import { spec } from './diff-fixtures.js';

/** An API whose one operation uses an API key, so the environment prefix shows in the model. */
function keyed(title: string, parameters = '[]'): string {
  return spec(
    `
security: [{ key: [] }]
paths:
  /items: { get: { operationId: items.list, parameters: ${parameters}, responses: { "200": { description: OK } } } }
components:
  securitySchemes: { key: { type: apiKey, in: header, name: X-Key } }`,
    title,
  );
}

describe('diff()', () => {
  it('finds nothing between identical specs and writes no changeset', async () => {
    const dir = await tempDir({ 'api.yaml': keyed('Shop') });
    const changesetDir = path.join(dir, '.changeset');
    const result = await diff({
      base: path.join(dir, 'api.yaml'),
      spec: path.join(dir, 'api.yaml'),
      name: '@acme/shop',
      changesetDir,
    });
    expect(result).toMatchObject({ ok: true, changes: [], bump: undefined, changeset: undefined, diagnostics: [] });
    expect(await readdir(dir)).toEqual(['api.yaml']);
  });

  it('models both sides with the same names, so a new title does not rename environment variables', async () => {
    const dir = await tempDir({ 'old.yaml': keyed('Shop'), 'new.yaml': keyed('Store') });
    const result = await diff({
      base: path.join(dir, 'old.yaml'),
      spec: path.join(dir, 'new.yaml'),
      name: '@acme/shop',
      dryRun: true,
    });
    expect(result.changes.map((change) => `${change.bump} ${change.message}`)).toEqual(['patch API: title changed']);
  });

  it('takes the spec and model options of the SDK named `name` from a config', async () => {
    const dir = await tempDir({
      'old.yaml': keyed('Shop'),
      'new.yaml': keyed('Shop', '[{ name: q, in: query, schema: { type: string } }]'),
    });
    const config = path.join(dir, 'sdkgen.config.json');
    await writeFile(
      config,
      JSON.stringify({ sdks: [{ spec: 'new.yaml', out: 'pkg', name: '@acme/shop', envPrefix: 'ACME' }] }),
    );
    const result = await diff({ base: path.join(dir, 'old.yaml'), config, name: '@acme/shop', dryRun: true });
    expect(result.changes.map((change) => change.message)).toEqual(['items.list: parameter `q` added (optional)']);
    const other = await diff({ base: path.join(dir, 'old.yaml'), config, name: '@acme/other', dryRun: true });
    expect(other).toMatchObject({
      ok: false,
      diagnostics: [{ file: config, pointer: '#/sdks', message: 'no SDK named @acme/other' }],
    });
  });

  it('refuses a client name or prefix generate() would refuse, naming the spec, before reading any spec', async () => {
    const dir = await tempDir({ 'api.yaml': keyed('Shop') });
    const spec = path.join(dir, 'api.yaml');
    const result = await diff({ base: spec, spec, name: '@acme/shop', clientName: 'APIError', envPrefix: 'A-B' });
    expect(result).toMatchObject({ ok: false, changes: [], changeset: undefined });
    expect(result.diagnostics.map(({ file, pointer, message }) => ({ file, pointer, message }))).toEqual([
      { file: spec, pointer: '#', message: expect.stringContaining("client name 'APIError'") },
      { file: spec, pointer: '#', message: "environment prefix 'A-B' must be letters, digits and underscores" },
    ]);
  });

  it('reports the errors of a spec that cannot be loaded, and compares nothing', async () => {
    const dir = await tempDir({
      'old.yaml':
        'openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths: { /a: { get: { responses: { "200": { $ref: "#/nope" } } } } }\n',
      'new.yaml': keyed('Shop'),
    });
    const result = await diff({
      base: path.join(dir, 'old.yaml'),
      spec: path.join(dir, 'new.yaml'),
      name: '@acme/shop',
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([{ severity: 'error', message: "Can't resolve $ref '#/nope'" }]);
    expect(result.changes).toEqual([]);
  });
});
