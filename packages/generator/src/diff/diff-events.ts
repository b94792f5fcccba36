/**
 * Webhooks and callbacks: requests the API sends, which the client has no code for. Only their set and
 * their text are compared, from the documents (the IR does not model them).
 * @see https://spec.openapis.org/oas/v3.1.0#callback-object
 */
import { valueAtPointer } from '../load/json-pointer.js';
import { asNode, entriesOf } from '../model/spec-node.js';
import type { ApiChange, ChangeKind } from './api-change.js';
import type { SchemaDocuments } from './compare-schema.js';
import { resolveRef, sameJson } from './json-refs.js';
import { operationSubject, type OperationPair } from './match-operations.js';

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Each operation of a map of path items, by `<key> <METHOD>` (a webhook name, or a callback's expression). */
function eventOperations(pathItems: unknown, document: unknown): Map<string, unknown> {
  const operations = new Map<string, unknown>();
  for (const [key, pathItem] of entriesOf(pathItems)) {
    for (const [method, operation] of entriesOf(resolveRef(pathItem, document)))
      if (HTTP_METHODS.has(method)) operations.set(`${key} ${method.toUpperCase()}`, operation);
  }
  return operations;
}

function compareEvents(
  kinds: { added: ChangeKind; removed: ChangeKind; changed: ChangeKind },
  subject: string,
  before: Map<string, unknown>,
  after: Map<string, unknown>,
): ApiChange[] {
  const changes: ApiChange[] = [];
  for (const [name, operation] of after) {
    if (!before.has(name)) changes.push({ kind: kinds.added, subject, name });
    else if (!sameJson(before.get(name), operation)) changes.push({ kind: kinds.changed, subject, name });
  }
  for (const name of before.keys()) if (!after.has(name)) changes.push({ kind: kinds.removed, subject, name });
  return changes;
}

/** Webhooks (OpenAPI 3.1 `webhooks`) added, removed or changed. */
export function diffWebhooks(documents: SchemaDocuments): ApiChange[] {
  const webhooks = (document: unknown) => eventOperations(asNode(document)?.['webhooks'], document);
  return compareEvents(
    { added: 'webhook-added', removed: 'webhook-removed', changed: 'webhook-changed' },
    'API',
    webhooks(documents.old),
    webhooks(documents.new),
  );
}

/** The callbacks of an operation both versions have, added, removed or changed. */
export function diffCallbacks(pair: OperationPair, documents: SchemaDocuments): ApiChange[] {
  const callbacks = (document: unknown, pointer: string) => {
    const operations = new Map<string, unknown>();
    const operation = asNode(valueAtPointer(document, pointer));
    for (const [name, callback] of entriesOf(operation?.['callbacks'])) {
      for (const [key, value] of eventOperations(resolveRef(callback, document), document))
        operations.set(`${name}: ${key}`, value);
    }
    return operations;
  };
  return compareEvents(
    { added: 'callback-added', removed: 'callback-removed', changed: 'callback-changed' },
    operationSubject(pair.new),
    callbacks(documents.old, pair.old.operation.pointer),
    callbacks(documents.new, pair.new.operation.pointer),
  );
}
