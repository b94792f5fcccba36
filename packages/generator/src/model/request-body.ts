import { chooseRequestMediaType } from './media-types.js';
import type { ModelContext } from './model-context.js';
import type { OperationSource } from './operation-source.js';
import { localName, type TypeNaming } from './shown-types.js';
import { asNode, descriptionOf } from './spec-node.js';
import { BINARY_BODY_TYPE, UNKNOWN_TYPE, indexType, nonNullable, operationType } from './type-expressions.js';
import type { Body, TypeExpression } from './types.js';
import { childPointer } from '../load/json-pointer.js';

/**
 * The request body, sent as the preferred of its media types (JSON, JSON Patch, form, multipart, binary,
 * text). A JSON Patch body gets `patchTarget`, computed only when needed. It shows as the named schema
 * it is, else as `aliasName`.
 * @see https://spec.openapis.org/oas/v3.1.0#request-body-object
 */
export function buildBody(
  source: OperationSource,
  ctx: ModelContext,
  { patchTarget, naming, aliasName }: { patchTarget: () => TypeExpression; naming: TypeNaming; aliasName: string },
): Body | undefined {
  const value = source.node['requestBody'];
  if (value === undefined) return undefined;
  const pointer = childPointer(source.pointer, 'requestBody');
  const requestBody = ctx.resolve(value, pointer);
  const chosen = chooseRequestMediaType(Object.keys(asNode(requestBody?.node['content']) ?? {}));
  if (requestBody === undefined || chosen === undefined) {
    if (requestBody !== undefined) ctx.warn(pointer, 'request body without content; typed as unknown JSON');
    return {
      required: requestBody?.node['required'] === true,
      contentType: 'application/json',
      kind: 'json',
      type: UNKNOWN_TYPE,
      shown: localName(UNKNOWN_TYPE),
    };
  }
  const contentTypes = indexType(
    nonNullable(indexType(operationType(source.path, source.method), 'requestBody')),
    'content',
  );
  const body: Body = {
    required: requestBody.node['required'] === true,
    contentType: chosen.mediaType,
    kind: chosen.kind,
    type: chosen.kind === 'binary' ? BINARY_BODY_TYPE : indexType(contentTypes, chosen.mediaType),
    shown:
      (chosen.kind === 'binary' || chosen.kind === 'json-patch'
        ? undefined
        : naming.shown(asNode(asNode(requestBody.node['content'])?.[chosen.mediaType])?.['schema'])) ??
      localName(aliasName),
  };
  if (chosen.kind === 'json-patch') body.patchTarget = patchTarget();
  const description = descriptionOf(requestBody.node);
  if (description !== undefined) body.description = description;
  return body;
}
