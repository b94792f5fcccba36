import { StructureKind, type TypeAliasDeclarationStructure } from 'ts-morph';
import type { DefaultErrorCase, ErrorCase, Operation } from '../model/types.js';
import { operationTypeNames } from './operation-signature.js';
import { tsDoc } from './tsdoc.js';

/** The runtime's catch-all for failures without a documented status (transport, undocumented status, parse). */
export const COMMON_ERROR = 'CommonError';

/**
 * What the runtime rejects a non-2xx status with when the operation gives it no class: one member of
 * `CommonError`, with `status: undefined`, this `kind`, the status in `httpStatus` and the body untyped.
 * A status that only a `4XX`, `5XX` or `default` response documents is one of these.
 */
export const UNEXPECTED_STATUS_ERROR = 'UnexpectedStatusError';
export const UNEXPECTED_STATUS_KIND = 'unexpected_status';

/**
 * The statuses a documented catch-all response stands for, and what a caller gets for them, as the docs
 * and TSDoc say it, e.g. "any other 4xx status (`status` undefined, `kind: 'unexpected_status'`, the
 * status in `httpStatus`)". Every 2xx resolves, so `default` covers the non-2xx statuses nothing else
 * documents.
 */
export function catchAllCoverage(range: DefaultErrorCase['range']): string {
  return `${catchAllStatuses(range)} (\`status\` undefined, \`kind: '${UNEXPECTED_STATUS_KIND}'\`, the status in \`httpStatus\`)`;
}

/** The statuses alone: `any other 4xx status`, `any other non-2xx status`. */
export function catchAllStatuses(range: DefaultErrorCase['range']): string {
  return range === 'default' ? 'any other non-2xx status' : `any other ${range.charAt(0)}xx status`;
}

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
