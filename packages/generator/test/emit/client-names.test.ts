/**
 * Client names that clash with what the generated package declares or imports are refused, and only
 * those: each verdict is checked against the TypeScript compiler on a generated package.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clientNameClash } from '../../src/emit/client-names.js';
import { emitFiles } from '../../src/emit/index.js';
import { clientNameProblem } from '../../src/index.js';
import { loadSpec } from '../../src/load/load-spec.js';
import { buildModel } from '../../src/model/build-model.js';
import { RUNTIME_EXPORTED_TYPES, RUNTIME_EXPORTED_VALUES } from '../../src/model/runtime-names.js';
import type { SpecNode } from '../../src/model/spec-node.js';
import { fixture } from '../fixtures/temp-dir.js';
import { typeCheck, writePackage } from './package-on-disk.js';
import { HEADER } from './print.js';

const RUNTIME = '@revio-sdk/runtime';

/** Names the check refuses, each with the clash it must name. */
const CLASHING: [string, string][] = [
  [
    'APIError',
    "client name 'APIError' (the client class) clashes with the APIError that src/index.ts re-exports from '@revio-sdk/runtime'",
  ],
  [
    'Logger',
    "client name 'Logger' (the client class) clashes with the Logger that src/index.ts re-exports from '@revio-sdk/runtime'",
  ],
  [
    'paths',
    "client name 'paths' (the client class) clashes with the paths that src/index.ts re-exports from './schema.js'",
  ],
  [
    'Request',
    "client name 'Request' makes the options interface RequestOptions, which clashes with the RequestOptions that src/index.ts re-exports from '@revio-sdk/runtime'",
  ],
  [
    'Client',
    "client name 'Client' makes the core class ClientCore, which clashes with the ClientCore that src/core.ts imports from '@revio-sdk/runtime'",
  ],
  ['ClientClient', "client name 'ClientClient' makes the core class ClientCore, which clashes with the ClientCore"],
  ['string', "client name 'string' cannot name a class: TypeScript predefines the type string"],
];

/**
 * Names that work although something else in the package or its runtime is called alike: runtime
 * names no module that declares a client name imports, schema roots the index does not re-export, a
 * global, and names of the spec's own schema and resource (which the model renames instead).
 */
const WORKING = [
  'ClientCore',
  'ClientOptions',
  'resolveOptions',
  'APIResource',
  'operations',
  'Promise',
  'Pet',
  'PetsResource',
  'PetstoreClient',
];

describe('clientNameProblem', () => {
  it.each(CLASHING)('refuses %s, naming the option and the clash', (name, message) => {
    expect(clientNameProblem(name)).toContain(message);
    expect(clientNameProblem(name)).toMatch(/; choose another client name$/);
  });

  it.each(WORKING)('accepts %s', (name) => {
    expect(clientNameProblem(name)).toBeUndefined();
  });

  it('refuses every runtime name the index re-exports', () => {
    for (const name of [...RUNTIME_EXPORTED_VALUES, ...RUNTIME_EXPORTED_TYPES])
      expect(clientNameClash(name, RUNTIME), name).toBeDefined();
  });

  it('still refuses what is not an identifier first', () => {
    expect(clientNameProblem('my-client')).toBe("client name 'my-client' is not a TypeScript identifier");
  });
});

describe('the verdicts, checked by the compiler', () => {
  let document: SpecNode;
  beforeAll(async () => {
    document = (await loadSpec(fixture('petstore.yaml'))).document!;
  });

  /** Emits the petstore package with the client called `clientName` (bypassing the check) and type-checks it with an app using it. */
  async function compile(clientName: string): Promise<string[]> {
    const { api } = buildModel(document, { sourceFile: 'petstore.yaml', clientName });
    const files = await emitFiles(api, document, {
      packageName: '@acme/pets',
      packageVersion: '1.0.0',
      clientName,
      runtimePackage: { name: RUNTIME, version: '0.1.0' },
      header: HEADER,
    });
    const usage = [
      `import Default, * as pets from '../src/index.js';`,
      `export const client = new pets[${JSON.stringify(clientName)}]({ apiKey: 'k' });`,
      `export const same: typeof Default = pets[${JSON.stringify(clientName)}];`,
      `export const pet = client.pets.get(1);`,
    ].join('\n');
    return typeCheck(writePackage(`client-name-${clientName}`, [...files, { path: 'test/usage.ts', contents: usage }]));
  }

  it.each(CLASHING.map(([name]) => name))('%s does not compile', async (name) => {
    expect(await compile(name)).not.toEqual([]);
  });

  it.each(WORKING)('%s compiles', async (name) => {
    expect(await compile(name)).toEqual([]);
  });
});
