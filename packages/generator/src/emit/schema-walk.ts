/**
 * Where a document holds schemas: outside any schema (components, parameters, bodies, responses,
 * headers) and inside each one (properties, items, compositions, ...), each with its JSON pointer.
 */
import { childPointer } from '../load/json-pointer.js';
import { asArray, asNode, entriesOf } from '../model/spec-node.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_VALUES = ['items', 'additionalProperties', 'not', 'contains', 'if', 'then', 'else', 'propertyNames'];

/** Every schema of the document, outer ones and all they contain, parents before their subschemas. */
export function everySchema(document: object): [string, unknown][] {
  const found: [string, unknown][] = [];
  const visit = (pointer: string, schema: unknown): void => {
    found.push([pointer, schema]);
    for (const [childAt, child] of subschemas(schema, pointer)) visit(childAt, child);
  };
  for (const [pointer, schema] of outerSchemas(document)) visit(pointer, schema);
  return found;
}

/** The schemas directly inside a schema (properties, items, compositions, ...), with their pointers. */
export function subschemas(schema: unknown, pointer: string): [string, unknown][] {
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
export function outerSchemas(document: object): [string, unknown][] {
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
