/**
 * The whole output for a small spec, one file snapshot per generated file, so that a review shows every
 * change to what the generator writes as a diff. `npx vitest run test/integration/generated-output.test.ts -u`
 * updates them after an intended change.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/index.js';
import { snapshotDir } from '../fixtures/output-dir.js';
import { fixture, tempDir } from '../fixtures/temp-dir.js';

const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
const VERSIONS = [manifest.version, manifest.dependencies['@revio-sdk/runtime']!];

/** The output with the generator's and runtime's versions as `<version>`, so that a release changes no snapshot. */
function withoutVersions(contents: string): string {
  return VERSIONS.reduce((text, version) => text.replaceAll(version, '<version>'), contents);
}

describe('the generated output for the petstore spec', () => {
  it('is what the snapshots show, file by file', async () => {
    // A workspace like the repo's, so the relative paths written into the package are the same on every machine.
    const root = await tempDir({
      'tsconfig.base.json': '{}',
      'openapi/petstore.yaml': await readFile(fixture('petstore.yaml'), 'utf8'),
    });
    const out = path.join(root, 'packages/pets');
    const result = await generate({ spec: path.join(root, 'openapi/petstore.yaml'), out, name: '@acme/pets' });
    expect(result).toMatchObject({ ok: true, diagnostics: [] });

    const files = await snapshotDir(out);
    const names = Object.keys(files).sort();
    await expect(`${names.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/petstore/files.txt');
    for (const name of names) {
      // `.snap`: the snapshots are not part of the generator's sources (no type-check, lint, test or nx project).
      await expect(withoutVersions(files[name]!)).toMatchFileSnapshot(`__snapshots__/petstore/${name}.snap`);
    }
  });
});
