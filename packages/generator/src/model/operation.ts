import { buildParameters } from './parameters.js';
import { buildPagination, type PaginationConfig } from './pagination.js';
import type { ModelContext } from './model-context.js';
import type { OperationSource } from './operation-source.js';
import { buildBody } from './request-body.js';
import { buildErrors, shownSuccess, type SuccessResult } from './responses.js';
import type { TypeNaming } from './shown-types.js';
import { asString, descriptionOf } from './spec-node.js';
import type { Operation, OperationTypeNames, TypeExpression } from './types.js';

/** Everything about an operation decided outside it. */
export interface OperationInput {
  source: OperationSource;
  /** Final, unique names. */
  names: Pick<Operation, 'methodName' | 'typeName' | 'operationId' | 'derivedOperationId'>;
  success: SuccessResult;
  /** The type a JSON Patch body patches (asked only for such bodies). */
  patchTarget: () => TypeExpression;
  rootPagination: PaginationConfig | undefined;
  naming: TypeNaming;
}

/** Models one operation. @see https://spec.openapis.org/oas/v3.1.0#operation-object */
export function buildOperation(
  { source, names, success, patchTarget, rootPagination, naming }: OperationInput,
  ctx: ModelContext,
): Operation {
  const stem = names.typeName;
  const { pathParams, params } = buildParameters(source, ctx, { ...naming, typeName: stem });
  const { errors, hasDefaultError, defaultErrors } = buildErrors(source, ctx, naming);
  const body = buildBody(source, ctx, { patchTarget, naming, aliasName: `${stem}Body` });
  const pagination = buildPagination({ source, params, success, rootPagination }, ctx);
  const operation: Operation = {
    ...names,
    typeNames: operationTypeNames(stem, { params: params.length > 0, body: body !== undefined, item: !!pagination }),
    method: source.method,
    path: source.path,
    deprecated: source.node['deprecated'] === true,
    pointer: source.pointer,
    pathParams,
    params,
    success: shownSuccess(success, naming, `${stem}Response`),
    errors,
    hasDefaultError,
  };
  const summary = asString(source.node['summary'])?.trim();
  if (summary !== undefined && summary !== '') operation.summary = summary;
  const description = descriptionOf(source.node);
  if (description !== undefined) operation.description = description;
  if (defaultErrors.length > 0) operation.defaultErrors = defaultErrors;
  if (body !== undefined) operation.body = body;
  if (pagination !== undefined) operation.pagination = pagination;
  return operation;
}

/** The operation's exported type names: its stem plus the suffixes `buildModel` reserved with it. */
function operationTypeNames(stem: string, has: { params: boolean; body: boolean; item: boolean }): OperationTypeNames {
  return {
    ...(has.params ? { params: `${stem}Params` } : {}),
    ...(has.body ? { body: `${stem}Body` } : {}),
    response: `${stem}Response`,
    ...(has.item ? { item: `${stem}Item` } : {}),
    error: `${stem}Error`,
  };
}
