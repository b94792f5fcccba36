import { astToString } from 'openapi-typescript';
import { StructureKind } from 'ts-morph';
import type { Api } from '../model/types.js';
import { stringLiteral } from './escape.js';
import type { GeneratedFile, TypeScriptFile } from './file.js';
import { tsHeader, type HeaderInfo } from './header.js';
import { namedImports } from './imports.js';
import type { SchemaFallback } from './schema-fallback.js';
import { transformDocument } from './schema-transform.js';
import { tsDoc } from './tsdoc.js';

/**
 * `src/schema.ts`: the document's types (`paths`, `components`, `operations`, ...) as
 * openapi-typescript prints them; every IR `TypeExpression` indexes into these. A schema
 * openapi-typescript cannot transform is typed `unknown` and reported through `onFallback`.
 */
export async function emitSchemaTypes(
  document: object,
  header: HeaderInfo,
  onFallback?: (fallback: SchemaFallback) => void,
): Promise<GeneratedFile> {
  const nodes = await transformDocument(document, onFallback);
  return { path: 'src/schema.ts', contents: `${tsHeader(header)}\n${astToString(nodes)}` };
}

/**
 * `src/models/components.ts`: one friendly alias per named schema, e.g.
 * `export type Customer = components['schemas']['Customer'];`, documented from the schema.
 */
export function emitModels(api: Api, header: HeaderInfo): TypeScriptFile {
  return {
    path: 'src/models/components.ts',
    structure: {
      statements: [
        tsHeader(header),
        ...namedImports('../schema.js', api.schemas.length > 0 ? ['components'] : [], { typeOnly: true }),
        (writer) => writer.blankLine(),
        ...api.schemas.map((schema) => ({
          kind: StructureKind.TypeAlias as const,
          isExported: true,
          name: schema.typeName,
          type: `components['schemas'][${stringLiteral(schema.sourceName)}]`,
          docs: tsDoc({ summary: schema.description }),
        })),
        ...(api.schemas.length === 0 ? ['export {};'] : []),
      ],
    },
  };
}

/**
 * `src/models/index.ts`: the one models entry: every named schema and every operation's types, which the
 * package index re-exports.
 */
export function emitModelsIndex(api: Api, header: HeaderInfo): TypeScriptFile {
  const modules = ['./components.js', ...api.resources.map((resource) => `./operations/${resource.fileName}.js`)];
  return {
    path: 'src/models/index.ts',
    structure: {
      statements: [
        tsHeader(header),
        ...modules.map((moduleSpecifier) => ({ kind: StructureKind.ExportDeclaration as const, moduleSpecifier })),
      ],
    },
  };
}
