import { mkdir, mkdtemp, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorAt } from '../load/diagnostics.js';
import type { Diagnostic } from '../model/types.js';
import { fileSetProblems, outputPath, type GeneratedFile } from './file-set.js';
import { readOutputState } from './output-state.js';

/** What `writeFileSet` did. */
export interface WriteResult {
  /** Posix paths written (new or changed), sorted. */
  written: string[];
  /** The written paths that did not exist before. */
  created: string[];
  /** Posix paths that already held the new contents (left untouched, so their mtimes stay). */
  unchanged: string[];
  /** Stale generated files removed. */
  removed: string[];
  /** Errors; when there are any, the output directory was not changed (or, for a failed move, not finished). */
  diagnostics: Diagnostic[];
}

const nothingWritten = (diagnostics: Diagnostic[]): WriteResult => ({
  written: [],
  created: [],
  unchanged: [],
  removed: [],
  diagnostics,
});

/**
 * Writes the file set into `outDir`. The whole set is first written to a staging directory next to
 * `outDir` and only then renamed into place file by file, so a failure while producing the files leaves
 * the previous output as it was. A file in the way that lacks the generated header is never overwritten:
 * that is an error and nothing is written. Generated files the set no longer contains are removed; other
 * files (tests, changelogs, node_modules, dist) are never touched.
 */
export async function writeFileSet(outDir: string, files: readonly GeneratedFile[]): Promise<WriteResult> {
  const problems = fileSetProblems(files);
  if (problems.length > 0)
    return nothingWritten(problems.map((problem) => errorAt({ file: outDir, pointer: '#' }, problem)));
  let state;
  try {
    state = await readOutputState(outDir, files);
  } catch (error) {
    return nothingWritten([
      errorAt({ file: outDir, pointer: '#' }, `cannot read the output directory: ${String(error)}`),
    ]);
  }
  if (state.handWritten.length > 0) {
    return nothingWritten(
      state.handWritten.map((file) =>
        errorAt(
          { file: outputPath(outDir, file), pointer: '#' },
          'exists and was not written by sdkgen (no generated header); not overwriting it: move or delete it, then generate again',
        ),
      ),
    );
  }
  const toWrite = [...state.missing, ...state.changed].sort((a, b) => (a.path < b.path ? -1 : 1));
  try {
    if (toWrite.length > 0) await moveIntoPlace(outDir, await stage(outDir, toWrite));
    for (const file of state.stale) await removeWithEmptyParents(outDir, file);
  } catch (error) {
    return nothingWritten([errorAt({ file: outDir, pointer: '#' }, `cannot write the output: ${String(error)}`)]);
  }
  return {
    written: toWrite.map((file) => file.path),
    created: state.missing.map((file) => file.path).sort(),
    unchanged: state.unchanged,
    removed: state.stale,
    diagnostics: [],
  };
}

/** A directory holding the staged files, and the files' posix paths in it. */
interface Staged {
  dir: string;
  files: string[];
}

/** Writes the files into a fresh directory beside `outDir` (same file system, so renames are atomic). */
async function stage(outDir: string, files: readonly GeneratedFile[]): Promise<Staged> {
  const parent = path.dirname(path.resolve(outDir));
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, `.${path.basename(path.resolve(outDir))}.sdkgen-`));
  try {
    for (const file of files) {
      const target = outputPath(dir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, files: files.map((file) => file.path) };
}

async function moveIntoPlace(outDir: string, staged: Staged): Promise<void> {
  try {
    for (const file of staged.files) {
      const target = outputPath(outDir, file);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(outputPath(staged.dir, file), target);
    }
  } finally {
    await rm(staged.dir, { recursive: true, force: true });
  }
}

/** Removes a file, then each parent directory (below `outDir`) it leaves empty. */
async function removeWithEmptyParents(outDir: string, file: string): Promise<void> {
  await unlink(outputPath(outDir, file));
  for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) {
    try {
      await rmdir(outputPath(outDir, dir));
    } catch {
      return; // not empty
    }
  }
}
