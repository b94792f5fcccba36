import type { ModelContext } from './model-context.js';
import type { OperationSource } from './operation-source.js';
import type { SuccessResult } from './responses.js';
import { asArray, asNode, asString, type SpecNode } from './spec-node.js';
import { indexType, nonNullable } from './type-expressions.js';
import type { Pagination, Parameter } from './types.js';
import { childPointer } from '../load/json-pointer.js';

/** The `x-sdk-pagination` extension: at the document root (for every list) or on one operation. */
export const PAGINATION_EXTENSION = 'x-sdk-pagination';

/** A pagination configuration read from the extension (everything but the item type). */
export type PaginationConfig = Omit<Pagination, 'itemType'>;

/**
 * Reads an `x-sdk-pagination` value: a configuration, `false` (disabled), or undefined when absent or
 * invalid (with a warning).
 */
export function readPaginationConfig(
  value: unknown,
  pointer: string,
  ctx: ModelContext,
): PaginationConfig | false | undefined {
  if (value === undefined || value === false) return value;
  const node = asNode(value);
  const pageParam = asString(node?.['pageParam']);
  const itemsField = asString(node?.['itemsField']);
  const hasMoreField = asString(node?.['hasMoreField']);
  const sizeParam = node?.['sizeParam'];
  if (
    node?.['style'] !== 'page' ||
    pageParam === undefined ||
    itemsField === undefined ||
    hasMoreField === undefined ||
    (sizeParam !== undefined && typeof sizeParam !== 'string')
  ) {
    ctx.warn(
      pointer,
      `${PAGINATION_EXTENSION} must be false or { style: page, pageParam, sizeParam?, itemsField, hasMoreField } (strings); ignored`,
    );
    return undefined;
  }
  const config: PaginationConfig = { style: 'page', pageParam, itemsField, hasMoreField };
  if (typeof sizeParam === 'string') config.sizeParam = sizeParam;
  return config;
}

/** What deciding an operation's pagination needs. */
export interface PaginationInput {
  source: OperationSource;
  params: readonly Parameter[];
  success: SuccessResult;
  /** The document-level configuration, if any. */
  rootPagination: PaginationConfig | undefined;
}

/**
 * The operation's pagination. The root configuration applies to each GET that has the page parameter and
 * whose JSON success body has the items array; an operation's own configuration (or `false`) wins, and
 * warns when the operation does not fit it.
 */
export function buildPagination(
  { source, params, success, rootPagination }: PaginationInput,
  ctx: ModelContext,
): Pagination | undefined {
  const pointer = childPointer(source.pointer, PAGINATION_EXTENSION);
  const own = readPaginationConfig(source.node[PAGINATION_EXTENSION], pointer, ctx);
  if (own === false) return undefined;
  const config = own ?? (source.method === 'GET' ? rootPagination : undefined);
  if (config === undefined) return undefined;
  const hasPageParam = params.some((param) => param.in === 'query' && param.wireName === config.pageParam);
  const hasItems =
    success.success.kind === 'json' &&
    success.schema !== undefined &&
    hasArrayProperty(success.schema.value, success.schema.pointer, config.itemsField, ctx);
  if (!hasPageParam || !hasItems) {
    if (own !== undefined) {
      const missing = hasPageParam
        ? `a JSON success body with an array \`${config.itemsField}\``
        : `the query parameter \`${config.pageParam}\``;
      ctx.warn(pointer, `the operation has no ${missing}; not paginated`);
    }
    return undefined;
  }
  return { ...config, itemType: `${nonNullable(indexType(success.success.type, config.itemsField))}[number]` };
}

const MAX_SCHEMA_DEPTH = 8;

/** True when the schema (through `$ref`s and `allOf`) has an array-typed property `field`. */
function hasArrayProperty(schemaValue: unknown, pointer: string, field: string, ctx: ModelContext, depth = 0): boolean {
  const schema = ctx.resolve(schemaValue, pointer);
  if (schema === undefined || depth > MAX_SCHEMA_DEPTH) return false;
  const propertyPointer = childPointer(schema.pointer, 'properties', field);
  const property = asNode(schema.node['properties'])?.[field];
  if (property !== undefined && isArraySchema(ctx.resolve(property, propertyPointer)?.node)) return true;
  return asArray(schema.node['allOf']).some((member, index) =>
    hasArrayProperty(member, childPointer(schema.pointer, 'allOf', index), field, ctx, depth + 1),
  );
}

function isArraySchema(schema: SpecNode | undefined): boolean {
  const type = schema?.['type'];
  return (
    type === 'array' ||
    (Array.isArray(type) && type.includes('array')) ||
    (type === undefined && schema?.['items'] !== undefined)
  );
}
