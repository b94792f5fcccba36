/**
 * Malformed and hostile specs (test/fixtures/hostile/, plus two built here because they are huge). Each
 * either fails with located diagnostics, leaving an existing output byte for byte as it was, or
 * generates a package that compiles strict (one tsc program over all of them) and carries the spec's
 * text only inside comments and strings. A regeneration over that output changes nothing.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/index.js';
import { fixture } from '../fixtures/temp-dir.js';
import { generatedSources, injectedCode, treeHash, typeCheckAll } from '../fixtures/generated-code.js';

/** Text every hostile payload carries; it must never become code. */
const MARKER = 'HOSTILE_MARKER';

/** `packages/generator/.tmp/hostile`: inside the workspace, so generated code resolves the runtime. */
const WORK = path.resolve(import.meta.dirname, '../../.tmp/hostile');

interface HostileCase {
  /** A file in test/fixtures/hostile, or a spec the test writes into WORK. */
  spec: string;
  /** `generates`, or the pointer and message of the error it must fail with. */
  want: 'generates' | { pointer: string | RegExp; message: RegExp };
}

const fails = (pointer: string | RegExp, message: RegExp) => ({ pointer, message });

const CASES: HostileCase[] = [
  // Not a readable OpenAPI document
  { spec: 'invalid-yaml.yaml', want: fails('#', /invalid YAML/) },
  { spec: 'invalid-json.json', want: fails('#', /invalid JSON/) },
  { spec: 'empty.yaml', want: fails('#', /not an OpenAPI document/) },
  { spec: 'comment-only.yaml', want: fails('#', /not an OpenAPI document/) },
  { spec: 'top-level-list.yaml', want: fails('#', /not an OpenAPI document/) },
  { spec: 'tab-indented.yaml', want: fails('#', /invalid YAML/) },
  { spec: 'duplicate-keys.yaml', want: fails('#', /duplicate/i) },
  { spec: 'missing-version.yaml', want: fails('#', /no `openapi`/) },
  { spec: 'wrong-version.yaml', want: fails('#/openapi', /unsupported OpenAPI version 4.0.0/) },
  { spec: 'numeric-version.yaml', want: fails('#/openapi', /must be a string/) },
  { spec: 'swagger-1.2.json', want: fails('#/swagger', /unsupported Swagger version 1.2/) },
  { spec: 'invalid-structure.yaml', want: fails('#/paths/~1things/get', /object/) },
  // $refs
  {
    spec: 'missing-ref.yaml',
    want: fails('#/paths/~1things/get/responses/200/content/application~1json/schema', /resolve/),
  },
  {
    spec: 'broken-ref.yaml',
    want: fails('#/paths/~1things/get/responses/200/content/application~1json/schema', /resolve/),
  },
  {
    spec: 'ref-missing-file.yaml',
    want: fails('#/paths/~1things/get/responses/200/content/application~1json/schema', /resolve/),
  },
  {
    spec: 'ref-escape/ref-outside-folder.yaml',
    want: fails('#/paths/~1things/get/responses/200/content/application~1json/schema', /outside the spec's folder/),
  },
  {
    spec: 'ref-absolute-path.yaml',
    want: fails('#/paths/~1things/get/responses/200/content/application~1json/schema', /outside the spec's folder/),
  },
  {
    spec: 'ref-remote-url.yaml',
    want: fails(
      '#/paths/~1things/get/responses/200/content/application~1json/schema',
      // http(s) $refs are fetched (issue 23); fetch itself refuses port 9, so nothing leaves the machine.
      /Can't resolve \$ref 'http:\/\/127\.0\.0\.1:9\/thing\.yaml': GET .*: cannot connect/,
    ),
  },
  { spec: 'ref-alias-cycle.yaml', want: fails('#/components/schemas/A', /\$ref cycle/) },
  { spec: 'ref-self-parameter.yaml', want: fails('#/components/parameters/Loop', /\$ref cycle/) },
  { spec: 'cycle-self.yaml', want: 'generates' },
  { spec: 'cycle-mutual-files.yaml', want: 'generates' },
  // Operations and paths
  { spec: 'duplicate-operation-ids.yaml', want: fails(/^#\/paths\/~1b\/get\//, /unique `operationId`/) },
  { spec: 'undeclared-path-parameter.yaml', want: 'generates' },
  { spec: 'unused-path-parameter.yaml', want: 'generates' },
  { spec: 'hostile-path-template.yaml', want: 'generates' },
  { spec: 'hostile-status-codes.yaml', want: 'generates' },
  // Names
  { spec: 'reserved-word-names.yaml', want: 'generates' },
  { spec: 'digit-leading-names.yaml', want: 'generates' },
  { spec: 'unicode-names.yaml', want: 'generates' },
  { spec: 'proto-names.yaml', want: 'generates' },
  { spec: 'constructor-names.yaml', want: 'generates' },
  { spec: 'object-prototype-names.yaml', want: fails('#/components/schemas/toString/properties/valueOf', /`valueOf`/) },
  { spec: 'to-string-names.yaml', want: 'generates' },
  { spec: 'colliding-names.yaml', want: 'generates' },
  { spec: 'symbol-only-names.yaml', want: 'generates' },
  { spec: 'hostile-parameter-names.yaml', want: 'generates' },
  { spec: 'hostile-property-names.yaml', want: 'generates' },
  { spec: 'hostile-schema-names.yaml', want: 'generates' },
  // Text that tries to become code or markup
  { spec: 'comment-closing-descriptions.yaml', want: 'generates' },
  { spec: 'template-literal-descriptions.yaml', want: 'generates' },
  { spec: 'script-tag-descriptions.yaml', want: 'generates' },
  { spec: 'quoted-enum-values.yaml', want: 'generates' },
  { spec: 'hostile-defaults-and-examples.yaml', want: 'generates' },
  { spec: 'hostile-title.yaml', want: 'generates' },
  { spec: 'hostile-server-url.yaml', want: 'generates' },
  // Size, built below
  { spec: 'huge-50mb.json', want: 'generates' },
  {
    spec: 'nested-1000-objects.json',
    want: fails(/^#\/paths\/~1things\/get\/.*\/properties\/next/, /nested more than 256 levels/),
  },
  { spec: 'nested-1000-arrays.yaml', want: fails('#', /nesting exceeded maxDepth/) },
];

/** A minimal valid spec with one operation returning `schema`. */
function specReturning(schema: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Big API', version: '1.0.0' },
    servers: [{ url: 'https://big.example/v1' }],
    paths: {
      '/things': {
        get: {
          operationId: 'things.list',
          tags: ['things'],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } },
        },
      },
    },
    ...extra,
  };
}

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let schema: unknown = { type: 'string' };
  for (let i = 0; i < depth; i++) schema = wrap(schema);
  return schema;
}

/** Writes the specs too big to commit: 50 MB of vendor data, and schemas nested 1,000 deep. */
async function writeBuiltSpecs(): Promise<void> {
  const padding = Array.from({ length: 50 * 1024 }, (_, i) => `${i} ${'x'.repeat(1020)}`);
  await writeFile(
    path.join(WORK, 'huge-50mb.json'),
    JSON.stringify(specReturning({ type: 'string' }, { 'x-padding': padding })),
  );
  const objects = nested(1000, (inner) => ({ type: 'object', properties: { next: inner } }));
  await writeFile(path.join(WORK, 'nested-1000-objects.json'), JSON.stringify(specReturning(objects)));
  // YAML flow style: the parser itself has to go 1,000 levels deep.
  await writeFile(
    path.join(WORK, 'nested-1000-arrays.yaml'),
    `openapi: 3.1.0\ninfo: { title: Deep API, version: 1.0.0 }\npaths:\n  /things:\n    get:\n      operationId: things.list\n      responses:\n        "200": { description: ok, content: { application/json: { schema: ${'{ type: array, items: '.repeat(1000)}{ type: string }${' }'.repeat(1000)} } } }\n`,
  );
}

const specPath = (spec: string) =>
  spec.startsWith('huge-') || spec.startsWith('nested-') ? path.join(WORK, spec) : fixture(`hostile/${spec}`);
const caseName = (spec: string) => spec.replace(/\W+/g, '-');

/** A previous generation plus a hand-written file: what every case writes over. */
const previousOutput = path.join(WORK, 'previous');
const generatedPackages: string[] = [];

describe('hostile specs', () => {
  beforeAll(async () => {
    await rm(WORK, { recursive: true, force: true });
    await mkdir(WORK, { recursive: true });
    await writeBuiltSpecs();
    expect((await generate({ spec: fixture('petstore.yaml'), out: previousOutput })).ok).toBe(true);
    await writeFile(path.join(previousOutput, 'notes.md'), 'hand-written notes\n');
  }, 300_000);

  afterAll(async () => {
    await rm(WORK, { recursive: true, force: true });
  });

  it('cover at least 40 specs', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('$spec', async ({ spec, want }) => {
    const out = path.join(WORK, caseName(spec));
    await cp(previousOutput, out, { recursive: true });
    const before = await treeHash(out);
    const result = await generate({ spec: specPath(spec), out });
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');

    if (want === 'generates') {
      expect(errors).toEqual([]);
      const after = await treeHash(out);
      expect((await generate({ spec: specPath(spec), out })).ok, 'a second run succeeds').toBe(true);
      expect(await treeHash(out), 'a second run leaves the output byte for byte').toBe(after);
      generatedPackages.push(out);
      return;
    }
    expect(result.ok).toBe(false);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.file, error.message).toBe(specPath(spec));
      expect(error.line, error.message).toBeGreaterThanOrEqual(1);
      expect(error.column, error.message).toBeGreaterThanOrEqual(1);
      expect(error.pointer, error.message).toMatch(/^#/);
    }
    const pointer = typeof want.pointer === 'string' ? want.pointer : expect.stringMatching(want.pointer);
    expect(errors).toContainEqual(expect.objectContaining({ pointer, message: expect.stringMatching(want.message) }));
    expect(await treeHash(out), 'the previous output is byte for byte as it was').toBe(before);
  });

  it('every generated package type-checks strict and carries the spec text only in comments and strings', async () => {
    expect(generatedPackages.length).toBe(CASES.filter(({ want }) => want === 'generates').length);
    expect.soft(typeCheckAll(generatedPackages)).toEqual([]);
    const sources = await generatedSources(generatedPackages);
    expect(
      sources.some(({ text }) => text.includes(MARKER)),
      'the payloads reached the output',
    ).toBe(true);
    expect.soft(sources.flatMap((source) => injectedCode(source, MARKER))).toEqual([]);
  }, 300_000);
});
