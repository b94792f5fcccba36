/**
 * `diff()`: the programmatic `sdkgen diff`. Loads the old spec (a file, or the spec at a git commit) and
 * the new one through the load stage, models both with the same options, compares them, classifies
 * each change and writes a changeset for the package.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { errorAt, hasErrors } from '../load/diagnostics.js';
import { loadConfig } from '../load/load-config.js';
import { loadSpec, type LoadResult } from '../load/load-spec.js';
import { buildModel } from '../model/build-model.js';
import { namingOptionProblems } from '../option-problems.js';
import type { Diagnostic } from '../model/types.js';
import type { Bump } from './api-change.js';
import { classifyChanges, releaseBump, type ClassifiedChange } from './classify-change.js';
import { diffModels } from './diff-model.js';
import { isNewSince, readBaseSpec, type BaseSpec } from './read-base-spec.js';
import { changesetFileName, generatedChangesets, renderChangeset, writeChangeset } from './write-changeset.js';

/** What to compare, and where the changeset goes; paths are relative to the working directory. */
export interface DiffOptions {
  /** The old spec: a file, or a git ref (branch, tag, commit) of the repository holding `spec`. */
  base: string;
  /** The new spec; may come from `config` instead. */
  spec?: string;
  /** The npm package the changeset bumps, e.g. `@acme/client`. */
  name: string;
  /** Model options, as `generate` takes them (default: from the new spec's `info.title`, or `config`). */
  clientName?: string;
  envPrefix?: string;
  /** An `sdkgen.config.json`: the SDK named `name` there gives `spec`, `clientName` and `envPrefix` unless set. */
  config?: string;
  /** Default `.changeset`. */
  changesetDir?: string;
  /** Classify and print, write nothing. */
  dryRun?: boolean;
}

/** The changeset a diff wrote (or, with `dryRun`, would write). */
export interface DiffChangeset {
  path: string;
  content: string;
  /** False with `dryRun`, or when the same file was already there. */
  written: boolean;
  /** Earlier `sdkgen diff` changesets for the package added since the git base: this one replaces them. */
  replaced: string[];
}

/** What a diff found. */
export interface DiffResult {
  /** False when a spec could not be loaded or the options are wrong (see `diagnostics`). */
  ok: boolean;
  /** Errors only: the model's warnings are `generate`'s business. */
  diagnostics: Diagnostic[];
  /** How the old spec is named: the file, or `<ref> (<commit>)`. */
  base: string;
  /** Classified changes, breaking ones first. */
  changes: ClassifiedChange[];
  /** The release type: the highest bump; undefined when nothing changed. */
  bump: Bump | undefined;
  /** Undefined when nothing changed or something failed. */
  changeset: DiffChangeset | undefined;
}

interface ResolvedOptions {
  spec: string;
  clientName: string | undefined;
  envPrefix: string | undefined;
}

/** Options completed from `config`, or the problem that stops the diff. */
async function resolveOptions(options: DiffOptions): Promise<ResolvedOptions | Diagnostic[]> {
  let { spec, clientName, envPrefix } = options;
  if (options.config !== undefined) {
    const config = await loadConfig(options.config);
    if (hasErrors(config.diagnostics)) return config.diagnostics;
    const sdk = config.sdks.find((candidate) => candidate.name === options.name);
    if (sdk === undefined)
      return [errorAt({ file: options.config, pointer: '#/sdks' }, `no SDK named ${options.name}`)];
    spec ??= sdk.spec;
    clientName ??= sdk.clientName;
    envPrefix ??= sdk.envPrefix;
  }
  if (spec === undefined)
    return [
      errorAt(
        { file: options.base, pointer: '#' },
        'diff needs the new spec (--spec, or --config with an SDK of that --name)',
      ),
    ];
  const problems = namingOptionProblems(spec, { clientName, envPrefix });
  return problems.length > 0 ? problems : { spec, clientName, envPrefix };
}

/** Loads the old spec, naming the files of a git copy as `<ref>:<path>` in its diagnostics. */
async function loadBase(base: BaseSpec): Promise<LoadResult> {
  try {
    const loaded = await loadSpec(base.file);
    return {
      ...loaded,
      diagnostics: loaded.diagnostics.map((diagnostic) => ({ ...diagnostic, file: base.displayName(diagnostic.file) })),
    };
  } finally {
    await base.cleanup();
  }
}

/** Compares the spec at `base` with `spec` and writes a changeset naming every change. Never throws for problems in the specs. */
export async function diff(options: DiffOptions): Promise<DiffResult> {
  const result: DiffResult = {
    ok: false,
    diagnostics: [],
    base: options.base,
    changes: [],
    bump: undefined,
    changeset: undefined,
  };
  const fail = (diagnostics: readonly Diagnostic[]): DiffResult => ({
    ...result,
    diagnostics: diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
  });

  const resolved = await resolveOptions(options);
  if (Array.isArray(resolved)) return fail(resolved);
  const loaded = await loadSpec(resolved.spec);
  if (loaded.document === undefined || hasErrors(loaded.diagnostics)) return fail(loaded.diagnostics);
  const base = await readBaseSpec(options.base, resolved.spec);
  if (!base.ok) return fail([errorAt({ file: options.base, pointer: '#' }, base.message)]);
  result.base = base.base.label;
  const old = await loadBase(base.base);
  if (old.document === undefined || hasErrors(old.diagnostics)) return fail(old.diagnostics);

  const newApi = buildModel(loaded.document, {
    sourceFile: resolved.spec,
    ...(resolved.clientName === undefined ? {} : { clientName: resolved.clientName }),
    ...(resolved.envPrefix === undefined ? {} : { envPrefix: resolved.envPrefix }),
  }).api;
  // The old side takes the new side's names, so a changed title does not rename every option.
  const { clientName, envPrefix } = newApi;
  const oldApi = buildModel(old.document, { sourceFile: base.base.file, clientName, envPrefix }).api;
  result.changes = classifyChanges(diffModels(oldApi, newApi, { old: old.document, new: loaded.document }));
  result.bump = releaseBump(result.changes);
  result.ok = true;
  if (result.changes.length === 0) return result;

  const specPath =
    base.base.git === undefined
      ? path.relative(process.cwd(), path.resolve(resolved.spec))
      : path.relative(base.base.git.root, path.resolve(resolved.spec));
  const content = renderChangeset({
    packageName: options.name,
    changes: result.changes,
    spec: specPath.split(path.sep).join('/'),
  });
  const dir = options.changesetDir ?? '.changeset';
  const fileName = changesetFileName(content);
  const replaced: string[] = [];
  if (base.base.git !== undefined) {
    const { root, commit } = base.base.git;
    for (const name of await generatedChangesets(dir, options.name)) {
      if (name !== fileName && (await isNewSince(root, commit, path.join(dir, name))))
        replaced.push(path.join(dir, name));
    }
  }
  if (options.dryRun === true) {
    result.changeset = { path: path.join(dir, fileName), content, written: false, replaced };
    return result;
  }
  for (const file of replaced) await rm(file, { force: true });
  const written = await writeChangeset(dir, content);
  result.changeset = { path: written.path, content, written: written.written, replaced };
  return result;
}
