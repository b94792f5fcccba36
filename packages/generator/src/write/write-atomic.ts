import { errorAt } from '../load/diagnostics.js';
import type { Diagnostic } from '../model/types.js';
import { fileSetProblems, outputPath, type GeneratedFile } from './file-set.js';
import { readOutputState } from './output-state.js';
import { applyPlan, commitPlan, repairInterruptedWrites, stageFiles } from './write-journal.js';

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
  /** Errors; when there are any, the output directory was not changed (or a committed write awaits the next run). */
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
 * Writes the file set into `outDir`, all or nothing across a crash once the next run has finished what
 * the crash interrupted (see `write-journal.ts`): the set is staged beside `outDir`, committed by a
 * journal, then moved into place; an interrupted earlier write is finished first. A file in the way that lacks the generated header is never overwritten:
 * that is an error and nothing is written. Generated files the set no longer contains are removed; other
 * files (tests, changelogs, node_modules, dist) are never touched.
 */
export async function writeFileSet(outDir: string, files: readonly GeneratedFile[]): Promise<WriteResult> {
  const problems = fileSetProblems(files);
  if (problems.length > 0)
    return nothingWritten(problems.map((problem) => errorAt({ file: outDir, pointer: '#' }, problem)));
  let state;
  try {
    await repairInterruptedWrites(outDir);
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
  let removed: string[] = [];
  try {
    if (toWrite.length > 0 || state.stale.length > 0) {
      const stagingDir = await stageFiles(outDir, toWrite);
      const plan = { move: toWrite.map((file) => file.path), remove: state.stale };
      const committed = await commitPlan(outDir, stagingDir, plan);
      await applyPlan(outDir, stagingDir, committed);
      removed = committed.remove;
    }
  } catch (error) {
    return nothingWritten([errorAt({ file: outDir, pointer: '#' }, `cannot write the output: ${String(error)}`)]);
  }
  return {
    written: toWrite.map((file) => file.path),
    created: state.missing.map((file) => file.path).sort(),
    unchanged: state.unchanged,
    removed,
    diagnostics: [],
  };
}
