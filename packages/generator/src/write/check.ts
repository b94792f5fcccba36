import type { Diagnostic } from '../model/types.js';
import { errorAt } from '../load/diagnostics.js';
import { fileSetProblems, type GeneratedFile } from './file-set.js';
import { readOutputState } from './output-state.js';
import { pendingWrites } from './write-journal.js';

/** One way the output directory differs from a fresh generation. */
export interface FileDifference {
  /** Posix path relative to the output directory. */
  path: string;
  /** `differs` also covers a hand-written file where a generated one belongs. */
  kind: 'differs' | 'missing' | 'stale';
}

/** What `--check` found. */
export interface CheckResult {
  /** Sorted by path; empty when the output is up to date. */
  differences: FileDifference[];
  diagnostics: Diagnostic[];
}

/** Compares the file set with the output directory without writing anything (`--check`). */
export async function checkFileSet(outDir: string, files: readonly GeneratedFile[]): Promise<CheckResult> {
  const problems = fileSetProblems(files);
  if (problems.length > 0) {
    return {
      differences: [],
      diagnostics: problems.map((problem) => errorAt({ file: outDir, pointer: '#' }, problem)),
    };
  }
  let state;
  try {
    const pending = await pendingWrites(outDir);
    if (pending.length > 0) {
      const message = 'an interrupted write is committed but not finished; run generate to finish it';
      return { differences: [], diagnostics: pending.map((dir) => errorAt({ file: dir, pointer: '#' }, message)) };
    }
    state = await readOutputState(outDir, files);
  } catch (error) {
    return {
      differences: [],
      diagnostics: [errorAt({ file: outDir, pointer: '#' }, `cannot read the output directory: ${String(error)}`)],
    };
  }
  const differences: FileDifference[] = [
    ...state.changed.map((file) => ({ path: file.path, kind: 'differs' as const })),
    ...state.handWritten.map((file) => ({ path: file, kind: 'differs' as const })),
    ...state.missing.map((file) => ({ path: file.path, kind: 'missing' as const })),
    ...state.stale.map((file) => ({ path: file, kind: 'stale' as const })),
  ];
  differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { differences, diagnostics: [] };
}
