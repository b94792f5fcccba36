import {
  StructureKind,
  type ClassDeclarationStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
} from 'ts-morph';
import type { Operation, Resource } from '../model/types.js';
import type { TypeScriptFile } from './file.js';
import type { HeaderInfo } from './header.js';
import { tsHeader } from './header.js';
import { namedImports } from './imports.js';
import { methodDocs } from './method-docs.js';
import { delegationStatement, functionNames, functionsSpecifier, signatureTypeImports } from './operation-function.js';
import { returnType, signatureParameters } from './operation-signature.js';
import { tsDoc } from './tsdoc.js';

/** Where a resource's module lives in the generated package. */
export function resourcePath(resource: Resource): string {
  return `src/resources/${resource.fileName}.ts`;
}

/** The specifier that imports a resource's module from a module in `src/`. */
export function resourceSpecifier(resource: Resource): string {
  return `./resources/${resource.fileName}.js`;
}

/**
 * `src/resources/<fileName>.ts`: the resource class, one method per operation, each calling the
 * operation's standalone function. Its types come from the operation types module.
 */
export function emitResourceFile(resource: Resource, runtimePackage: string, header: HeaderInfo): TypeScriptFile {
  const { operations } = resource;
  return {
    path: resourcePath(resource),
    structure: {
      statements: [
        tsHeader(header),
        ...namedImports(runtimePackage, ['APIResource'], { typeOnly: false }),
        ...namedImports(runtimePackage, runtimeTypes(operations), { typeOnly: true }),
        ...signatureTypeImports(resource),
        ...namedImports(functionsSpecifier(resource), functionNames(resource), { typeOnly: false }),
        emitResourceClass(resource),
      ],
    },
  };
}

/** `export class <ClassName> extends APIResource` with one method per operation. */
export function emitResourceClass(resource: Resource): ClassDeclarationStructure {
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: resource.className,
    extends: 'APIResource',
    docs: tsDoc({ summary: resource.description ?? `Operations on ${resource.sourceName}.` }),
    methods: resource.operations.map(emitMethod),
  };
}

/** One resource method: typed arguments, the operation's TSDoc and a call of its standalone function. */
export function emitMethod(operation: Operation): OptionalKind<MethodDeclarationStructure> {
  return {
    name: operation.methodName,
    docs: methodDocs(operation),
    parameters: signatureParameters(operation).map(({ name, type, optional }) => ({
      name,
      type,
      hasQuestionToken: optional,
    })),
    returnType: returnType(operation),
    statements: [delegationStatement(operation)],
  };
}

/** Runtime types a resource module's signatures refer to. */
function runtimeTypes(operations: readonly Operation[]): string[] {
  return operations.flatMap((operation) => [
    'RequestOptions',
    operation.pagination ? 'PagePromise' : 'APIPromise',
    ...(operation.success.status === 201 && !operation.pagination ? ['Created'] : []),
  ]);
}
