import { StructureKind, type ClassDeclarationStructure } from 'ts-morph';
import { coreClassName } from '../model/naming.js';
import type { Api } from '../model/types.js';
import { CORE_SPECIFIER, type ClientFileOptions } from './core-class.js';
import type { TypeScriptFile } from './file.js';
import { tsHeader } from './header.js';
import { resourceSpecifier } from './resource-class.js';
import { tsDoc } from './tsdoc.js';

/** `src/client.ts`: `<ClientName> extends <Name>Core` with one property per resource. */
export function emitClientFile(api: Api, options: ClientFileOptions): TypeScriptFile {
  const { clientName, header } = options;
  return {
    path: 'src/client.ts',
    structure: {
      statements: [
        tsHeader(header),
        {
          kind: StructureKind.ImportDeclaration,
          moduleSpecifier: CORE_SPECIFIER,
          namedImports: [coreClassName(clientName)],
        },
        ...api.resources.map((resource) => ({
          kind: StructureKind.ImportDeclaration as const,
          moduleSpecifier: resourceSpecifier(resource),
          namedImports: [resource.className],
        })),
        emitClientClass(api, options),
      ],
    },
  };
}

/** `export class <ClientName> extends <Name>Core`: resources as properties; the core resolves the options. */
export function emitClientClass(api: Api, options: ClientFileOptions): ClassDeclarationStructure {
  const { clientName } = options;
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: clientName,
    extends: coreClassName(clientName),
    docs: tsDoc({ summary: `The ${api.title} client.`, description: api.description }),
    properties: api.resources.map((resource) => ({
      name: resource.propertyName,
      isReadonly: true,
      initializer: `new ${resource.className}(this)`,
      docs: tsDoc({ summary: resource.description ?? `Operations on ${resource.sourceName}.` }),
    })),
  };
}
