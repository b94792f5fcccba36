import { chooseResponseMediaType } from '../model/media-types.js';
import { unexpectedStatusBodyType } from '../model/responses.js';
import { UNKNOWN_TYPE } from '../model/type-expressions.js';
import { asArray, asNode, entriesOf, type SpecNode } from '../model/spec-node.js';
import type { Operation, Parameter } from '../model/types.js';
import type { ApiChange, Direction } from './api-change.js';
import { compareSchema, type SchemaDocuments } from './compare-schema.js';
import { toApiChange } from './diff-schemas.js';
import { resolveRef } from './json-refs.js';
import { operationSubject, type OperationPair } from './match-operations.js';
import { valueAtPointer } from '../load/json-pointer.js';

/** An operation's node and its path item's, in one document. */
interface OperationNodes {
  document: unknown;
  operation: SpecNode | undefined;
  pathItem: SpecNode | undefined;
}

function nodesOf(document: unknown, operation: Operation): OperationNodes {
  const pathItemPointer = operation.pointer.slice(0, operation.pointer.lastIndexOf('/'));
  return {
    document,
    operation: asNode(valueAtPointer(document, operation.pointer)),
    pathItem: asNode(resolveRef(valueAtPointer(document, pathItemPointer), document)),
  };
}

function resolved(value: unknown, nodes: OperationNodes): SpecNode | undefined {
  return asNode(resolveRef(value, nodes.document));
}

/** A parameter's schema: its `schema`, or the schema of its one `content` entry. */
function parameterSchema(nodes: OperationNodes, parameter: Parameter): unknown {
  for (const list of [nodes.operation?.['parameters'], nodes.pathItem?.['parameters']]) {
    for (const value of asArray(list)) {
      const node = resolved(value, nodes);
      if (node?.['in'] !== parameter.in || node['name'] !== parameter.wireName) continue;
      return node['schema'] ?? asNode(entriesOf(node['content'])[0]?.[1])?.['schema'];
    }
  }
  return undefined;
}

/** The schema of `mediaType` in a request body or response object (which may be a `$ref`). */
function contentSchema(value: unknown, mediaType: string | undefined, nodes: OperationNodes): unknown {
  if (mediaType === undefined) return undefined;
  return asNode(asNode(resolved(value, nodes)?.['content'])?.[mediaType])?.['schema'];
}

/** The response object the IR's success status came from: the exact status, else a `2XX` range. */
function successResponse(nodes: OperationNodes, status: number): unknown {
  const responses = entriesOf(nodes.operation?.['responses']);
  return (responses.find(([key]) => key === String(status)) ?? responses.find(([key]) => /^2xx$/i.test(key)))?.[1];
}

/** The schema of the JSON (or text) body of an error response: a status, `4XX`, `5XX` or `default` (any case). */
function errorSchema(nodes: OperationNodes, key: string): unknown {
  const entry = entriesOf(nodes.operation?.['responses']).find(
    ([status]) => status.toUpperCase() === key.toUpperCase(),
  );
  const response = resolved(entry?.[1], nodes);
  const chosen = chooseResponseMediaType(Object.keys(asNode(response?.['content']) ?? {}));
  return chosen === undefined ? undefined : contentSchema(response, chosen.mediaType, nodes);
}

/**
 * Changes inside the schemas an operation uses inline: its parameters', its request body's, its success
 * response's and its error bodies' (a `$ref` to a named schema is compared once, by `diffSchemas`).
 * Only parts present in both versions are compared: the IR diff reports the rest.
 */
export function diffOperationSchemas(pair: OperationPair, documents: SchemaDocuments): ApiChange[] {
  const before = pair.old.operation;
  const after = pair.new.operation;
  const oldNodes = nodesOf(documents.old, before);
  const newNodes = nodesOf(documents.new, after);
  const subject = operationSubject(pair.new);
  const changes: ApiChange[] = [];
  const compare = (oldSchema: unknown, newSchema: unknown, direction: Direction, location: string) => {
    for (const change of compareSchema(oldSchema, newSchema, documents))
      changes.push(toApiChange(change, subject, direction, location));
  };

  // As diffOperation pairs them: by position when there are as many, else by name.
  const samePositions = before.pathParams.length === after.pathParams.length;
  after.pathParams.forEach((param, index) => {
    const old = samePositions
      ? before.pathParams[index]
      : before.pathParams.find((candidate) => candidate.wireName === param.wireName);
    if (old !== undefined)
      compare(
        parameterSchema(oldNodes, old),
        parameterSchema(newNodes, param),
        'request',
        `path parameter \`${param.wireName}\``,
      );
  });
  for (const param of after.params) {
    const old = before.params.find((candidate) => candidate.in === param.in && candidate.wireName === param.wireName);
    const label = param.in === 'query' ? 'parameter' : `${param.in} parameter`;
    if (old !== undefined)
      compare(
        parameterSchema(oldNodes, old),
        parameterSchema(newNodes, param),
        'request',
        `${label} \`${param.wireName}\``,
      );
  }
  if (before.body !== undefined && after.body !== undefined && before.body.kind === after.body.kind) {
    const oldSchema = contentSchema(oldNodes.operation?.['requestBody'], before.body.contentType, oldNodes);
    compare(
      oldSchema,
      contentSchema(newNodes.operation?.['requestBody'], after.body.contentType, newNodes),
      'request',
      'request body',
    );
  }
  if (
    before.success.kind === after.success.kind &&
    before.success.kind !== 'empty' &&
    before.success.kind !== 'binary'
  ) {
    const oldSchema = contentSchema(
      successResponse(oldNodes, before.success.status),
      before.success.contentType,
      oldNodes,
    );
    compare(
      oldSchema,
      contentSchema(successResponse(newNodes, after.success.status), after.success.contentType, newNodes),
      'response',
      'response',
    );
  }
  for (const error of after.errors) {
    const old = before.errors.find((candidate) => candidate.status === error.status);
    // A body that gained or lost its type is an IR change (error-typed, error-type-changed).
    if (old !== undefined && (old.bodyType === UNKNOWN_TYPE) === (error.bodyType === UNKNOWN_TYPE)) {
      compare(
        errorSchema(oldNodes, String(error.status)),
        errorSchema(newNodes, String(error.status)),
        'response',
        `error ${error.status} body`,
      );
    }
  }
  // Catch-all bodies matter only while they type `CommonError<Body>`; gaining or losing that is an IR change.
  if (unexpectedStatusBodyType(before) !== undefined && unexpectedStatusBodyType(after) !== undefined) {
    for (const { range } of after.defaultErrors ?? []) {
      if (before.defaultErrors?.some((old) => old.range === range))
        compare(errorSchema(oldNodes, range), errorSchema(newNodes, range), 'response', `${range} error body`);
    }
  }
  return changes;
}
