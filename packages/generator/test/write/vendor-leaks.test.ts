import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/index.js';
import { snapshotDir } from '../fixtures/output-dir.js';
import { fixture, tempDir } from '../fixtures/temp-dir.js';

/** The generator is not Rev.io's: nothing of Rev.io's spec (its customers, say) may reach another API's SDK. */
describe('an SDK for a spec without customers', () => {
  it('never says "customer", in any file', async () => {
    const spec = await readFile(fixture('petstore.yaml'), 'utf8');
    expect(spec.toLowerCase()).not.toContain('customer');
    const root = await tempDir({ 'tsconfig.base.json': '{}', 'openapi/petstore.yaml': spec });
    const out = path.join(root, 'packages/pets');
    const result = await generate({ spec: path.join(root, 'openapi/petstore.yaml'), out, name: '@acme/pets' });
    expect(result.ok).toBe(true);
    const files = await snapshotDir(out);
    expect(Object.keys(files)).toContain('src/core.ts');
    const leaks = Object.entries(files).flatMap(([file, text]) =>
      text.split('\n').flatMap((line, index) => (/customer/i.test(line) ? [`${file}:${index + 1}: ${line}`] : [])),
    );
    expect(leaks).toEqual([]);
  });
});
