import {
  StructureKind,
  type InterfaceDeclarationStructure,
  type PropertySignatureStructure,
  type OptionalKind,
  type TypeAliasDeclarationStructure,
} from 'ts-morph';
import { indexType, nonNullable } from '../model/type-expressions.js';
import type { Operation, Parameter, ShownType } from '../model/types.js';
import type { Resource } from '../model/types.js';
import { emitErrorUnion, errorUnionImports } from './error-union.js';
import { propertyKey } from './escape.js';
import type { TypeScriptFile } from './file.js';
import { tsHeader, type HeaderInfo } from './header.js';
import { namedImports, namesUsed, schemaNamesUsed } from './imports.js';
import { shownSchemas } from './operation-signature.js';
import { tsDoc } from './tsdoc.js';

/** Where a resource's operation types live in the generated package. */
export function operationTypesPath(resource: Resource): string {
  return `src/models/operations/${resource.fileName}.ts`;
}

/** The specifier that imports a resource's operation types from `src/funcs/` or `src/resources/`. */
export function operationTypesSpecifier(resource: Resource): string {
  return `../models/operations/${resource.fileName}.js`;
}

/** The specifier of the named schemas' module from `src/funcs/` or `src/resources/`. */
export const COMPONENTS_SPECIFIER = '../models/components.js';

/**
 * `src/models/operations/<fileName>.ts`: the exported types of each operation of a resource, in operation
 * order. It imports only types (runtime, named schemas, `paths`), so functions and resource classes import
 * it and nothing imports them back.
 */
export function emitOperationTypesFile(resource: Resource, runtimePackage: string, header: HeaderInfo): TypeScriptFile {
  const { operations } = resource;
  const declarations = operations.flatMap(emitOperationTypes);
  const printed = declarations.flatMap(printedTypes);
  return {
    path: operationTypesPath(resource),
    structure: {
      statements: [
        tsHeader(header),
        ...namedImports(runtimePackage, operations.flatMap(typesFromRuntime), { typeOnly: true }),
        ...namedImports('../../schema.js', schemaNamesUsed(printed), { typeOnly: true }),
        ...namedImports('../components.js', namesUsed(operations.flatMap(shownSchemas), printed), { typeOnly: true }),
        ...declarations,
      ],
    },
  };
}

/** The type texts a declaration prints. */
function printedTypes(declaration: InterfaceDeclarationStructure | TypeAliasDeclarationStructure): string[] {
  if (declaration.kind === StructureKind.TypeAlias) return typeof declaration.type === 'string' ? [declaration.type] : [];
  return (declaration.properties ?? []).flatMap(({ type }) => (typeof type === 'string' ? [type] : []));
}

/** Runtime types the operation's exported types refer to. */
function typesFromRuntime(operation: Operation): string[] {
  return [...operationTypeImports(operation), ...errorUnionImports(operation)];
}

/**
 * The exported types of one operation, in a fixed order: aliases of its complex parameters, `Params` (if
 * any), `Body` (if any), `Response`, `Item` (paginated lists only) and the `Error` union. An alias of a
 * named schema or primitive is that type; only the rest index into openapi-typescript's `paths`.
 */
export function emitOperationTypes(
  operation: Operation,
): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  const { typeNames, body, success, pagination, methodName } = operation;
  const parameters = [...operation.pathParams, ...operation.params];
  return [
    ...parameters.flatMap((param) =>
      param.alias === undefined
        ? []
        : [typeAlias(param.alias, param.type, param.description ?? `The \`${param.wireName}\` parameter of \`${methodName}\`.`)],
    ),
    ...(typeNames.params === undefined ? [] : [emitParamsInterface(operation, typeNames.params)]),
    ...(body && typeNames.body !== undefined
      ? [
          typeAlias(
            typeNames.body,
            body.kind === 'json-patch'
              ? `JsonPatch<${body.patchTarget ?? body.type}>`
              : aliased(body.shown, typeNames.body, body.type),
            body.description ?? `The request body of \`${methodName}\`, sent as \`${body.contentType}\`.`,
          ),
        ]
      : []),
    typeAlias(
      typeNames.response,
      aliased(success.shown, typeNames.response, success.type),
      success.description ?? `The ${success.status} response body of \`${methodName}\`.`,
    ),
    ...(pagination && typeNames.item !== undefined
      ? [
          typeAlias(
            typeNames.item,
            `${nonNullable(indexType(typeNames.response, pagination.itemsField))}[number]`,
            `One item of a \`${methodName}\` page.`,
          ),
        ]
      : []),
    emitErrorUnion(operation),
  ];
}

/** What an alias stands for: the shown type when that is not the alias itself, else the `paths` chain. */
function aliased(shown: ShownType, aliasName: string, chain: string): string {
  return shown.text === aliasName ? chain : shown.text;
}

/** The runtime types an operation's exported types refer to. */
export function operationTypeImports(operation: Operation): string[] {
  return operation.body?.kind === 'json-patch' ? ['JsonPatch'] : [];
}

/**
 * `export interface <TypeName>Params`: one property per query, header or cookie parameter. Optional
 * properties also accept `undefined`, which the runtime leaves out of the request.
 */
export function emitParamsInterface(operation: Operation, name: string): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name,
    docs: tsDoc({ summary: `Query, header and cookie parameters of \`${operation.methodName}\`.` }),
    properties: operation.params.map(paramProperty),
  };
}

function paramProperty(param: Parameter): OptionalKind<PropertySignatureStructure> {
  const location = param.in === 'query' ? '' : ` Sent as the \`${param.wireName}\` ${param.in}.`;
  return {
    name: propertyKey(param.name),
    hasQuestionToken: !param.required,
    type: param.required ? param.shown.text : `${param.shown.text} | undefined`,
    docs: tsDoc({
      summary: `${param.description ?? ''}${location}`.trim(),
      tags: param.deprecated ? [{ tagName: 'deprecated' }] : [],
    }),
  };
}

function typeAlias(name: string, type: string, description: string): TypeAliasDeclarationStructure {
  return { kind: StructureKind.TypeAlias, isExported: true, name, type, docs: tsDoc({ summary: description }) };
}
