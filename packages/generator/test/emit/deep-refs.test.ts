/**
 * `$ref`s that point inside a schema (properties, items, additionalProperties, allOf/oneOf/anyOf members,
 * $defs, definitions) get the type of the schema at that pointer, in OpenAPI 3.0 and 3.1: the generated
 * package type-checks strict, and an app file pins each type exactly (it only compiles if they are right).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitFiles } from '../../src/emit/index.js';
import { loadSpec } from '../../src/load/load-spec.js';
import { buildModel } from '../../src/model/build-model.js';
import { fixture } from '../fixtures/temp-dir.js';
import { typeCheck, writePackage } from './package-on-disk.js';
import { HEADER } from './print.js';

/** Exact type equality; `Flat` lets `WithRequired<A, K>` (an intersection) equal a plain object type. */
const TYPE_EQUALITY = `export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Flat<T> = T extends object ? { [K in keyof T]: T[K] } : T;
`;

/** What both fixtures hold. */
const COMMON_CHECKS = `import type { components, paths, DeepClient } from '../src/index.js';
import type { Equal, Flat } from './equal.js';

type S = components['schemas'];
type Disk = { id: string; size?: number };

export const checks: true[] = [
  // properties/x/items, where x is an optional array
  true satisfies Equal<S['Disk'], Disk>,
  true satisfies Equal<S['Snapshot']['disk'], Disk>,
  true satisfies Equal<S['Snapshot']['disks'], Disk[]>,
  // allOf + required over a ref to an optional object property: the keys become required
  true satisfies Equal<Flat<S['DeviceInput']>, { id: string; type: string; note?: string }>,
  true satisfies Equal<Flat<S['SizedDisk']>, { id: string; size: number; label: { value?: string } }>,
  true satisfies Equal<Flat<S['RequiredLimit']>, { max: number }>,
  // an optional property keeps its schema's null, never its optionality's undefined
  true satisfies Equal<S['Backup'], { target?: string } | null>,
  true satisfies Equal<S['BackupTarget'], string>,
  // additionalProperties and allOf/oneOf/anyOf members
  true satisfies Equal<S['Label'], { value?: string }>,
  true satisfies Equal<S['FastOrSafe'], 'fast' | 'safe'>,
  true satisfies Equal<S['Limit'], { max?: number }>,
  true satisfies Equal<S['Width'], { width?: number }>,
  // definitions (tolerated in 3.0 with a warning), and a path through it
  true satisfies Equal<S['Catalog']['price'], { amount?: number } | undefined>,
  true satisfies Equal<S['PriceAmount'], number>,
  // refs in a parameter, a request body and responses
  true satisfies Equal<paths['/pools/{name}']['get']['parameters']['path']['name'], string>,
  true satisfies Equal<paths['/pools/{name}']['get']['responses'][200]['content']['application/json'], Disk[]>,
  true satisfies Equal<
    paths['/devices']['post']['responses'][201]['content']['application/json'],
    { id?: string; type?: string; note?: string }
  >,
];

export async function calls(client: DeepClient): Promise<string[]> {
  const disks = await client.pools.get('tank');
  await client.devices.create({ id: 'd1', type: 'ssd' });
  // @ts-expect-error: the body's allOf requires type
  await client.devices.create({ id: 'd1' });
  return disks.map((disk) => disk.id);
}

// A ref to its own enclosing property: recursive, and never undefined where it is present.
export const chain: S['Chain'] = { link: { value: 'a', next: { value: 'b', next: {} } } };
// @ts-expect-error: exactOptionalPropertyTypes: next is absent or a link, not undefined
export const undefinedLink: S['Chain'] = { link: { next: undefined } };
`;

/** Only OpenAPI 3.1 schemas have $defs. */
const CHECKS_3_1 = `import type { components } from '../src/index.js';
import type { Equal, Flat } from './equal.js';

type S = components['schemas'];

export const checks31: true[] = [
  true satisfies Equal<S['Sku'], { code: string }>,
  true satisfies Equal<S['Catalog']['skus'], { code: string }[] | undefined>,
  true satisfies Equal<S['SkuCode'], string>,
  true satisfies Equal<Flat<S['PricedSku']>, { code: string; amount: number }>,
];
`;

async function generatedPackage(version: '3.0' | '3.1', tests: Record<string, string>): Promise<string> {
  const document = (await loadSpec(fixture(`deep-refs-${version}.yaml`))).document!;
  const { api } = buildModel(document, { sourceFile: `deep-refs-${version}.yaml`, clientName: 'DeepClient' });
  const files = await emitFiles(api, document, {
    packageName: '@acme/deep',
    packageVersion: '1.0.0',
    clientName: 'DeepClient',
    runtimePackage: { name: '@revio-sdk/runtime', version: '0.1.0' },
    header: HEADER,
  });
  const extra = Object.entries({ 'test/equal.ts': TYPE_EQUALITY, ...tests }).map(([path, contents]) => ({
    path,
    contents,
  }));
  return writePackage(`deep-refs-${version}`, [...files, ...extra]);
}

describe('$refs into schemas', () => {
  it('OpenAPI 3.0: the generated package type-checks strict and each ref has the type at its pointer', async () => {
    const directory = await generatedPackage('3.0', { 'test/deep-refs.ts': COMMON_CHECKS });
    expect(typeCheck(directory)).toEqual([]);
  });

  it('OpenAPI 3.1: the same, plus refs into and through $defs', async () => {
    const directory = await generatedPackage('3.1', {
      'test/deep-refs.ts': COMMON_CHECKS,
      'test/deep-refs-3.1.ts': CHECKS_3_1,
    });
    expect(typeCheck(directory)).toEqual([]);
    // A 3.1 $ref's sibling description still documents the schema.
    expect(readFileSync(join(directory, 'src/schema.ts'), 'utf8')).toMatch(
      /@description A stock-keeping unit, as the catalog defines it\. \*\/\s+Sku: \{/,
    );
  });
});
