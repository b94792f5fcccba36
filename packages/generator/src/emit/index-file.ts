import { STATUS_ERRORS } from '@revio-sdk/runtime';
import { StructureKind, type ExportDeclarationStructure } from 'ts-morph';
import type { Api } from '../model/types.js';
import type { TypeScriptFile } from './file.js';
import { tsHeader, type HeaderInfo } from './header.js';
import { resourceSpecifier } from './resource-class.js';

/**
 * Runtime classes apps use directly: every named status error (from the runtime's own table, so the
 * export list does not change when a spec stops documenting a status), the base class, the failures
 * without a status, and the result classes.
 */
const RUNTIME_VALUES = [
  ...Object.values(STATUS_ERRORS).map((entry) => entry.name),
  'ApiError',
  'AbortError',
  'ConnectionError',
  'TimeoutError',
  'UnexpectedStatusError',
  'ResponseParseError',
  'MissingOptionsError',
  'APIPromise',
  'PagePromise',
  'PageResult',
];

/** Runtime types that appear in the generated signatures or help apps use them. */
const RUNTIME_TYPES = [
  'CommonError',
  'TransportError',
  'Created',
  'JsonPatch',
  'JsonPatchOperation',
  'RequestOptions',
  'SafeResult',
  'WithResponse',
  'Logger',
  'FetchFunction',
];

/**
 * `src/index.ts`: the client (also the default export), every resource with its types, the models,
 * the runtime's errors and result types, and `paths`/`components`, so apps import only this package.
 */
export function emitIndexFile(api: Api, clientName: string, runtimePackage: string, header: HeaderInfo): TypeScriptFile {
  return {
    path: 'src/index.ts',
    structure: {
      statements: [
        tsHeader(header),
        { kind: StructureKind.ImportDeclaration, moduleSpecifier: './client.js', namedImports: [clientName] },
        exportFrom(undefined, [clientName]),
        `export default ${clientName};`,
        exportFrom('./client.js', [`${clientName}Options`], true),
        ...api.resources.map((resource) => exportFrom(resourceSpecifier(resource))),
        exportFrom('./models.js'),
        exportFrom('./schema.js', ['components', 'paths'], true),
        exportFrom(runtimePackage, RUNTIME_VALUES),
        exportFrom(runtimePackage, RUNTIME_TYPES, true),
      ],
    },
  };
}

/** `export { names } from 'module'`, `export * from 'module'` without names, or a local export without a module. */
function exportFrom(
  moduleSpecifier: string | undefined,
  names?: readonly string[],
  isTypeOnly = false,
): ExportDeclarationStructure {
  return {
    kind: StructureKind.ExportDeclaration,
    isTypeOnly,
    ...(moduleSpecifier === undefined ? {} : { moduleSpecifier }),
    ...(names === undefined ? {} : { namedExports: [...names].sort() }),
  };
}
