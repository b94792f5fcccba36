import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { transformDocument } from '../../src/emit/schema-transform.js';
import type { SchemaFallback } from '../../src/emit/schema-fallback.js';
import { generate } from '../../src/index.js';
import { loadSpec } from '../../src/load/load-spec.js';
import { fixture, tempDir } from '../fixtures/temp-dir.js';

const SPEC = fixture('untransformable-schema.yaml');

describe('schemas openapi-typescript cannot transform', () => {
  it('are typed unknown, one warning each naming the innermost schema, and the rest is typed as usual', async () => {
    const document = (await loadSpec(SPEC)).document!;
    const untouched = structuredClone(document);
    const fallbacks: SchemaFallback[] = [];
    const text = astToString(await transformDocument(document, (fallback) => fallbacks.push(fallback)));

    expect(fallbacks.map(({ pointer }) => pointer).sort()).toEqual([
      '#/components/schemas/PushStatus',
      '#/paths/~1flags/get/responses/200/content/application~1json/schema/properties/mode',
    ]);
    for (const { message } of fallbacks)
      expect(message).toMatch(
        /^openapi-typescript cannot type this schema \(Expected SchemaObject, received string at .+\); typed as unknown$/,
      );
    expect(text).toMatch(/\/\*\* @description Whether the value is pushed\. \*\/\s+PushStatus: unknown;/);
    expect(text).toContain('mode?: unknown;');
    expect(text).toContain('name?: string;');
    expect(text).toContain('status?: components["schemas"]["PushStatus"];');
    expect(text).toContain('enabled?: boolean;');
    expect(document).toEqual(untouched);
  });

  it('report nothing for a document openapi-typescript transforms', async () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {},
      components: { schemas: { Mode: { type: 'string', enum: ['A', 'B'] } } },
    };
    const fallbacks: SchemaFallback[] = [];
    expect(astToString(await transformDocument(document, (fallback) => fallbacks.push(fallback)))).toContain(
      'Mode: "A" | "B";',
    );
    expect(fallbacks).toEqual([]);
  });

  it('make generate() warn with the file, line and pointer instead of failing', async () => {
    const root = await tempDir({ 'tsconfig.base.json': '{}', 'flags.yaml': await readFile(SPEC, 'utf8') });
    const spec = path.join(root, 'flags.yaml');
    const result = await generate({ spec, out: path.join(root, 'flags'), name: 'flags' });
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: spec,
        line: 28,
        pointer: '#/components/schemas/PushStatus',
        message: expect.stringContaining('typed as unknown'),
      }),
      expect.objectContaining({
        severity: 'warning',
        file: spec,
        line: 21,
        pointer: '#/paths/~1flags/get/responses/200/content/application~1json/schema/properties/mode',
      }),
    ]);
    expect(await readFile(path.join(root, 'flags/src/schema.ts'), 'utf8')).toContain('PushStatus: unknown;');
  });
});
