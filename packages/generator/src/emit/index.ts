/**
 * The emit stage: IR in, the generated package's files out, in memory. Only `schema.ts` reads the source
 * document (openapi-typescript transforms it); everything else is built from the IR. Every emitter is a
 * pure function returning ts-morph structures or text; this module is the one caller that prints the
 * structures.
 */
import type { Api } from '../model/types.js';
import { emitClientFile } from './client-class.js';
import { emitContractTests } from './contract-tests/index.js';
import { emitCoreFile } from './core-class.js';
import { emitDocs } from './docs.js';
import { emitErrorMapsFile } from './error-maps.js';
import type { GeneratedFile, TypeScriptFile } from './file.js';
import { formatTypeScript } from './format.js';
import type { HeaderInfo } from './header.js';
import { emitIndexFile } from './index-file.js';
import { emitFunctionsFile, emitFunctionsIndexFile } from './operation-function.js';
import { emitPackageJson, emitTsconfig, type PackageRepository } from './package-files.js';
import { printSourceFile } from './print.js';
import { emitResourceFile } from './resource-class.js';
import type { SchemaFallback } from './schema-fallback.js';
import { emitOperationTypesFile } from './operation-types.js';
import { emitModels, emitModelsIndex, emitSchemaTypes } from './schema-types.js';
import { loadDocTemplates } from './templates.js';

export type { GeneratedFile } from './file.js';
export type { SchemaFallback } from './schema-fallback.js';

/** What the generated package is called and built against, beyond what the spec says. */
export interface EmitOptions {
  /** npm name of the generated package, e.g. `@acme/client`. */
  packageName: string;
  packageVersion: string;
  /** Exported client class, e.g. `AcmeClient`; its options interface is `<clientName>Options`. */
  clientName: string;
  /** The runtime the generated code imports, pinned at this exact version. */
  runtimePackage: { name: string; version: string };
  header: HeaderInfo;
  /** package.json `license` and `repository`, when given. */
  license?: string | undefined;
  repository?: PackageRepository | undefined;
  /** A tsconfig for the package to extend (relative to it); strict options are inlined without one. */
  tsconfigExtends?: string;
  /** Emit the contract test suite under `test/generated/` (default true). */
  contractTests?: boolean;
  /** Told of each schema openapi-typescript cannot transform, which is typed `unknown` instead. */
  onSchemaFallback?: (fallback: SchemaFallback) => void;
}

/**
 * Every file of the generated package, sorted by path. The same IR, document and options always give
 * the same bytes: nothing depends on time, environment or iteration order of unordered data.
 */
export async function emitFiles(api: Api, document: object, options: EmitOptions): Promise<GeneratedFile[]> {
  const { header, clientName } = options;
  const runtime = options.runtimePackage.name;
  const [schema, templates, contractTests] = await Promise.all([
    emitSchemaTypes(document, header, options.onSchemaFallback),
    loadDocTemplates(),
    options.contractTests === false ? [] : emitContractTests(api, document, { clientName, header }),
  ]);
  const typeScriptFiles: TypeScriptFile[] = [
    emitCoreFile(api, { clientName, runtimePackage: runtime, header }),
    emitClientFile(api, { clientName, runtimePackage: runtime, header }),
    ...api.resources.map((resource) => emitResourceFile(resource, runtime, header)),
    ...api.resources.map((resource) => emitOperationTypesFile(resource, runtime, header)),
    ...api.resources.map((resource) => emitFunctionsFile(resource, { clientName, runtimePackage: runtime, header })),
    emitFunctionsIndexFile(api.resources, header),
    emitErrorMapsFile(api, runtime, header),
    emitModels(api, header),
    emitModelsIndex(api, header),
    emitIndexFile(api, clientName, runtime, header),
  ];
  const files = [
    schema,
    ...formatTypeScript(printTypeScript(typeScriptFiles)),
    emitPackageJson(api, options),
    emitTsconfig(options),
    ...emitDocs(api, { packageName: options.packageName, clientName, document, header }, templates),
    ...contractTests,
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Prints each file from its one structure. */
export function printTypeScript(files: readonly TypeScriptFile[]): GeneratedFile[] {
  return files.map(({ path, structure }) => ({ path, contents: printSourceFile(structure) }));
}
