import { StructureKind, VariableDeclarationKind, type VariableStatementStructure } from 'ts-morph';
import type { Api, Operation } from '../model/types.js';
import type { TypeScriptFile } from './file.js';
import { tsHeader, type HeaderInfo } from './header.js';
import { namedImports } from './imports.js';
import { tsDoc } from './tsdoc.js';

/** Where the error maps live; `src/` holds no resource module, so no resource can take the name. */
export const ERROR_MAPS_PATH = 'src/status-error-maps.ts';

/** The specifier of the error maps' module from `src/funcs/`. */
export const ERROR_MAPS_SPECIFIER = '../status-error-maps.js';

/**
 * The name of the map an operation passes as `OperationRequest.errors`: its documented statuses, e.g.
 * `ERRORS_400_404`; `undefined` for an operation that documents none (it passes no map).
 */
export function errorMapName(operation: Operation): string | undefined {
  if (operation.errors.length === 0) return undefined;
  return `ERRORS_${operation.errors.map((error) => error.status).join('_')}`;
}

/**
 * `src/status-error-maps.ts`: one `status -> error class` map per distinct set of documented statuses, shared by
 * every operation with that set (most operations of an API document the same statuses), so a bundle
 * holds each map once and only the classes of the operations it uses.
 */
export function emitErrorMapsFile(api: Api, runtimePackage: string, header: HeaderInfo): TypeScriptFile {
  const maps = new Map<string, Operation['errors']>();
  for (const resource of api.resources) {
    for (const operation of resource.operations) {
      const name = errorMapName(operation);
      if (name !== undefined && !maps.has(name)) maps.set(name, operation.errors);
    }
  }
  const sorted = [...maps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    path: ERROR_MAPS_PATH,
    structure: {
      statements: [
        tsHeader(header),
        ...namedImports(
          runtimePackage,
          sorted.flatMap(([, errors]) => errors.map((error) => error.className)),
          { typeOnly: false },
        ),
        ...sorted.map(([name, errors]): VariableStatementStructure => ({
          kind: StructureKind.VariableStatement,
          isExported: true,
          declarationKind: VariableDeclarationKind.Const,
          docs: tsDoc({
            summary: `The error classes of operations that document ${errors.map((error) => error.status).join(', ')}.`,
          }),
          declarations: [
            {
              name,
              initializer: `{ ${errors.map((error) => `${error.status}: ${error.className}`).join(', ')} }`,
            },
          ],
        })),
      ],
    },
  };
}
