/**
 * `generate()`: the programmatic API of sdkgen. Runs the pipeline load -> model -> emit -> write (or
 * check) for one spec, or for every SDK of an `sdkgen.config.json`. `diff()` compares two versions of a
 * spec and writes a changeset (see `diff/`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { emitFiles, type SchemaFallback } from './emit/index.js';
import type { HeaderInfo } from './emit/header.js';
import type { PackageRepository } from './emit/package-files.js';
import { errorAt, hasErrors, warningAt } from './load/diagnostics.js';
import { displayUrl, isUrl, urlProblem, type RemoteSpecOptions } from './load/fetch-spec.js';
import { loadConfig, type SdkConfig, type SdkKind } from './load/load-config.js';
import { emitWebhookFiles } from './emit/webhooks/index.js';
import { loadSpec, type LoadResult } from './load/load-spec.js';
import { buildModel } from './model/build-model.js';
import { toFileName } from './model/naming.js';
import type { Api, Diagnostic } from './model/types.js';
import { checkFileSet, type FileDifference } from './write/check.js';
import { findTsconfigBase, readExistingPackage } from './write/output-package.js';
import { writeFileSet } from './write/write-atomic.js';
import { RUNTIME_PACKAGE, namingOptionProblems } from './option-problems.js';

export type { Api, Diagnostic } from './model/types.js';
export type { FileDifference } from './write/check.js';
export type { GeneratedFile } from './write/file-set.js';
export { formatDiagnostic } from './load/diagnostics.js';
export { parseHeaders, type RemoteSpecOptions } from './load/fetch-spec.js';
export { watch, type WatchOptions, type WatchRun, type WatchTarget, type Watcher } from './watch.js';
export type { SdkConfig, SdkKind } from './load/load-config.js';
export { clientNameProblem, envPrefixProblem } from './option-problems.js';
export { childPointer, valueAtPointer } from './load/json-pointer.js';
export { diff, type DiffChangeset, type DiffOptions, type DiffResult } from './diff/diff.js';
export { diffConfig, type ConfigDiffOptions, type ConfigDiffResult, type PackageDiff } from './diff/diff-config.js';
export { diffModels } from './diff/diff-model.js';
export { diffSchemas } from './diff/diff-schemas.js';
export { classifyChange, releaseBump, type ClassifiedChange } from './diff/classify-change.js';
export { renderChangeset } from './diff/write-changeset.js';
export type { ApiChange, Bump, ChangeKind, Direction } from './diff/api-change.js';

/** A pipeline stage, reported through `onProgress` as it starts. */
export type GenerateStage = 'load' | 'model' | 'emit' | 'write' | 'check';

/** How long a stage took. */
export interface StageTiming {
  stage: GenerateStage;
  durationMs: number;
}

/** One SDK to generate; paths are relative to the working directory. */
export interface GenerateOptions {
  /** The OpenAPI (3.0, 3.1) or Swagger 2.0 file, YAML or JSON, or its http(s) URL. */
  spec: string;
  /** The generated package's directory. */
  out: string;
  /** npm package name; default: the existing package's name, else the output directory's name. */
  name?: string;
  /** Client class name; default: the first word of `info.title` plus `Client`. */
  clientName?: string;
  /** Environment variable prefix for client options; default: the first word of `info.title`, upper-cased. */
  envPrefix?: string;
  /** SPDX license of the generated package (its package.json `license`). */
  license?: string;
  /** The git repository of the generated package (its package.json `repository`). */
  repository?: PackageRepository;
  /** What to generate: a client (default) or a webhook receiver from the spec's `webhooks` section. */
  kind?: SdkKind;
  /** Compare with the output directory instead of writing it. */
  check?: boolean;
  /**
   * Emit the contract test suite under `<out>/test/generated/` (default true); with false, a suite
   * generated before is removed as stale.
   */
  tests?: boolean;
  /** Headers and timeout for a spec (or `$ref`s) at http(s) URLs. */
  remote?: RemoteSpecOptions;
  /** Called as each stage starts. */
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
  /** The written files that did not exist before. */
  created: string[];
  unchanged: string[];
  removed: string[];
  /** With `check`: what differs from a fresh generation. */
  differences: FileDifference[];
  /** Absolute paths (and URLs) of the spec and every file its `$ref`s led to: what watch mode watches. */
  sources: string[];
  /** The stages that ran, in order, with their durations. */
  stages: StageTiming[];
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
    created: [],
    unchanged: [],
    removed: [],
    differences: [],
    sources: isUrl(options.spec) ? [options.spec] : [path.resolve(options.spec)],
    stages: [],
    durationMs: 0,
  };
  let stageStarted = started;
  const endStage = () => {
    const last = result.stages.at(-1);
    const now = performance.now();
    if (last !== undefined && last.durationMs < 0) last.durationMs = now - stageStarted;
    stageStarted = now;
  };
  const startStage = (stage: GenerateStage) => {
    endStage();
    result.stages.push({ stage, durationMs: -1 });
    options.onProgress?.(stage);
  };
  const finish = (): GenerateResult => {
    endStage();
    result.ok = !hasErrors(result.diagnostics) && result.differences.length === 0;
    result.durationMs = performance.now() - started;
    return result;
  };

  const specFile = isUrl(options.spec) ? displayUrl(options.spec) : options.spec;
  const urlProblems = isUrl(options.spec) ? [urlProblem(options.spec)].filter((p) => p !== undefined) : [];
  const optionProblems = [
    ...urlProblems.map((problem) => errorAt({ file: specFile, pointer: '#' }, problem)),
    ...namingOptionProblems(specFile, options),
  ];
  if (optionProblems.length > 0) {
    result.diagnostics.push(...optionProblems);
    return finish();
  }

  startStage('load');
  const loaded = await loadSpec(options.spec, options.remote === undefined ? {} : { remote: options.remote });
  result.sources = loaded.sources;
  result.diagnostics.push(...loaded.diagnostics);
  const document = loaded.document;
  if (document === undefined || hasErrors(result.diagnostics)) return finish();

  startStage('model');
  const model = buildModel(document, {
    sourceFile: loaded.sourceFile,
    ...(options.clientName === undefined ? {} : { clientName: options.clientName }),
    ...(options.envPrefix === undefined ? {} : { envPrefix: options.envPrefix }),
  });
  result.diagnostics.push(...located(model.diagnostics, loaded));
  result.operations = countOperations(model.api);

  startStage('emit');
  let files;
  try {
    const fallbacks: Diagnostic[] = [];
    const onSchemaFallback = ({ pointer, message }: SchemaFallback) =>
      fallbacks.push(warningAt({ file: loaded.sourceFile, pointer }, message));
    const emitOptionsOf = { ...(await emitOptions(options, model.api.clientName)), onSchemaFallback };
    const emitted =
      options.kind === 'webhooks'
        ? await emitWebhookFiles(model.api, document, emitOptionsOf)
        : await emitFiles(model.api, document, emitOptionsOf);
    if (!Array.isArray(emitted)) {
      result.diagnostics.push(
        ...located([errorAt({ file: loaded.sourceFile, pointer: emitted.pointer }, emitted.message)], loaded),
      );
      return finish();
    }
    files = emitted;
    result.diagnostics.push(...located(fallbacks, loaded));
  } catch (error) {
    result.diagnostics.push(
      errorAt(
        { file: loaded.sourceFile, pointer: '#' },
        `cannot generate code: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    return finish();
  }
  result.files = files.length;

  if (options.check === true) {
    startStage('check');
    const checked = await checkFileSet(options.out, files);
    result.differences = checked.differences;
    result.diagnostics.push(...checked.diagnostics);
  } else {
    startStage('write');
    const written = await writeFileSet(options.out, files);
    const { created, unchanged, removed } = written;
    Object.assign(result, { written: written.written, created, unchanged, removed });
    result.diagnostics.push(...written.diagnostics);
  }
  return finish();
}

function countOperations(api: Api): number {
  return api.resources.reduce((count, resource) => count + resource.operations.length, 0);
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
    specPath: isUrl(options.spec)
      ? displayUrl(options.spec)
      : path.relative(path.resolve(options.out), path.resolve(options.spec)).split(path.sep).join('/'),
  };
  return {
    packageName: options.name ?? existing.name ?? toFileName(path.basename(path.resolve(options.out)), 'sdk'),
    // A new package starts at the runtime's version: generated packages are released with it.
    packageVersion: existing.version ?? generator.runtimeVersion,
    clientName,
    runtimePackage: { name: RUNTIME_PACKAGE, version: generator.runtimeVersion },
    header,
    license: options.license,
    repository: options.repository,
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
  options: Pick<GenerateOptions, 'check' | 'remote' | 'onProgress' | 'tests'> & {
    /** Only the SDK whose `out` is this directory (relative to the working directory). */
    only?: string;
  } = {},
): Promise<{ results: ConfiguredResult[]; diagnostics: Diagnostic[] }> {
  const config = await loadConfig(configPath);
  const results: ConfiguredResult[] = [];
  if (hasErrors(config.diagnostics)) return { results, diagnostics: config.diagnostics };
  const { only, ...generateOptions } = options;
  const sdks =
    only === undefined ? config.sdks : config.sdks.filter((sdk) => path.resolve(sdk.out) === path.resolve(only));
  if (sdks.length === 0)
    return {
      results,
      diagnostics: [errorAt({ file: configPath, pointer: '#/sdks' }, `no SDK is generated into ${only}`)],
    };
  for (const sdk of sdks) results.push({ sdk, ...(await generate({ ...sdk, ...generateOptions })) });
  return { results, diagnostics: config.diagnostics };
}
