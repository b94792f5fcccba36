import { statusErrorClassName } from '@revio-sdk/runtime';

import { chooseResponseMediaType, type MediaKind } from './media-types.js';
import type { ModelContext, Resolved } from './model-context.js';
import type { OperationSource } from './operation-source.js';
import { localName, type TypeNaming } from './shown-types.js';
import { asNode, descriptionOf, entriesOf } from './spec-node.js';
import { BINARY_RESPONSE_TYPE, UNKNOWN_TYPE, VOID_TYPE, indexType, operationType } from './type-expressions.js';
import type { DefaultErrorCase, ErrorCase, Operation, SuccessResponse, TypeExpression } from './types.js';
import { childPointer } from '../load/json-pointer.js';

/** The success response before its shown type is decided, plus where its body schema is (pagination inspects it). */
export interface SuccessResult {
  success: Omit<SuccessResponse, 'shown'>;
  /** The chosen media type's `schema` value (maybe a `$ref`) and its pointer, for JSON bodies. */
  schema?: { value: unknown; pointer: string };
}

/** How the runtime reads a body of each media kind. */
const RESPONSE_KINDS: Record<MediaKind, SuccessResponse['kind']> = {
  json: 'json',
  'json-patch': 'json',
  text: 'text',
  form: 'text',
  binary: 'binary',
  multipart: 'binary',
};

/** `paths[P][M]["responses"][status]`, with numeric statuses unquoted as openapi-typescript prints them. */
function responseType(source: OperationSource, status: string): TypeExpression {
  const key = /^\d+$/.test(status) ? Number(status) : status;
  return indexType(indexType(operationType(source.path, source.method), 'responses'), key);
}

/**
 * The success response: the lowest documented 2xx (else a `2XX` range, else an undocumented 200 of type
 * `unknown`), read as JSON, text, binary or nothing depending on its media type.
 * @see https://spec.openapis.org/oas/v3.1.0#responses-object
 */
export function buildSuccess(source: OperationSource, ctx: ModelContext): SuccessResult {
  const responses = childPointer(source.pointer, 'responses');
  const statuses = entriesOf(source.node['responses']).map(([status]) => status);
  const exact = statuses.filter((status) => /^2\d\d$/.test(status)).sort()[0];
  const status = exact ?? statuses.find((candidate) => /^2xx$/i.test(candidate));
  if (status === undefined) return unknownSuccess(200);
  const pointer = childPointer(responses, status);
  const httpStatus = exact === undefined ? 200 : Number(exact);
  const response = ctx.resolve(asNode(source.node['responses'])?.[status], pointer);
  if (response === undefined) return unknownSuccess(httpStatus);

  const success: SuccessResult['success'] = {
    status: httpStatus,
    kind: 'empty',
    type: VOID_TYPE,
    headers: responseHeaders(response, ctx),
  };
  const description = descriptionOf(response.node);
  if (description !== undefined) success.description = description;
  const content = asNode(response.node['content']);
  const chosen = chooseResponseMediaType(Object.keys(content ?? {}));
  if (chosen === undefined) return { success };
  success.kind = RESPONSE_KINDS[chosen.kind];
  success.contentType = chosen.mediaType;
  success.type =
    success.kind === 'binary'
      ? BINARY_RESPONSE_TYPE
      : indexType(indexType(responseType(source, status), 'content'), chosen.mediaType);
  if (success.kind !== 'json') return { success };
  const schemaPointer = childPointer(response.pointer, 'content', chosen.mediaType, 'schema');
  return { success, schema: { value: asNode(content?.[chosen.mediaType])?.['schema'], pointer: schemaPointer } };
}

/** A success response nothing is known about: a JSON body of type `unknown`. */
function unknownSuccess(status: number): SuccessResult {
  return { success: { status, kind: 'json', type: UNKNOWN_TYPE, headers: [] } };
}

/** Documented response headers, except `Content-Type`, which the spec says to ignore. */
function responseHeaders(response: Resolved, ctx: ModelContext): SuccessResponse['headers'] {
  const headers = entriesOf(response.node['headers']).filter(([wireName]) => wireName.toLowerCase() !== 'content-type');
  return headers.map(([wireName, value]) => {
    const header = ctx.resolve(value, childPointer(response.pointer, 'headers', wireName));
    const description = descriptionOf(header?.node);
    return description === undefined ? { wireName } : { wireName, description };
  });
}

/**
 * How the success body shows in signatures: `void`, `Blob` or `unknown` as they are, a JSON or text body
 * as the primitive or named schema it is, else as `aliasName`.
 */
export function shownSuccess(
  { success, schema }: SuccessResult,
  naming: TypeNaming,
  aliasName: string,
): SuccessResponse {
  const plain = [VOID_TYPE, UNKNOWN_TYPE, BINARY_RESPONSE_TYPE].includes(success.type);
  const shown = plain ? localName(success.type) : (naming.shown(schema?.value) ?? localName(aliasName));
  return { ...success, shown };
}

/** The documented error statuses and the catch-alls (`4XX`, `5XX`, `default`) documented too. */
export interface ErrorResult {
  errors: ErrorCase[];
  hasDefaultError: boolean;
  defaultErrors: DefaultErrorCase[];
}

/** The catch-all response keys, in the order `Operation.defaultErrors` lists them. */
export const DEFAULT_ERROR_RANGES: readonly DefaultErrorCase['range'][] = ['4XX', '5XX', 'default'];

/**
 * One error case per documented 4xx/5xx status, ascending, named by the runtime's status table, and one
 * per catch-all; the body is typed when the response documents JSON.
 */
export function buildErrors(source: OperationSource, ctx: ModelContext, naming: TypeNaming): ErrorResult {
  const responses = entriesOf(source.node['responses']);
  const defaultErrors = DEFAULT_ERROR_RANGES.flatMap((range): DefaultErrorCase[] => {
    const entry = responses.find(([status]) =>
      range === 'default' ? status === 'default' : status.toUpperCase() === range,
    );
    return entry === undefined ? [] : [{ range, ...errorResponse(source, ctx, naming, entry) }];
  });
  const hasDefaultError = defaultErrors.length > 0;
  const errors = responses
    .filter(([status]) => /^[45]\d\d$/.test(status))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map((entry): ErrorCase => ({
      status: Number(entry[0]),
      className: statusErrorClassName(Number(entry[0])),
      ...errorResponse(source, ctx, naming, entry),
    }));
  return { errors, hasDefaultError, defaultErrors };
}

/** What an error response documents: its description, and its body's type (`unknown` unless JSON). */
function errorResponse(
  source: OperationSource,
  ctx: ModelContext,
  naming: TypeNaming,
  [status, value]: [string, unknown],
): Pick<ErrorCase, 'description' | 'bodyType' | 'bodyShown'> {
  const response = ctx.resolve(value, childPointer(source.pointer, 'responses', status));
  const description = descriptionOf(response?.node);
  const content = asNode(response?.node['content']);
  const chosen = chooseResponseMediaType(Object.keys(content ?? {}));
  if (chosen === undefined || RESPONSE_KINDS[chosen.kind] !== 'json') {
    return description === undefined ? { bodyType: UNKNOWN_TYPE } : { bodyType: UNKNOWN_TYPE, description };
  }
  const bodyType = indexType(indexType(responseType(source, status), 'content'), chosen.mediaType);
  const bodyShown = naming.shown(asNode(content?.[chosen.mediaType])?.['schema']);
  return {
    bodyType,
    ...(bodyShown === undefined ? {} : { bodyShown }),
    ...(description === undefined ? {} : { description }),
  };
}

/**
 * The type of an `UnexpectedStatusError`'s body for this operation, or undefined when it is `unknown`. The
 * runtime raises one for every non-2xx status the operation lists no class for, so the body is known only
 * when a `default` response covers them all; `4XX`/`5XX` take precedence over it within their range, so
 * their bodies join the union. With `4XX`/`5XX` alone, other statuses (a 3xx fetch did not follow, say) are
 * documented by nothing, and a catch-all without a JSON body makes the union `unknown` too.
 */
export function unexpectedStatusBodyType({ defaultErrors = [] }: Operation): TypeExpression | undefined {
  const bodyTypes = defaultErrors.map(({ bodyType, bodyShown }) => bodyShown?.text ?? bodyType);
  if (!defaultErrors.some(({ range }) => range === 'default') || bodyTypes.includes(UNKNOWN_TYPE)) return undefined;
  return [...new Set(bodyTypes)].join(' | ');
}
