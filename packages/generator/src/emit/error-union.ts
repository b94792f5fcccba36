import { StructureKind, type TypeAliasDeclarationStructure } from 'ts-morph';
import { unexpectedStatusBodyType } from '../model/responses.js';
import type { DefaultErrorCase, ErrorCase, Operation } from '../model/types.js';
import { tsDoc } from './tsdoc.js';

/** The runtime's catch-all for failures without a documented status (transport, undocumented status, parse). */
export const COMMON_ERROR = 'CommonError';

/**
 * What the runtime rejects a non-2xx status with when the operation gives it no class: one member of
 * `CommonError`, with `status: undefined`, this `kind`, the status in `httpStatus` and the body in `body`
 * (typed only when `unexpectedStatusBodyType` knows it). A status that only a `4XX`, `5XX` or `default`
 * response documents is one of these.
 */
export const UNEXPECTED_STATUS_ERROR = 'UnexpectedStatusError';
export const UNEXPECTED_STATUS_KIND = 'unexpected_status';

/**
 * The statuses a documented catch-all response stands for, and what a caller gets for them, as the docs
 * and TSDoc say it, e.g. "any other 4xx status (`status` undefined, `kind: 'unexpected_status'`, the
 * status in `httpStatus`)", plus ", `body` typed from the spec" when it is. Every 2xx resolves, so
 * `default` covers the non-2xx statuses nothing else documents.
 */
export function catchAllCoverage(range: DefaultErrorCase['range'], bodyTyped: boolean): string {
  const body = bodyTyped ? ', `body` typed from the spec' : '';
  return `${catchAllStatuses(range)} (\`status\` undefined, \`kind: '${UNEXPECTED_STATUS_KIND}'\`, the status in \`httpStatus\`${body})`;
}

/** The statuses alone: `any other 4xx status`, `any other non-2xx status`. */
export function catchAllStatuses(range: DefaultErrorCase['range']): string {
  return range === 'default' ? 'any other non-2xx status' : `any other ${range.charAt(0)}xx status`;
}

/** The class an error case is thrown as: `NotFoundError<Body>`, or `ApiError<418, Body>` for an unnamed status. */
export function errorClassType({ className, status, bodyType, bodyShown }: ErrorCase): string {
  const body = bodyShown?.text ?? bodyType;
  return className === 'ApiError' ? `ApiError<${status}, ${body}>` : `${className}<${body}>`;
}

/** The runtime names an operation's error union refers to. */
export function errorUnionImports(operation: Operation): string[] {
  return [...operation.errors.map((error) => error.className), COMMON_ERROR];
}

/** `CommonError<Body>` when the spec types the body of an unexpected status (see `unexpectedStatusBodyType`), else `CommonError`. */
export function commonErrorType(operation: Operation): string {
  const bodyType = unexpectedStatusBodyType(operation);
  return bodyType === undefined ? COMMON_ERROR : `${COMMON_ERROR}<${bodyType}>`;
}

/**
 * `export type <TypeName>Error = NotFoundError<Body> | ... | CommonError;`: one member per documented
 * status, so `switch (err.status)` narrows the body and can be checked for exhaustiveness.
 */
export function emitErrorUnion(operation: Operation): TypeAliasDeclarationStructure {
  const commonError = commonErrorType(operation);
  const typedBody =
    commonError === COMMON_ERROR ? '' : ` (the body of an unexpected status typed from the spec's catch-all responses)`;
  return {
    kind: StructureKind.TypeAlias,
    isExported: true,
    name: operation.typeNames.error,
    type: [...operation.errors.map(errorClassType), commonError].join(' | '),
    docs: tsDoc({
      summary: `Everything \`${operation.methodName}\` can reject with: one class per documented status, plus transport and unexpected-response errors${typedBody}.`,
    }),
  };
}
