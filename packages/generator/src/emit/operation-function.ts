import {
  StructureKind,
  type ExportDeclarationStructure,
  type FunctionDeclarationStructure,
  type ImportDeclarationStructure,
  type WriterFunction,
} from 'ts-morph';
import { coreClassName, operationFunctionName } from '../model/naming.js';
import type { Operation, Resource } from '../model/types.js';
import { ERROR_MAPS_SPECIFIER, errorMapName } from './error-maps.js';
import type { TypeScriptFile } from './file.js';
import { tsHeader, type HeaderInfo } from './header.js';
import { namedImports, namesUsed } from './imports.js';
import { returnType, shownSchemas, signatureParameters } from './operation-signature.js';
import { COMPONENTS_SPECIFIER, operationTypesSpecifier } from './operation-types.js';
import { requestStatement, runtimeFunctionsUsed } from './request-call.js';
import { tsDoc } from './tsdoc.js';

/** What a functions module needs beyond the IR. */
export interface FunctionsFileOptions {
  clientName: string;
  runtimePackage: string;
  header: HeaderInfo;
}

/** Where a resource's standalone functions live in the generated package. */
export function functionsPath(resource: Resource): string {
  return `src/funcs/${resource.fileName}.ts`;
}

/** The specifier that imports a resource's functions from its resource module (`src/resources/`). */
export function functionsSpecifier(resource: Resource): string {
  return `../funcs/${resource.fileName}.js`;
}

/** The first parameter of every standalone function; `client_` when a path parameter is called `client`. */
export function clientParameterName(operation: Operation): string {
  return operation.pathParams.some((param) => param.name === 'client') ? 'client_' : 'client';
}

/**
 * `src/funcs/<fileName>.ts`: one exported function per operation of the resource, each describing its
 * request once. The resource's methods call these functions, so the two APIs cannot drift; an app that
 * imports a function directly bundles that operation and the error classes it documents, nothing else.
 */
export function emitFunctionsFile(resource: Resource, options: FunctionsFileOptions): TypeScriptFile {
  const { operations } = resource;
  const { runtimePackage, header } = options;
  return {
    path: functionsPath(resource),
    structure: {
      statements: [
        tsHeader(header),
        ...namedImports(runtimePackage, operations.flatMap(runtimeFunctionsUsed), { typeOnly: false }),
        ...namedImports(runtimePackage, operations.flatMap(runtimeTypes), { typeOnly: true }),
        ...signatureTypeImports(resource),
        ...namedImports(
          ERROR_MAPS_SPECIFIER,
          operations.flatMap((operation) => errorMapName(operation) ?? []),
          { typeOnly: false },
        ),
        ...operations.map((operation) => emitOperationFunction(resource, operation, options)),
      ],
    },
  };
}

/**
 * `export function customersGet(client: ClientCore, id, options?)`: the resource method's arguments after
 * the client, the same return type, and the one request statement.
 */
export function emitOperationFunction(
  resource: Resource,
  operation: Operation,
  { clientName }: Pick<FunctionsFileOptions, 'clientName'>,
): FunctionDeclarationStructure {
  const client = clientParameterName(operation);
  const method = `${resource.propertyName}.${operation.methodName}`;
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: operationFunctionName(operation.typeName),
    docs: tsDoc({
      summary: operation.summary ?? `${operation.method} ${operation.path}`,
      description:
        `The standalone form of \`client.${method}()\` (see its documentation): the same arguments after the ` +
        `client (a \`${coreClassName(clientName)}\` or a \`${clientName}\`), the same result and errors.`,
      tags: [
        ...(operation.deprecated ? [{ tagName: 'deprecated' }] : []),
        { tagName: 'see', text: `${operation.method} ${operation.path}` },
      ],
    }),
    parameters: [
      { name: client, type: 'ClientCore' },
      ...signatureParameters(operation).map(({ name, type, optional }) => ({
        name,
        type,
        hasQuestionToken: optional,
      })),
    ],
    returnType: returnType(operation),
    statements: [requestStatement(operation, client)],
  };
}

/** A resource method's body: `return customersGet(this._client, id, options);`. */
export function delegationStatement(operation: Operation): WriterFunction {
  const args = ['this._client', ...signatureParameters(operation).map((parameter) => parameter.name)];
  return (writer) => {
    writer.write(`return ${operationFunctionName(operation.typeName)}(${args.join(', ')});`);
  };
}

/** The function names a resource module imports from its functions module. */
export function functionNames(resource: Resource): string[] {
  return resource.operations.map((operation) => operationFunctionName(operation.typeName));
}

/** `src/funcs/index.ts`: every resource's functions, the entry of the package's `./funcs` export. */
export function emitFunctionsIndexFile(resources: readonly Resource[], header: HeaderInfo): TypeScriptFile {
  return {
    path: 'src/funcs/index.ts',
    structure: {
      statements: [
        tsHeader(header),
        ...resources.map((resource): ExportDeclarationStructure => ({
          kind: StructureKind.ExportDeclaration,
          moduleSpecifier: `./${resource.fileName}.js`,
        })),
      ],
    },
  };
}

/** Runtime types a function's signature refers to. */
function runtimeTypes(operation: Operation): string[] {
  return [
    'ClientCore',
    'RequestOptions',
    operation.pagination ? 'PagePromise' : 'APIPromise',
    ...(operation.success.status === 201 && !operation.pagination ? ['Created'] : []),
  ];
}

/**
 * The imports of the named schemas and operation types that a resource's signatures show; functions and
 * resource classes print the same signatures.
 */
export function signatureTypeImports(resource: Resource): ImportDeclarationStructure[] {
  const { operations } = resource;
  const printed = operations.flatMap((operation) => [
    returnType(operation),
    ...signatureParameters(operation).map((parameter) => parameter.type),
  ]);
  const operationTypes = operations.flatMap((operation) => [
    ...Object.values(operation.typeNames),
    ...[...operation.pathParams, ...operation.params].flatMap((param) => param.alias ?? []),
  ]);
  return [
    ...namedImports(COMPONENTS_SPECIFIER, namesUsed(operations.flatMap(shownSchemas), printed), { typeOnly: true }),
    ...namedImports(operationTypesSpecifier(resource), namesUsed(operationTypes, printed), { typeOnly: true }),
  ];
}
