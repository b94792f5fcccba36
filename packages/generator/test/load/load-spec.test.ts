import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/load-spec.js';
import type { Diagnostic } from '../../src/model/types.js';
import { PUBLIC_SPECS, fixture, tempDir } from '../fixtures/temp-dir.js';

/** The parts of a diagnostic a test pins down (messages are Redocly's; only a fragment is checked). */
function summary({ severity, file, line, column, pointer, message }: Diagnostic, messageFragment: string) {
  return { severity, file, line, column, pointer, mentions: message.includes(messageFragment) };
}

describe('loadSpec', () => {
  it('loads a valid YAML spec without diagnostics', async () => {
    const dir = await tempDir({
      'spec.yaml': [
        'openapi: 3.0.3',
        'info: { title: Pets, version: "1" }',
        'paths:',
        '  /pets:',
        '    get:',
        '      responses:',
        '        "200": { description: ok }',
      ].join('\n'),
    });
    const result = await loadSpec(path.join(dir, 'spec.yaml'));
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(result.document?.['paths'] ?? {})).toEqual(['/pets']);
  });

  const broken: { name: string; file: string; want: { line: number; column: number; fragment: string }[] }[] = [
    { name: 'unparseable YAML', file: 'broken-yaml.yaml', want: [{ line: 9, column: 3, fragment: 'invalid YAML' }] },
  ];
  it.each(broken)('reports $name at file:line:col', async ({ file, want }) => {
    const result = await loadSpec(fixture(file));
    expect(result.document).toBeUndefined();
    expect(result.diagnostics.map((d, i) => summary(d, want[i]?.fragment ?? ''))).toEqual(
      want.map(({ line, column }) => ({
        severity: 'error',
        file: fixture(file),
        line,
        column,
        pointer: '#',
        mentions: true,
      })),
    );
  });

  it('reports unparseable JSON at file:line:col', async () => {
    const dir = await tempDir({ 'spec.json': '{\n  "openapi": "3.0.3",\n  "info" {}\n}' });
    const [diagnostic] = (await loadSpec(path.join(dir, 'spec.json'))).diagnostics;
    expect(diagnostic).toMatchObject({ severity: 'error', line: 3, column: 10, pointer: '#' });
    expect(diagnostic?.message).toMatch(/^invalid JSON/);
  });

  it('reports each unresolved $ref (local and file) with line, column, pointer and the $ref', async () => {
    const result = await loadSpec(fixture('bad-refs.yaml'));
    expect(result.diagnostics).toEqual([
      {
        severity: 'error',
        file: fixture('bad-refs.yaml'),
        line: 9,
        column: 11,
        pointer: '#/paths/~1pets/get/parameters/0',
        message: "Can't resolve $ref '#/components/parameters/Missing'",
      },
      expect.objectContaining({
        severity: 'error',
        line: 16,
        column: 17,
        pointer: '#/paths/~1pets/get/responses/200/content/application~1json/schema',
        message: expect.stringMatching(/^Can't resolve \$ref '\.\/no-such-file\.yaml': ENOENT/),
      }),
    ]);
  });

  it('reports structural errors as errors, but schema problems only as warnings', async () => {
    const result = await loadSpec(fixture('invalid-structure.yaml'));
    expect(result.diagnostics.map((d) => [d.severity, `${d.line}:${d.column}`, d.pointer])).toEqual([
      ['error', '10:15', '#/paths/~1pets/get/parameters/0/in'],
      ['warning', '19:7', '#/components/schemas/Pet/nullable'],
    ]);
  });

  const unsupported = [
    {
      name: 'OpenAPI 4.0',
      text: 'openapi: 4.0.0\ninfo: { title: X, version: "1" }\npaths: {}\n',
      pointer: '#/openapi',
      line: 1,
    },
    { name: 'Swagger 1.2', text: 'info: { title: X, version: "1" }\nswagger: "1.2"\n', pointer: '#/swagger', line: 2 },
    { name: 'no version field', text: 'info: { title: X, version: "1" }\n', pointer: '#', line: 1 },
    { name: 'a list', text: '- 1\n- 2\n', pointer: '#', line: 1 },
  ];
  it.each(unsupported)('refuses $name with a located error', async ({ text, pointer, line }) => {
    const dir = await tempDir({ 'spec.yaml': text });
    const result = await loadSpec(path.join(dir, 'spec.yaml'));
    expect(result.document).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', pointer, line, column: 1 })]);
  });

  it('reports a missing file', async () => {
    const result = await loadSpec('no/such/spec.yaml');
    expect(result.diagnostics).toEqual([
      { severity: 'error', file: 'no/such/spec.yaml', pointer: '#', message: 'cannot read the spec: file not found' },
    ]);
  });

  it('bundles relative-file $refs into one document, keeping local refs', async () => {
    const result = await loadSpec(path.join(PUBLIC_SPECS, 'multi-file-external-ref/has_external_ref.json'));
    expect(result.diagnostics).toEqual([]);
    const get = (result.document?.['paths'] as Record<string, Record<string, unknown>>)['/articles']?.['get'];
    expect(get).toMatchObject({
      responses: {
        200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/external_ref' } } } },
        default: { $ref: '#/components/responses/Error' },
      },
    });
    expect(result.document?.['components']).toEqual({
      schemas: { external_ref: { type: 'string' } },
      responses: { Error: { description: 'Error response' } },
    });
  });

  it('converts Swagger 2.0 to OpenAPI 3.0 and says so in a warning', async () => {
    const file = path.join(PUBLIC_SPECS, 'okta-swagger2.yaml');
    const result = await loadSpec(file);
    expect(result.document?.['openapi']).toBe('3.0.0');
    expect(result.document?.['swagger']).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file,
        pointer: '#/swagger',
        line: 16,
        column: 1,
        message: expect.stringContaining('swagger2openapi'),
      }),
    ]);
    const schemes = (result.document?.['components'] as Record<string, unknown>)['securitySchemes'];
    expect(schemes).toMatchObject({ api_token: { type: 'apiKey', in: 'header', name: 'Authorization' } });
  });

  it('validates the converted Swagger 2.0 document (pointers into it, no line numbers)', async () => {
    const operation = '{ operationId: same, responses: { "200": { description: ok } } }';
    const dir = await tempDir({
      'spec.yaml': `swagger: "2.0"\ninfo: { title: X, version: "1" }\npaths:\n  /a:\n    get: ${operation}\n    put: ${operation}\n`,
    });
    const result = await loadSpec(path.join(dir, 'spec.yaml'));
    expect(result.diagnostics.map((d) => [d.severity, d.pointer, d.line])).toEqual([
      ['warning', '#/swagger', 1],
      // (Redocly ends this pointer with the duplicate value instead of `operationId`.)
      ['error', expect.stringMatching(/^#\/paths\/~1a\/put\//), undefined],
    ]);
  });

  it('refuses a Swagger 2.0 document swagger2openapi cannot convert', async () => {
    const dir = await tempDir({
      'spec.yaml':
        'swagger: "2.0"\ninfo: { title: X, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200": { description: ok, schema: { $ref: "#/definitions/Missing" } }\n',
    });
    const result = await loadSpec(path.join(dir, 'spec.yaml'));
    expect(result.document).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        pointer: '#/swagger',
        line: 1,
        message: expect.stringContaining('#/definitions/Missing'),
      }),
    ]);
  });

  it('locates pointers in the source file for later diagnostics', async () => {
    const result = await loadSpec(fixture('bad-refs.yaml'));
    expect(result.locate('#/components/parameters/Limit')).toEqual({ line: 19, column: 5 });
    // A pointer that does not exist is placed at its nearest existing ancestor, the root at 1:1.
    expect(result.locate('#/components/parameters/Missing')).toEqual({ line: 18, column: 3 });
    expect(result.locate('#/nowhere')).toEqual({ line: 1, column: 1 });
  });
});
