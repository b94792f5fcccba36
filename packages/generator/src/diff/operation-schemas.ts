import { unexpectedStatusBodyType } from '../model/responses.js';
import { UNKNOWN_TYPE } from '../model/type-expressions.js';
import type { Operation } from '../model/types.js';
import type { ApiChange, Direction } from './api-change.js';
import { compareSchema, type SchemaDocuments } from './compare-schema.js';
import { toApiChange } from './diff-schemas.js';
import { operationSubject, type OperationPair } from './match-operations.js';
import { valueAtPointer } from '../load/json-pointer.js';

/** A part of the IR with a schema: a parameter, a body, a response or an error case. */
interface SchemaPart {
  schemaPointer?: string;
}

/** The schema the part's `schemaPointer` names, in the document its model was built from. */
function schemaAt(document: unknown, part: SchemaPart): unknown {
  return part.schemaPointer === undefined ? undefined : valueAtPointer(document, part.schemaPointer);
}

/**
 * Changes inside the schemas an operation uses inline: its parameters', its request body's, its success
 * response's and its error bodies' (a `$ref` to a named schema is compared once, by `diffSchemas`).
 * Only parts present in both versions are compared: the IR diff reports the rest.
 */
export function diffOperationSchemas(pair: OperationPair, documents: SchemaDocuments): ApiChange[] {
  const before = pair.old.operation;
  const after = pair.new.operation;
  const subject = operationSubject(pair.new);
  const changes: ApiChange[] = [];
  const compare = (oldPart: SchemaPart, newPart: SchemaPart, direction: Direction, location: string) => {
    const oldSchema = schemaAt(documents.old, oldPart);
    const newSchema = schemaAt(documents.new, newPart);
    for (const change of compareSchema(oldSchema, newSchema, documents))
      changes.push(toApiChange(change, subject, direction, location));
  };

  // As diffOperation pairs them: by position when there are as many, else by name.
  const samePositions = before.pathParams.length === after.pathParams.length;
  after.pathParams.forEach((param, index) => {
    const old = samePositions
      ? before.pathParams[index]
      : before.pathParams.find((candidate) => candidate.wireName === param.wireName);
    if (old !== undefined) compare(old, param, 'request', `path parameter \`${param.wireName}\``);
  });
  for (const param of after.params) {
    const old = before.params.find((candidate) => candidate.in === param.in && candidate.wireName === param.wireName);
    const label = param.in === 'query' ? 'parameter' : `${param.in} parameter`;
    if (old !== undefined) compare(old, param, 'request', `${label} \`${param.wireName}\``);
  }
  if (before.body !== undefined && after.body !== undefined && before.body.kind === after.body.kind)
    compare(before.body, after.body, 'request', 'request body');
  const readsSchema = (kind: Operation['success']['kind']) => kind !== 'empty' && kind !== 'binary';
  if (before.success.kind === after.success.kind && readsSchema(after.success.kind))
    compare(before.success, after.success, 'response', 'response');
  for (const error of after.errors) {
    const old = before.errors.find((candidate) => candidate.status === error.status);
    // A body that gained or lost its type is an IR change (error-typed, error-type-changed).
    if (old !== undefined && (old.bodyType === UNKNOWN_TYPE) === (error.bodyType === UNKNOWN_TYPE))
      compare(old, error, 'response', `error ${error.status} body`);
  }
  // Catch-all bodies matter only while they type `CommonError<Body>`; gaining or losing that is an IR change.
  if (unexpectedStatusBodyType(before) !== undefined && unexpectedStatusBodyType(after) !== undefined) {
    for (const error of after.defaultErrors ?? []) {
      const old = before.defaultErrors?.find((candidate) => candidate.range === error.range);
      if (old !== undefined) compare(old, error, 'response', `${error.range} error body`);
    }
  }
  return changes;
}
