import { transformSchemaObject, type GlobalContext, type SchemaObject } from 'openapi-typescript';

import { asArray, asNode, entriesOf } from '../model/spec-node.js';
import { childPointer, pointerSegments } from '../load/json-pointer.js';

/** A schema openapi-typescript could not transform, replaced by `{}` (typed `unknown`). */
export interface SchemaFallback {
  /** JSON pointer of the schema in the (bundled) document. */
  pointer: string;
  message: string;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_VALUES = ['items', 'additionalProperties', 'not', 'contains', 'if', 'then', 'else', 'propertyNames'];

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

/** The schemas directly inside a schema (properties, items, compositions, ...), with their pointers. */
function subschemas(schema: unknown, pointer: string): [string, unknown][] {
  const node = asNode(schema);
  if (node === undefined || typeof node['$ref'] === 'string') return [];
  const found: [string, unknown][] = [];
  for (const key of SCHEMA_MAPS)
    for (const [name, value] of entriesOf(node[key])) found.push([childPointer(pointer, key, name), value]);
  for (const key of SCHEMA_LISTS)
    asArray(node[key]).forEach((value, index) => found.push([childPointer(pointer, key, index), value]));
  for (const key of SCHEMA_VALUES) {
    const value = node[key];
    if (Array.isArray(value)) value.forEach((item, index) => found.push([childPointer(pointer, key, index), item]));
    else if (value !== undefined && typeof value !== 'boolean') found.push([childPointer(pointer, key), value]);
  }
  return found;
}

/** Every schema the document holds outside other schemas: components, parameters, bodies, responses, headers. */
function outerSchemas(document: object): [string, unknown][] {
  const found: [string, unknown][] = [];
  const components = asNode((document as Record<string, unknown>)['components']);
  for (const [name, schema] of entriesOf(components?.['schemas']))
    found.push([childPointer('#/components/schemas', name), schema]);
  for (const [name, parameter] of entriesOf(components?.['parameters']))
    parameterSchemas(parameter, childPointer('#/components/parameters', name), found);
  for (const [name, header] of entriesOf(components?.['headers']))
    parameterSchemas(header, childPointer('#/components/headers', name), found);
  for (const [name, body] of entriesOf(components?.['requestBodies']))
    contentSchemas(body, childPointer('#/components/requestBodies', name), found);
  for (const [name, response] of entriesOf(components?.['responses']))
    responseSchemas(response, childPointer('#/components/responses', name), found);
  for (const section of ['paths', 'webhooks']) {
    for (const [key, item] of entriesOf((document as Record<string, unknown>)[section])) {
      const itemAt = childPointer(`#/${section}`, key);
      asArray(asNode(item)?.['parameters']).forEach((parameter, index) =>
        parameterSchemas(parameter, childPointer(itemAt, 'parameters', index), found),
      );
      for (const method of HTTP_METHODS) {
        const operation = asNode(asNode(item)?.[method]);
        if (operation === undefined) continue;
        const operationAt = childPointer(itemAt, method);
        asArray(operation['parameters']).forEach((parameter, index) =>
          parameterSchemas(parameter, childPointer(operationAt, 'parameters', index), found),
        );
        contentSchemas(operation['requestBody'], childPointer(operationAt, 'requestBody'), found);
        for (const [status, response] of entriesOf(operation['responses']))
          responseSchemas(response, childPointer(operationAt, 'responses', status), found);
      }
    }
  }
  return found;
}

function parameterSchemas(parameter: unknown, pointer: string, found: [string, unknown][]): void {
  const node = asNode(parameter);
  if (node?.['schema'] !== undefined) found.push([childPointer(pointer, 'schema'), node['schema']]);
  contentSchemas(node, pointer, found);
}

function contentSchemas(holder: unknown, pointer: string, found: [string, unknown][]): void {
  for (const [mediaType, media] of entriesOf(asNode(holder)?.['content'])) {
    const schema = asNode(media)?.['schema'];
    if (schema !== undefined) found.push([childPointer(pointer, 'content', mediaType, 'schema'), schema]);
  }
}

function responseSchemas(response: unknown, pointer: string, found: [string, unknown][]): void {
  contentSchemas(response, pointer, found);
  for (const [name, header] of entriesOf(asNode(response)?.['headers']))
    parameterSchemas(header, childPointer(pointer, 'headers', name), found);
}
