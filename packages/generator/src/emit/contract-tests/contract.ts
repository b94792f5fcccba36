/**
 * The contract the generated tests run on: every operation of the model with the arguments to call it
 * with, the request that must come out, and sample responses for its success, each documented error
 * and, for lists, three pages. Operations, statuses, parameters and auth come from the IR; only the
 * sample values are read from the spec, at the pointers the IR keeps.
 */
import { coreClassName, operationFunctionName } from '../../model/naming.js';
import { chooseResponseMediaType } from '../../model/media-types.js';
import { valueAtPointer } from '../../load/json-pointer.js';
import { asNode, type SpecNode } from '../../model/spec-node.js';
import type { Api, Operation, Parameter } from '../../model/types.js';
import { expectedAuth, testCredentials } from './auth-expectations.js';
import type { Contract, ContractOperation, ExpectedRequestParts, SampleResponse } from './contract-types.js';
import { pagedSamples } from './pages.js';
import { mediaNode, parameterNode, resolveNode, sampleOf } from './samples.js';

/** RFC 9110's idempotent methods, which a client may repeat. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** Statuses tried, in order, as the one an operation does not document. */
const UNDOCUMENTED_CANDIDATES = [418, 451, 499, 598];

/** A path value with a space and a slash, so the test sees it encoded, when the schema does not constrain it. */
const ENCODING_PROBE = ' a/b';

export function buildContract(api: Api, document: object, clientName: string): Contract {
  const clientOptions = testCredentials(api);
  return {
    coreClass: coreClassName(clientName),
    clientOptions,
    auth: expectedAuth(api, clientOptions),
    operations: api.resources.flatMap((resource) =>
      resource.operations.map((operation) => contractOperation(document, operation)),
    ),
  };
}

function contractOperation(document: object, operation: Operation): ContractOperation {
  const node = asNode(valueAtPointer(document, operation.pointer)) ?? {};
  const responses = asNode(node['responses']) ?? {};
  const pathValues = operation.pathParams.map((param) => pathValue(document, operation, param));
  const params = requestParams(document, operation);
  const body = requestBody(document, operation, node);
  const success = successSample(document, operation, responses);
  const documented = new Set(operation.errors.map((error) => error.status));
  const contract: ContractOperation = {
    operationId: operation.operationId,
    functionName: operationFunctionName(operation.typeName),
    method: operation.method,
    pathTemplate: operation.path,
    args: [
      ...pathValues,
      ...(operation.body === undefined ? [] : [body?.value]),
      ...(operation.params.length === 0 ? [] : [params.values]),
    ],
    request: { path: expandPath(operation.path, operation.pathParams, pathValues), ...params.expected },
    success,
    errors: operation.errors.map((error) => ({
      ...responseSample(document, responses[String(error.status)], error.status),
      className: error.className,
    })),
    undocumentedStatus: UNDOCUMENTED_CANDIDATES.find((status) => !documented.has(status)) ?? 599,
    idempotent: IDEMPOTENT_METHODS.has(operation.method),
  };
  if (body !== undefined) contract.request.body = body;
  if (operation.pagination !== undefined) contract.pagination = pagedSamples(operation.pagination, success.body);
  return contract;
}

/**
 * The path the server sees: each parameter's value percent-encoded, as RFC 3986 wants a path segment,
 * and without the `#fragment` some specs use to tell apart operations on one path.
 */
function expandPath(template: string, params: readonly Parameter[], values: readonly unknown[]): string {
  return params.reduce(
    (path, param, index) => path.split(`{${param.wireName}}`).join(encodeURIComponent(String(values[index]))),
    template.split('#')[0]!,
  );
}

function pathValue(document: object, operation: Operation, param: Parameter): unknown {
  const node = parameterNode(document, operation.pointer, 'path', param.wireName);
  const value = sampleOf(document, node, 'request');
  const schema = resolveNode(document, node?.['schema']);
  const free = schema === undefined || ['enum', 'const', 'format', 'pattern'].every((key) => schema[key] === undefined);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return free ? `${value}${ENCODING_PROBE}` : value;
  return `${param.name}${ENCODING_PROBE}`;
}

/** A primitive sample: what a query, header or cookie test can check exactly. */
function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * The params object of a call (every required parameter, and each optional one with a scalar sample or
 * a list of them) and what of it the request must show: scalars and exploded form lists exactly; other
 * shapes are sent but not checked. The page parameter of a list is the runtime's to set.
 */
function requestParams(
  document: object,
  operation: Operation,
): { values: Record<string, unknown>; expected: ExpectedRequestParts } {
  const values: Record<string, unknown> = {};
  const expected: ExpectedRequestParts = { headers: {}, query: [], cookies: [] };
  for (const param of operation.params) {
    if (param.in === 'query' && param.wireName === operation.pagination?.pageParam) continue;
    const value = sampleOf(document, parameterNode(document, operation.pointer, param.in, param.wireName), 'request');
    const list = Array.isArray(value) && value.every(isScalar) ? value : undefined;
    if (value === undefined || value === null || (!param.required && !isScalar(value) && list === undefined)) continue;
    values[param.name] = value;
    if (param.in === 'header' && isScalar(value)) expected.headers[param.wireName.toLowerCase()] = String(value);
    if (param.in === 'cookie' && isScalar(value)) expected.cookies.push([param.wireName, String(value)]);
    if (param.in !== 'query' || (param.style ?? 'form') !== 'form') continue;
    if (isScalar(value)) expected.query.push([param.wireName, String(value)]);
    else if (list !== undefined && param.explode !== false)
      expected.query.push(...list.map((item): [string, string] => [param.wireName, String(item)]));
  }
  return { values, expected };
}

function requestBody(
  document: object,
  operation: Operation,
  node: SpecNode,
): ContractOperation['request']['body'] | undefined {
  const body = operation.body;
  if (body === undefined) return undefined;
  const media = mediaNode(document, resolveNode(document, node['requestBody'])?.['content'], body.contentType);
  const sample = sampleOf(document, media, 'request');
  const value =
    body.kind === 'binary'
      ? 'sample bytes'
      : body.kind === 'text'
        ? String((sample as string | undefined) ?? 'sample text')
        : (sample ?? {});
  return { contentType: body.contentType, kind: body.kind, value };
}

/** A response of the operation: its status, its preferred media type and a sample body of it. */
function responseSample(document: object, response: unknown, status: number): SampleResponse {
  const content = resolveNode(document, response)?.['content'];
  const chosen = chooseResponseMediaType(Object.keys(asNode(content) ?? {}));
  if (chosen === undefined) return { status };
  const body = sampleOf(document, mediaNode(document, content, chosen.mediaType), 'response');
  if (body === undefined) return { status };
  const json = chosen.kind === 'json' || chosen.kind === 'json-patch';
  return { status, contentType: chosen.mediaType, body: json ? body : textOf(body) };
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function successSample(document: object, operation: Operation, responses: SpecNode): ContractOperation['success'] {
  const { status, kind } = operation.success;
  const declared = responses[String(status)] ?? responses['2XX'] ?? responses['2xx'];
  const sample = kind === 'empty' ? { status } : responseSample(document, declared, status);
  const success = { ...sample, kind, result: sample.body };
  if (kind === 'binary' || kind === 'text') {
    const text = sample.body === undefined ? 'sample body' : textOf(sample.body);
    const contentType = operation.success.contentType ?? (kind === 'text' ? 'text/plain' : 'application/octet-stream');
    Object.assign(success, { contentType, body: text, result: text });
  }
  if (status === 201) {
    const location = `/created/created-${operation.typeName}`;
    const bodyId = asNode(success.body)?.['id'];
    const id = typeof bodyId === 'number' || typeof bodyId === 'string' ? bodyId : `created-${operation.typeName}`;
    Object.assign(success, { headers: { location }, result: { data: success.result, id, location } });
  }
  return success;
}
