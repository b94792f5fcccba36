import type { HttpMethod, TypeExpression } from './types.js';

/**
 * Builders for `TypeExpression`s: TypeScript types that index into openapi-typescript's `paths`. Every
 * key is printed with JSON.stringify, so any path, media type or parameter name is a valid literal.
 */

/** Used where the spec cannot be expressed exactly (always with a warning). */
export const UNKNOWN_TYPE: TypeExpression = 'unknown';

/** The success type of an operation that documents an empty response. */
export const VOID_TYPE: TypeExpression = 'void';

/** A binary response body, as the runtime reads it. */
export const BINARY_RESPONSE_TYPE: TypeExpression = 'Blob';

/** A binary request body: whatever the runtime can send as it is (openapi-typescript types these as `string`). */
export const BINARY_BODY_TYPE: TypeExpression = 'Blob | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array>';

/** `T[key]` with the key as a literal (numbers, such as statuses, unquoted). */
export function indexType(type: TypeExpression, key: string | number): TypeExpression {
  return `${type}[${typeof key === 'number' ? key : JSON.stringify(key)}]`;
}

/** `NonNullable<T>`, for members openapi-typescript marks optional. */
export function nonNullable(type: TypeExpression): TypeExpression {
  return `NonNullable<${type}>`;
}

/** `paths["/pets/{id}"]["get"]`: the operation's type. */
export function operationType(path: string, method: HttpMethod): TypeExpression {
  return indexType(indexType('paths', path), method.toLowerCase());
}
