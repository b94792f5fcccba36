/**
 * Schemas named like the runtime's exports (`NotFoundError`, `Logger`) must not be shadowed by the
 * generated index's re-exports: the model renames them, and the package exports both.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NotFoundError as RuntimeNotFoundError } from '@revio-sdk/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitFiles } from '../../src/emit/index.js';
import { loadSpec } from '../../src/load/load-spec.js';
import { buildModel } from '../../src/model/build-model.js';
import { RESERVED_TYPE_NAMES } from '../../src/model/naming.js';
import { RUNTIME_EXPORTED_TYPES, RUNTIME_EXPORTED_VALUES } from '../../src/model/runtime-names.js';
import type { Api } from '../../src/model/types.js';
import { fixture } from '../fixtures/temp-dir.js';
import { typeCheck, writePackage } from '../emit/package-on-disk.js';
import { HEADER } from '../emit/print.js';

/** App code that compiles only if both the runtime's names and the renamed schemas are exported. */
const USAGE = `import { NotFoundError, ThingsClient, type Logger, type LoggerSchema, type NotFoundErrorSchema, type ThingsGetError } from '../src/index.js';

export const logger: Logger = { debug: (message: string) => void message };
export const config: LoggerSchema = { level: 'debug' };
export const body: NotFoundErrorSchema = { missing: 'thing 1' };

export async function describeGet(client: ThingsClient): Promise<string> {
  const result = await client.things.get(1).safe();
  if (result.ok) return result.data.level;
  const error: ThingsGetError = result.error;
  if (error instanceof NotFoundError && error.status === 404) return error.body.missing;
  return String(error.status);
}
`;

let api: Api;
let directory: string;

beforeAll(async () => {
  const loaded = await loadSpec(fixture('reserved-names.yaml'));
  api = buildModel(loaded.document!, { sourceFile: 'reserved-names.yaml', clientName: 'ThingsClient' }).api;
  const files = await emitFiles(api, loaded.document!, {
    packageName: '@acme/things',
    packageVersion: '1.0.0',
    clientName: 'ThingsClient',
    runtimePackage: { name: '@revio-sdk/runtime', version: '0.1.0' },
    header: HEADER,
  });
  directory = writePackage('reserved-names', [...files, { path: 'test/usage.ts', contents: USAGE }]);
});

describe('runtime names in a spec', () => {
  it('reserves every name the generated index re-exports', () => {
    for (const name of [...RUNTIME_EXPORTED_VALUES, ...RUNTIME_EXPORTED_TYPES])
      expect(RESERVED_TYPE_NAMES.has(name), name).toBe(true);
  });

  it('renames schemas that would be shadowed', () => {
    expect(api.schemas.map(({ sourceName, typeName }) => `${sourceName} -> ${typeName}`)).toEqual([
      'NotFoundError -> NotFoundErrorSchema',
      'Logger -> LoggerSchema',
    ]);
  });

  it('generates a package that type-checks and exports the runtime class and the renamed schema types', async () => {
    expect(typeCheck(directory)).toEqual([]);
    const index = (await import(pathToFileURL(join(directory, 'src/index.ts')).href)) as Record<string, unknown>;
    expect(index['NotFoundError']).toBe(RuntimeNotFoundError);
  });
});
