import { asNode, entriesOf } from '../model/spec-node.js';
import type { ApiChange, Direction } from './api-change.js';
import { compareSchema, type SchemaChange } from './compare-schema.js';
import { collectRefs, componentSchemaName, resolveRef } from './json-refs.js';

const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Which way each named schema's data flows: `request` when only parameters and request bodies reach it
 * (through any chain of `$ref`s), `response` when only responses do, `both` when both do. Schemas no
 * operation reaches are left out (callers treat them as `both`: apps may use their exported types either way).
 */
export function schemaUsage(document: unknown): Map<string, Direction> {
  const request = new Set<string>();
  const response = new Set<string>();
  for (const [, value] of entriesOf(asNode(document)?.['paths'])) {
    const pathItem = asNode(resolveRef(value, document));
    collectRefs(pathItem?.['parameters'], document, request);
    for (const key of OPERATION_KEYS) {
      const operation = asNode(pathItem?.[key]);
      if (operation === undefined) continue;
      collectRefs(operation['parameters'], document, request);
      collectRefs(operation['requestBody'], document, request);
      collectRefs(operation['responses'], document, response);
    }
  }
  const usage = new Map<string, Direction>();
  const mark = (refs: Set<string>, direction: Direction) => {
    for (const ref of refs) {
      const name = componentSchemaName(ref);
      if (name === undefined) continue;
      const known = usage.get(name);
      usage.set(name, known === undefined || known === direction ? direction : 'both');
    }
  };
  mark(request, 'request');
  mark(response, 'response');
  return usage;
}

/** Merges the usage of both versions: a schema used in requests by either one is a request schema. */
function mergedUsage(oldDocument: unknown, newDocument: unknown): Map<string, Direction> {
  const merged = schemaUsage(oldDocument);
  for (const [name, direction] of schemaUsage(newDocument)) {
    const known = merged.get(name);
    merged.set(name, known === undefined || known === direction ? direction : 'both');
  }
  return merged;
}

/** A schema change as an API change of `subject`. */
export function toApiChange(change: SchemaChange, subject: string, direction: Direction, location?: string): ApiChange {
  return {
    kind: change.kind,
    subject,
    direction,
    ...(location === undefined ? {} : { location }),
    ...(change.path === '' ? {} : { name: change.path }),
    ...(change.from === undefined ? {} : { from: change.from }),
    ...(change.to === undefined ? {} : { to: change.to }),
  };
}

/**
 * Changes inside the named schemas (`components/schemas`) both documents have, each with the
 * direction its data flows in (see `schemaUsage`). Schemas added or removed are the IR's business
 * (`diffModels` reports them as exported types). Pure: reads both documents, nothing else.
 * @param typeNames the exported type name of each schema (by its name in the spec), for the messages
 * @see https://spec.openapis.org/oas/v3.1.0#components-object
 */
export function diffSchemas(
  oldDocument: unknown,
  newDocument: unknown,
  typeNames: ReadonlyMap<string, string> = new Map(),
): ApiChange[] {
  const oldSchemas = asNode(asNode(asNode(oldDocument)?.['components'])?.['schemas']) ?? {};
  const usage = mergedUsage(oldDocument, newDocument);
  const documents = { old: oldDocument, new: newDocument };
  return entriesOf(asNode(asNode(newDocument)?.['components'])?.['schemas']).flatMap(([name, schema]) => {
    if (!Object.hasOwn(oldSchemas, name)) return [];
    const subject = typeNames.get(name) ?? name;
    const direction = usage.get(name) ?? 'both';
    return compareSchema(oldSchemas[name], schema, documents).map((change) => toApiChange(change, subject, direction));
  });
}
