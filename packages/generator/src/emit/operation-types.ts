import {
  StructureKind,
  type InterfaceDeclarationStructure,
  type PropertySignatureStructure,
  type OptionalKind,
  type TypeAliasDeclarationStructure,
} from 'ts-morph';
import type { Operation, Parameter } from '../model/types.js';
import { emitErrorUnion } from './error-union.js';
import { propertyKey } from './escape.js';
import { operationTypeNames } from './operation-signature.js';
import { tsDoc } from './tsdoc.js';

/**
 * The exported types of one operation, in a fixed order: `Params` (if any), `Body` (if any),
 * `Response`, `Item` (paginated lists only) and the `Error` union.
 */
export function emitOperationTypes(
  operation: Operation,
): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  const names = operationTypeNames(operation);
  const { body, success, pagination } = operation;
  return [
    ...(operation.params.length > 0 ? [emitParamsInterface(operation)] : []),
    ...(body
      ? [
          typeAlias(
            names.body,
            body.kind === 'json-patch' ? `JsonPatch<${body.patchTarget ?? body.type}>` : body.type,
            body.description ?? `The request body of \`${operation.methodName}\`, sent as \`${body.contentType}\`.`,
          ),
        ]
      : []),
    typeAlias(
      names.response,
      success.type,
      success.description ?? `The ${success.status} response body of \`${operation.methodName}\`.`,
    ),
    ...(pagination
      ? [typeAlias(names.item, pagination.itemType, `One item of a \`${operation.methodName}\` page.`)]
      : []),
    emitErrorUnion(operation),
  ];
}

/** The runtime types an operation's exported types refer to. */
export function operationTypeImports(operation: Operation): string[] {
  return operation.body?.kind === 'json-patch' ? ['JsonPatch'] : [];
}

/**
 * `export interface <TypeName>Params`: one property per query, header or cookie parameter. Optional
 * properties also accept `undefined`, which the runtime leaves out of the request.
 */
export function emitParamsInterface(operation: Operation): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name: operationTypeNames(operation).params,
    docs: tsDoc({ summary: `Query, header and cookie parameters of \`${operation.methodName}\`.` }),
    properties: operation.params.map(paramProperty),
  };
}

function paramProperty(param: Parameter): OptionalKind<PropertySignatureStructure> {
  const location = param.in === 'query' ? '' : ` Sent as the \`${param.wireName}\` ${param.in}.`;
  return {
    name: propertyKey(param.name),
    hasQuestionToken: !param.required,
    type: param.required ? param.type : `${param.type} | undefined`,
    docs: tsDoc({
      summary: `${param.description ?? ''}${location}`.trim(),
      tags: param.deprecated ? [{ tagName: 'deprecated' }] : [],
    }),
  };
}

function typeAlias(name: string, type: string, description: string): TypeAliasDeclarationStructure {
  return { kind: StructureKind.TypeAlias, isExported: true, name, type, docs: tsDoc({ summary: description }) };
}
