/**
 * `generate()`: the programmatic API of sdkgen. Runs the pipeline load -> model -> emit -> write (or
 * check) for one spec, or for every SDK of an `sdkgen.config.json`. `diff()` compares two versions of a
 * spec and writes a changeset (see `diff/`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { emitFiles, type SchemaFallback } from './emit/index.js';
import type { HeaderInfo } from './emit/header.js';
import { errorAt, hasErrors, warningAt } from './load/diagnostics.js';
import { loadConfig, type SdkConfig } from './load/load-config.js';
import { loadSpec, type LoadResult } from './load/load-spec.js';
import { buildModel } from './model/build-model.js';
import { defaultClientName, toFileName } from './model/naming.js';
import { asNode, asString } from './model/spec-node.js';
import type { Api, Diagnostic } from './model/types.js';
import { checkFileSet, type FileDifference } from './write/check.js';
import { findTsconfigBase, readExistingPackage } from './write/output-package.js';
import { writeFileSet } from './write/write-atomic.js';
import { RUNTIME_PACKAGE, clientNameProblem, envPrefixProblem } from './option-problems.js';

export type { Api, Diagnostic } from './model/types.js';
export type { FileDifference } from './write/check.js';
export type { GeneratedFile } from './write/file-set.js';
export { formatDiagnostic } from './load/diagnostics.js';
export { clientNameProblem, envPrefixProblem } from './option-problems.js';
export { diff, type DiffChangeset, type DiffOptions, type DiffResult } from './diff/diff.js';
export { diffModels } from './diff/diff-model.js';
export { diffSchemas } from './diff/diff-schemas.js';
export { classifyChange, releaseBump, type ClassifiedChange } from './diff/classify-change.js';
export { renderChangeset } from './diff/write-changeset.js';
export type { ApiChange, Bump, ChangeKind, Direction } from './diff/api-change.js';

/** A pipeline stage, reported through `onProgress` as it starts. */
export type GenerateStage = 'load' | 'model' | 'emit' | 'write' | 'check';

/** One SDK to generate; paths are relative to the working directory. */
export interface GenerateOptions {
  /** The OpenAPI (3.0, 3.1) or Swagger 2.0 file, YAML or JSON. */
  spec: string;
  /** The generated package's directory. */
  out: string;
  /** npm package name; default: the existing package's name, else the output directory's name. */
  name?: string;
  /** Client class name; default: the first word of `info.title` plus `Client`. */
  clientName?: string;
  /** Environment variable prefix for client options; default: the first word of `info.title`, upper-cased. */
  envPrefix?: string;
  /** Compare with the output directory instead of writing it. */
  check?: boolean;
  /**
   * Emit the contract test suite under `<out>/test/generated/` (default true); with false, a suite
   * generated before is removed as stale.
   */
  tests?: boolean;
  onProgress?: (stage: GenerateStage) => void;
}

/** What one generation did and found. */
export interface GenerateResult {
  /** True when nothing failed and (with `check`) nothing differs. */
  ok: boolean;
  /** Every error and warning of every stage, in stage order. */
  diagnostics: Diagnostic[];
  /** Operations in the API (0 when loading failed). */
  operations: number;
  /** Files in the generated set. */
  files: number;
  /** Posix paths relative to `out`: written (new or changed), left as they were, stale ones removed. */
  written: string[];
  unchanged: string[];
  removed: string[];
  /** With `check`: what differs from a fresh generation. */
  differences: FileDifference[];
  durationMs: number;
}

/** The runtime package generated code imports. */

/** The generator's own version and the runtime version it generates for, from its package.json. */
async function generatorPackage(): Promise<{ version: string; runtimeVersion: string }> {
  const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };
  return { version: manifest.version, runtimeVersion: manifest.dependencies[RUNTIME_PACKAGE] ?? manifest.version };
}

/** Adds line and column (from the spec file) to model diagnostics, which know only their pointer. */
function located(diagnostics: readonly Diagnostic[], loaded: LoadResult): Diagnostic[] {
  return diagnostics.map((diagnostic) => {
    const position = diagnostic.line === undefined ? loaded.locate(diagnostic.pointer) : undefined;
    return position === undefined ? diagnostic : { ...diagnostic, ...position };
  });
}

/** Generates (or checks) one SDK from one spec. Never throws for problems in the spec or the output. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const result: GenerateResult = {
    ok: false,
    diagnostics: [],
    operations: 0,
    files: 0,
    written: [],
    unchanged: [],
    removed: [],
    differences: [],
    durationMs: 0,
  };
  const finish = (): GenerateResult => {
    result.ok = !hasErrors(result.diagnostics) && result.differences.length === 0;
    result.durationMs = performance.now() - started;
    return result;
  };

  const optionProblems = invalidOptions(options);
  if (optionProblems.length > 0) {
    result.diagnostics.push(...optionProblems);
    return finish();
  }

  options.onProgress?.('load');
  const loaded = await loadSpec(options.spec);
  result.diagnostics.push(...loaded.diagnostics);
  const document = loaded.document;
  if (document === undefined || hasErrors(result.diagnostics)) return finish();

  const title = asString(asNode(document['info'])?.['title']) ?? '';
  const clientName = options.clientName ?? defaultClientName(title);

  options.onProgress?.('model');
  const model = buildModel(document, {
    sourceFile: options.spec,
    clientName,
    ...(options.envPrefix === undefined ? {} : { envPrefix: options.envPrefix }),
  });
  result.diagnostics.push(...located(model.diagnostics, loaded));
  result.operations = countOperations(model.api);

  options.onProgress?.('emit');
  let files;
  try {
    const fallbacks: Diagnostic[] = [];
    const onSchemaFallback = ({ pointer, message }: SchemaFallback) =>
      fallbacks.push(warningAt({ file: options.spec, pointer }, message));
    files = await emitFiles(model.api, document, { ...(await emitOptions(options, clientName)), onSchemaFallback });
    result.diagnostics.push(...located(fallbacks, loaded));
  } catch (error) {
    result.diagnostics.push(
      errorAt(
        { file: options.spec, pointer: '#' },
        `cannot generate code: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    return finish();
  }
  result.files = files.length;

  if (options.check === true) {
    options.onProgress?.('check');
    const checked = await checkFileSet(options.out, files);
    result.differences = checked.differences;
    result.diagnostics.push(...checked.diagnostics);
  } else {
    options.onProgress?.('write');
    const written = await writeFileSet(options.out, files);
    Object.assign(result, { written: written.written, unchanged: written.unchanged, removed: written.removed });
    result.diagnostics.push(...written.diagnostics);
  }
  return finish();
}

function countOperations(api: Api): number {
  return api.resources.reduce((count, resource) => count + resource.operations.length, 0);
}

/** Options the generated code could not use as given. */
function invalidOptions({ spec, clientName, envPrefix }: GenerateOptions): Diagnostic[] {
  const problems = [
    clientName === undefined ? undefined : clientNameProblem(clientName),
    envPrefix === undefined ? undefined : envPrefixProblem(envPrefix),
  ];
  return problems.flatMap((problem) => (problem === undefined ? [] : [errorAt({ file: spec, pointer: '#' }, problem)]));
}

/** What emit needs besides the IR; every path in it is relative, so output is the same on every machine. */
async function emitOptions(options: GenerateOptions, clientName: string) {
  const [generator, existing, tsconfigExtends] = await Promise.all([
    generatorPackage(),
    readExistingPackage(options.out),
    findTsconfigBase(options.out),
  ]);
  const header: HeaderInfo = {
    generatorVersion: generator.version,
    specPath: path.relative(path.resolve(options.out), path.resolve(options.spec)).split(path.sep).join('/'),
  };
  return {
    packageName: options.name ?? existing.name ?? toFileName(path.basename(path.resolve(options.out)), 'sdk'),
    // A new package starts at the runtime's version: generated packages are released with it.
    packageVersion: existing.version ?? generator.runtimeVersion,
    clientName,
    runtimePackage: { name: RUNTIME_PACKAGE, version: generator.runtimeVersion },
    header,
    contractTests: options.tests !== false,
    ...(tsconfigExtends === undefined ? {} : { tsconfigExtends }),
  };
}

/** One SDK's result, with the options it was generated with. */
export interface ConfiguredResult extends GenerateResult {
  sdk: SdkConfig;
}

/**
 * Generates (or checks) every SDK an `sdkgen.config.json` lists, one after the other. `diagnostics`
 * holds the config's own problems; when it has errors, nothing is generated.
 */
export async function generateFromConfig(
  configPath: string,
  options: Pick<GenerateOptions, 'check' | 'onProgress' | 'tests'> = {},
): Promise<{ results: ConfiguredResult[]; diagnostics: Diagnostic[] }> {
  const config = await loadConfig(configPath);
  const results: ConfiguredResult[] = [];
  if (hasErrors(config.diagnostics)) return { results, diagnostics: config.diagnostics };
  for (const sdk of config.sdks) results.push({ sdk, ...(await generate({ ...sdk, ...options })) });
  return { results, diagnostics: config.diagnostics };
}
