import { unexpectedStatusBodyType } from '../model/responses.js';
import { UNKNOWN_TYPE, indexType, operationType } from '../model/type-expressions.js';
import type { Body, ErrorCase, Operation, Parameter, SuccessResponse, TypeExpression } from '../model/types.js';
import type { ApiChange, ChangeKind } from './api-change.js';
import { sameJson } from './json-refs.js';
import { operationSubject, pathShape, type OperationPair } from './match-operations.js';

/** Adds a change about the operation being compared. */
type Report = (kind: ChangeKind, fields?: Omit<ApiChange, 'kind' | 'subject'>) => void;

/**
 * A type expression with the operation's own location taken out, so that expressions of the same
 * operation compare equal across a path or method change (`paths["/a"]["get"]["responses"][200]` ->
 * `$operation["responses"][200]`). They are over openapi-typescript's output and do not change when a
 * schema does: `diffSchemas` and `diffOperationSchemas` compare the schemas themselves.
 */
function located(type: TypeExpression, operation: Operation): string {
  return type
    .split(operationType(operation.path, operation.method))
    .join('$operation')
    .split(indexType('paths', operation.path))
    .join('$path');
}

/** What the IR says changed about one operation (names, HTTP, parameters, body, responses, paging, docs). */
export function diffOperation(pair: OperationPair): ApiChange[] {
  const changes: ApiChange[] = [];
  const subject = operationSubject(pair.new);
  const report: Report = (kind, fields = {}) => changes.push({ kind, subject, ...fields });
  const before = pair.old.operation;
  const after = pair.new.operation;

  const oldSubject = operationSubject(pair.old);
  if (oldSubject !== subject)
    changes.push({
      kind: 'operation-renamed',
      subject: oldSubject,
      to: subject,
      ...(before.typeName === after.typeName ? {} : { name: after.typeName }),
    });
  else if (before.typeName !== after.typeName)
    report('operation-types-renamed', { from: before.typeName, to: after.typeName });
  if (before.method !== after.method) report('http-method-changed', { from: before.method, to: after.method });
  if (pathShape(before.path) !== pathShape(after.path)) report('path-changed', { from: before.path, to: after.path });
  for (const field of ['summary', 'description'] as const) {
    if (before[field] !== after[field]) report('operation-docs-changed', { name: field });
  }
  if (!before.deprecated && after.deprecated) report('operation-deprecated');
  if (before.deprecated && !after.deprecated) report('operation-undeprecated');

  diffPathParameters(before, after, report);
  diffParameters(before, after, report);
  diffBody(before, after, report);
  diffSuccess(before, after, report);
  diffErrors(before, after, report);
  diffPagination(before, after, report);
  return changes;
}

/**
 * Path parameters are positional method arguments. With as many on both sides they are compared by
 * position (a new name at the same position is only a rename); otherwise by name.
 */
function diffPathParameters(before: Operation, after: Operation, report: Report): void {
  if (before.pathParams.length === after.pathParams.length) {
    before.pathParams.forEach((old, index) => {
      const param = after.pathParams[index];
      if (param === undefined) return;
      if (old.wireName === param.wireName) diffParameter(old, param, before, after, report);
      // A new path is reported as such; the same shape means only the name in the template changed.
      else if (pathShape(before.path) === pathShape(after.path))
        report('path-parameter-renamed', { from: old.wireName, to: param.wireName, in: 'path' });
    });
    return;
  }
  const oldByName = new Map(before.pathParams.map((param) => [param.wireName, param]));
  const newNames = new Set(after.pathParams.map((param) => param.wireName));
  for (const old of before.pathParams)
    if (!newNames.has(old.wireName)) report('path-parameter-removed', { name: old.wireName, in: 'path' });
  for (const param of after.pathParams) {
    const old = oldByName.get(param.wireName);
    if (old === undefined) report('path-parameter-added', { name: param.wireName, in: 'path' });
    else diffParameter(old, param, before, after, report);
  }
}

function parameterKey(parameter: Parameter): string {
  return `${parameter.in} ${parameter.wireName}`;
}

/** Query, header and cookie parameters, by location and wire name. */
function diffParameters(before: Operation, after: Operation, report: Report): void {
  const oldByKey = new Map(before.params.map((parameter) => [parameterKey(parameter), parameter]));
  const newKeys = new Set(after.params.map(parameterKey));
  for (const old of before.params)
    if (!newKeys.has(parameterKey(old))) report('parameter-removed', { name: old.wireName, in: old.in });
  for (const param of after.params) {
    const old = oldByKey.get(parameterKey(param));
    if (old === undefined)
      report(param.required ? 'parameter-added-required' : 'parameter-added-optional', {
        name: param.wireName,
        in: param.in,
      });
    else diffParameter(old, param, before, after, report);
  }
}

/** OpenAPI's serialisation defaults: form (exploded) for query and cookie, simple for path and header. */
function encoding(parameter: Parameter): string {
  const style = parameter.style ?? (parameter.in === 'query' || parameter.in === 'cookie' ? 'form' : 'simple');
  return `style ${style}, explode ${String(parameter.explode ?? style === 'form')}`;
}

function diffParameter(old: Parameter, param: Parameter, before: Operation, after: Operation, report: Report): void {
  const at = { name: param.wireName, in: param.in };
  if (!old.required && param.required) report('parameter-made-required', at);
  if (old.required && !param.required) report('parameter-made-optional', at);
  if (param.in !== 'path' && old.name !== param.name)
    report('parameter-renamed', { ...at, from: old.name, to: param.name });
  if (located(old.type, before) !== located(param.type, after)) report('parameter-type-changed', at);
  if (encoding(old) !== encoding(param))
    report('parameter-encoding-changed', { ...at, from: encoding(old), to: encoding(param) });
  if (!old.deprecated && param.deprecated) report('parameter-deprecated', at);
  if (old.deprecated && !param.deprecated) report('parameter-undeprecated', at);
  if (old.description !== param.description) report('parameter-docs-changed', at);
}

function diffBody(before: Operation, after: Operation, report: Report): void {
  const old: Body | undefined = before.body;
  const body: Body | undefined = after.body;
  if (old === undefined || body === undefined) {
    if (body !== undefined)
      report(body.required ? 'body-added-required' : 'body-added-optional', { to: body.contentType });
    if (old !== undefined) report('body-removed', { from: old.contentType });
    return;
  }
  if (!old.required && body.required) report('body-made-required');
  if (old.required && !body.required) report('body-made-optional');
  if (old.kind !== body.kind) report('body-kind-changed', { from: old.contentType, to: body.contentType });
  else if (old.contentType !== body.contentType)
    report('body-content-type-changed', { from: old.contentType, to: body.contentType });
  else if (
    located(old.type, before) !== located(body.type, after) ||
    located(old.patchTarget ?? '', before) !== located(body.patchTarget ?? '', after)
  ) {
    report('body-type-changed');
  }
  if (old.description !== body.description) report('body-docs-changed');
}

function diffSuccess(before: Operation, after: Operation, report: Report): void {
  const old: SuccessResponse = before.success;
  const success: SuccessResponse = after.success;
  if (old.status !== success.status)
    report('success-status-changed', { from: String(old.status), to: String(success.status) });
  if (old.kind !== success.kind)
    report('success-kind-changed', { from: old.contentType ?? old.kind, to: success.contentType ?? success.kind });
  else if (old.contentType !== success.contentType)
    report('success-content-type-changed', { from: old.contentType ?? 'none', to: success.contentType ?? 'none' });
  else if (old.status === success.status && located(old.type, before) !== located(success.type, after))
    report('success-type-changed');
  if (old.description !== success.description) report('success-docs-changed');
  const oldHeaders = new Set(old.headers.map((header) => header.wireName.toLowerCase()));
  const newHeaders = new Set(success.headers.map((header) => header.wireName.toLowerCase()));
  for (const header of success.headers)
    if (!oldHeaders.has(header.wireName.toLowerCase())) report('response-header-added', { name: header.wireName });
  for (const header of old.headers)
    if (!newHeaders.has(header.wireName.toLowerCase())) report('response-header-removed', { name: header.wireName });
}

function diffErrors(before: Operation, after: Operation, report: Report): void {
  const oldByStatus = new Map(before.errors.map((error) => [error.status, error]));
  const newStatuses = new Set(after.errors.map((error) => error.status));
  for (const old of before.errors)
    if (!newStatuses.has(old.status)) report('error-status-removed', { name: String(old.status), from: old.className });
  for (const error of after.errors) {
    const old: ErrorCase | undefined = oldByStatus.get(error.status);
    if (old === undefined) {
      report('error-status-added', { name: String(error.status), to: error.className });
      continue;
    }
    if (old.bodyType === UNKNOWN_TYPE && error.bodyType !== UNKNOWN_TYPE)
      report('error-typed', { name: String(error.status) });
    else if (located(old.bodyType, before) !== located(error.bodyType, after))
      report('error-type-changed', { name: String(error.status) });
    if (old.description !== error.description) report('error-docs-changed', { name: String(error.status) });
  }
  diffUnexpectedStatusBody(before, after, report);
  // Which catch-all responses (4XX, 5XX, default) are documented, and how: docs only (their bodies type the above).
  const documented = ({ defaultErrors = [] }: Operation) =>
    defaultErrors.map(({ range, description }) => ({ range, description }));
  if (before.hasDefaultError !== after.hasDefaultError)
    report('default-error-changed', { to: after.hasDefaultError ? 'documented' : 'no longer documented' });
  else if (!sameJson(documented(before), documented(after)))
    report('default-error-changed', { to: 'documentation changed' });
}

/** The `Body` of the operation's `CommonError<Body>`: typed, untyped, or typed differently. */
function diffUnexpectedStatusBody(before: Operation, after: Operation, report: Report): void {
  const old = unexpectedStatusBodyType(before);
  const body = unexpectedStatusBodyType(after);
  if (old === undefined && body !== undefined) report('default-error-typed');
  else if (old !== undefined && body === undefined) report('default-error-untyped');
  else if (old !== undefined && body !== undefined && located(old, before) !== located(body, after))
    report('default-error-type-changed');
}

function diffPagination(before: Operation, after: Operation, report: Report): void {
  const old = before.pagination;
  const pagination = after.pagination;
  if (old === undefined || pagination === undefined) {
    if (pagination !== undefined) report('pagination-added');
    if (old !== undefined) report('pagination-removed');
    return;
  }
  const comparable = (value: typeof old, operation: Operation) => ({
    ...value,
    itemType: located(value.itemType, operation),
  });
  if (!sameJson(comparable(old, before), comparable(pagination, after))) report('pagination-changed');
}
