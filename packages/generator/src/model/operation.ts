import { buildParameters } from './parameters.js';
import { buildPagination, type PaginationConfig } from './pagination.js';
import type { ModelContext } from './model-context.js';
import type { OperationSource } from './operation-source.js';
import { buildBody } from './request-body.js';
import { buildErrors, type SuccessResult } from './responses.js';
import { asString, descriptionOf } from './spec-node.js';
import type { Operation, TypeExpression } from './types.js';

/** Everything about an operation decided outside it. */
export interface OperationInput {
  source: OperationSource;
  /** Final, unique names. */
  names: Pick<Operation, 'methodName' | 'typeName' | 'operationId' | 'derivedOperationId'>;
  success: SuccessResult;
  /** The type a JSON Patch body patches (asked only for such bodies). */
  patchTarget: () => TypeExpression;
  rootPagination: PaginationConfig | undefined;
}

/** Models one operation. @see https://spec.openapis.org/oas/v3.1.0#operation-object */
export function buildOperation(
  { source, names, success, patchTarget, rootPagination }: OperationInput,
  ctx: ModelContext,
): Operation {
  const { pathParams, params } = buildParameters(source, ctx);
  const { errors, hasDefaultError, defaultErrors } = buildErrors(source, ctx);
  const operation: Operation = {
    ...names,
    method: source.method,
    path: source.path,
    deprecated: source.node['deprecated'] === true,
    pointer: source.pointer,
    pathParams,
    params,
    success: success.success,
    errors,
    hasDefaultError,
  };
  const summary = asString(source.node['summary'])?.trim();
  if (summary !== undefined && summary !== '') operation.summary = summary;
  const description = descriptionOf(source.node);
  if (description !== undefined) operation.description = description;
  if (defaultErrors.length > 0) operation.defaultErrors = defaultErrors;
  const body = buildBody(source, ctx, patchTarget);
  if (body !== undefined) operation.body = body;
  const pagination = buildPagination({ source, params, success, rootPagination }, ctx);
  if (pagination !== undefined) operation.pagination = pagination;
  return operation;
}
