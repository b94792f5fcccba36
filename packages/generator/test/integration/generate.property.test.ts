/**
 * Property tests (fast-check) over random valid specs: any names (unicode, reserved words,
 * `Object.prototype` members, leading digits), any description text and nested schemas with `$ref`s.
 * Each spec generates a package; all of them are type-checked strict in one tsc program (cheaper than
 * one per spec, at the price of shrinking: a failure names the spec file instead). A spec diffed with
 * itself has no changes.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { diff, generate } from '../../src/index.js';
import { typeCheckAll } from '../fixtures/generated-code.js';

const SPECS = 24;
const SEED = 1919;
/**
 * `packages/generator/.tmp/property` (gitignored, cleared before each run and kept after it for a failure's
 * inspection): inside the workspace, so generated code resolves the runtime.
 */
const WORK = path.resolve(import.meta.dirname, '../../.tmp/property');

/** Names a spec may give anything: unicode, reserved words, inherited members, leading digits. */
const TRICKY_NAMES = [
  'constructor',
  'toString',
  '__proto__',
  'class',
  'delete',
  'default',
  'new',
  'in',
  '1st',
  'café',
  '日本',
  'a-b',
  'a b',
  '$',
  '_',
];
const anyName = fc.oneof(fc.constantFrom(...TRICKY_NAMES), fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }));
/** Keys Redocly 1.x cannot validate are refused with a diagnostic (see load/structure-problems.ts). */
const keyName = anyName.filter(
  (name) => name === 'constructor' || name === 'toString' || name === '__proto__' || !(name in Object.prototype),
);
/** Path parameter names must fit a `{name}` template. */
const templateName = anyName.filter((name) => !/[{}/?#%\s]/.test(name) && name !== '.' && name !== '..');
const text = fc.string({ unit: 'binary', maxLength: 40 });
const componentName = fc.stringMatching(/^[A-Za-z0-9._-]{1,10}$/);

function schemaArbitrary(refs: readonly string[]) {
  const leaf = fc.oneof(
    fc.constantFrom(
      { type: 'string' },
      { type: 'integer' },
      { type: 'number' },
      { type: 'boolean' },
      { type: ['string', 'null'] },
    ),
    fc.uniqueArray(text, { minLength: 1, maxLength: 4 }).map((values) => ({ type: 'string', enum: values })),
    text.map((description) => ({ type: 'string', description })),
    ...(refs.length > 0 ? [fc.constantFrom(...refs).map((name) => ({ $ref: `#/components/schemas/${name}` }))] : []),
  );
  return fc.letrec<{ schema: unknown }>((tie) => ({
    schema: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      tie('schema').map((items) => ({ type: 'array', items })),
      fc
        .dictionary(keyName, tie('schema'), { maxKeys: 4 })
        .chain((properties) =>
          fc.subarray(Object.keys(properties)).map((required) => ({ type: 'object', properties, required })),
        ),
      fc.array(tie('schema'), { minLength: 2, maxLength: 3 }).map((oneOf) => ({ oneOf })),
      fc.array(tie('schema'), { minLength: 1, maxLength: 2 }).map((allOf) => ({ allOf })),
    ),
  })).schema;
}

function operationArbitrary(schema: fc.Arbitrary<unknown>) {
  const parameter = (location: 'query' | 'header') =>
    fc.record({
      name: anyName,
      in: fc.constant(location),
      required: fc.boolean(),
      description: text,
      schema: fc.oneof(schema, fc.constant({ type: 'string' })),
    });
  return fc.record({
    operationId: anyName,
    tags: fc.array(anyName, { minLength: 1, maxLength: 1 }),
    summary: text,
    description: text,
    parameters: fc
      .tuple(
        fc.uniqueArray(parameter('query'), { maxLength: 3, selector: (param) => param.name }),
        fc.uniqueArray(parameter('header'), { maxLength: 2, selector: (param) => param.name.toLowerCase() }),
      )
      .map(([query, header]) => [...query, ...header]),
    responses: fc.record({
      '200': fc.record({ description: text, content: fc.record({ 'application/json': fc.record({ schema }) }) }),
      '404': fc.record({ description: text, content: fc.record({ 'application/json': fc.record({ schema }) }) }),
    }),
  });
}

/** A valid OpenAPI 3.1 document whose schemas may `$ref` any component, themselves included. */
const specArbitrary = fc.uniqueArray(componentName, { minLength: 1, maxLength: 4 }).chain((names) => {
  const schema = schemaArbitrary(names);
  return fc
    .record({
      title: text,
      // Objects at the top, so `$ref`s between components always pass through a property (no alias cycles).
      components: fc
        .tuple(...names.map(() => fc.dictionary(keyName, schema, { minKeys: 1, maxKeys: 3 })))
        .map((objects) =>
          Object.fromEntries(names.map((name, i) => [name, { type: 'object', properties: objects[i] }])),
        ),
      operations: fc.uniqueArray(operationArbitrary(schema), {
        minLength: 1,
        maxLength: 3,
        selector: (operation) => operation.operationId,
      }),
      pathParam: templateName,
    })
    .map(({ title, components, operations, pathParam }) => ({
      openapi: '3.1.0',
      info: { title: title === '' ? 'API' : title, version: '1.0.0', description: title },
      servers: [{ url: 'https://api.example/v1' }],
      paths: Object.fromEntries(
        operations.map((operation, i) => [
          `/r${i}/{${pathParam}}`,
          {
            get: {
              ...operation,
              parameters: [
                { name: pathParam, in: 'path', required: true, schema: { type: 'string' } },
                ...operation.parameters,
              ],
            },
          },
        ]),
      ),
      components: { schemas: components },
    }));
});

const specFiles: string[] = [];

describe('random valid specs', () => {
  beforeAll(async () => {
    await rm(WORK, { recursive: true, force: true });
    await mkdir(WORK, { recursive: true });
    for (const [i, spec] of fc.sample(specArbitrary, { numRuns: SPECS, seed: SEED }).entries()) {
      const file = path.join(WORK, `spec-${i}.json`);
      await writeFile(file, JSON.stringify(spec, null, 2));
      specFiles.push(file);
    }
  });

  it(`generate packages that type-check strict (${SPECS} specs, seed ${SEED}, one tsc run)`, async () => {
    const packages: string[] = [];
    for (const spec of specFiles) {
      const out = spec.replace(/\.json$/, '');
      const result = await generate({ spec, out });
      expect(
        result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
        spec,
      ).toEqual([]);
      packages.push(out);
    }
    expect(typeCheckAll(packages)).toEqual([]);
  }, 600_000);

  it(`have no changes when diffed with themselves (${SPECS} specs, seed ${SEED})`, async () => {
    for (const spec of specFiles) {
      const result = await diff({ base: spec, spec, name: 'pkg', dryRun: true });
      expect(result.diagnostics, spec).toEqual([]);
      expect(result.changes, spec).toEqual([]);
    }
  }, 600_000);
});
