import { StructureKind, type TypeAliasDeclarationStructure } from 'ts-morph';
import type { ErrorCase, Operation } from '../model/types.js';
import { operationTypeNames } from './operation-signature.js';
import { tsDoc } from './tsdoc.js';

/** The runtime's catch-all for failures without a documented status (transport, undocumented status, parse). */
export const COMMON_ERROR = 'CommonError';

/** The class an error case is thrown as: `NotFoundError<Body>`, or `ApiError<418, Body>` for an unnamed status. */
export function errorClassType({ className, status, bodyType }: ErrorCase): string {
  return className === 'ApiError' ? `ApiError<${status}, ${bodyType}>` : `${className}<${bodyType}>`;
}

/** The runtime names an operation's error union refers to. */
export function errorUnionImports(operation: Operation): string[] {
  return [...operation.errors.map((error) => error.className), COMMON_ERROR];
}

/**
 * `export type <TypeName>Error = NotFoundError<Body> | ... | CommonError;`: one member per documented
 * status, so `switch (err.status)` narrows the body and can be checked for exhaustiveness.
 */
export function emitErrorUnion(operation: Operation): TypeAliasDeclarationStructure {
  const members = [...operation.errors.map(errorClassType), COMMON_ERROR];
  return {
    kind: StructureKind.TypeAlias,
    isExported: true,
    name: operationTypeNames(operation).error,
    type: members.join(' | '),
    docs: tsDoc({
      summary: `Everything \`${operation.methodName}\` can reject with: one class per documented status, plus transport and unexpected-response errors.`,
    }),
  };
}
