import { StructureKind, type ExportDeclarationStructure } from 'ts-morph';
import { coreClassName } from '../model/naming.js';
import { RUNTIME_EXPORTED_TYPES, RUNTIME_EXPORTED_VALUES } from '../model/runtime-names.js';
import type { Api } from '../model/types.js';
import { CORE_SPECIFIER } from './core-class.js';
import type { TypeScriptFile } from './file.js';
import { tsHeader, type HeaderInfo } from './header.js';
import { SCHEMA_ROOTS } from './imports.js';
import { resourceSpecifier } from './resource-class.js';

/**
 * `src/index.ts`: the client (also the default export) and its core, every resource with its types, the models,
 * the runtime's errors and result types, and `paths`/`components`, so apps import only this package.
 * The runtime names come from `model/runtime-names.ts`, which the model reserves as type names too.
 */
export function emitIndexFile(
  api: Api,
  clientName: string,
  runtimePackage: string,
  header: HeaderInfo,
): TypeScriptFile {
  return {
    path: 'src/index.ts',
    structure: {
      statements: [
        tsHeader(header),
        { kind: StructureKind.ImportDeclaration, moduleSpecifier: './client.js', namedImports: [clientName] },
        exportFrom(undefined, [clientName]),
        `export default ${clientName};`,
        exportFrom(CORE_SPECIFIER, [coreClassName(clientName)]),
        exportFrom(CORE_SPECIFIER, [`${clientName}Options`], true),
        ...api.resources.map((resource) => exportFrom(resourceSpecifier(resource))),
        exportFrom('./models/index.js'),
        exportFrom('./schema.js', SCHEMA_ROOTS, true),
        exportFrom(runtimePackage, RUNTIME_EXPORTED_VALUES),
        exportFrom(runtimePackage, RUNTIME_EXPORTED_TYPES, true),
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
