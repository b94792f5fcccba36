import { transformSchemaObject, type GlobalContext, type SchemaObject } from 'openapi-typescript';

import { pointerSegments } from '../load/json-pointer.js';
import { asNode } from '../model/spec-node.js';
import { outerSchemas, subschemas } from './schema-walk.js';

/** A schema openapi-typescript could not transform, replaced by `{}` (typed `unknown`). */
export interface SchemaFallback {
  /** JSON pointer of the schema in the (bundled) document. */
  pointer: string;
  message: string;
}

/**
 * Finds the schema that makes openapi-typescript throw on `document` (after the whole-document transform
 * failed): each schema the document holds is transformed alone, and in the first one that throws the
 * innermost throwing subschema is the culprit. Undefined when no single schema throws.
 */
export function findUntransformableSchema(document: object, ctx: GlobalContext): SchemaFallback | undefined {
  for (const [pointer, schema] of outerSchemas(document)) {
    const error = transformError(schema, pointer, ctx);
    if (error !== undefined) return innermostFailure(schema, pointer, error, ctx);
  }
  return undefined;
}

/** Replaces the schema at `pointer` by `{}` (openapi-typescript types it `unknown`), keeping its description. */
export function replaceWithUnknown(document: object, pointer: string): void {
  const keys = pointerSegments(pointer) ?? [];
  const last = keys.pop();
  let parent: unknown = document;
  for (const key of keys)
    parent = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[key] : undefined;
  if (last === undefined || typeof parent !== 'object' || parent === null) return;
  const description = asNode((parent as Record<string, unknown>)[last])?.['description'];
  (parent as Record<string, unknown>)[last] = typeof description === 'string' ? { description } : {};
}

function innermostFailure(schema: unknown, pointer: string, error: string, ctx: GlobalContext): SchemaFallback {
  for (const [childAt, child] of subschemas(schema, pointer)) {
    const childError = transformError(child, childAt, ctx);
    if (childError !== undefined) return innermostFailure(child, childAt, childError, ctx);
  }
  return { pointer, message: `openapi-typescript cannot type this schema (${error}); typed as unknown` };
}

function transformError(schema: unknown, pointer: string, ctx: GlobalContext): string | undefined {
  try {
    transformSchemaObject(schema as SchemaObject, { path: pointer, ctx, schema: schema as SchemaObject });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
