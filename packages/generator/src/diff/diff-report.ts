import type { DiffResult } from './diff.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** What happened to the changeset, for the summary line. */
function changesetState(result: DiffResult, dryRun: boolean): string {
  const changeset = result.changeset;
  if (changeset === undefined) return 'no changeset written';
  const replaced = changeset.replaced.length === 0 ? '' : `, replacing ${changeset.replaced.join(', ')}`;
  if (dryRun) return `would write ${changeset.path}${replaced}`;
  return changeset.written ? `wrote ${changeset.path}${replaced}` : `${changeset.path} is already there`;
}

/**
 * `sdkgen diff`'s standard output: one line per change (`major  customers.get: ...`), then a summary
 * naming the release type and the changeset. Diagnostics are printed separately, on stderr.
 */
export function formatDiffReport(result: DiffResult, options: { dryRun: boolean }): string {
  if (!result.ok) return `sdkgen: ${plural(result.diagnostics.length, 'error')}, nothing compared\n`;
  if (result.changes.length === 0) return `sdkgen: no API changes since ${result.base}; no changeset written\n`;
  const lines = result.changes.map((change) => `${change.bump.padEnd(5)}  ${change.message}`);
  const counts = (['major', 'minor', 'patch'] as const).flatMap((bump) => {
    const count = result.changes.filter((change) => change.bump === bump).length;
    return count === 0 ? [] : [`${count} ${bump}`];
  });
  lines.push(
    `sdkgen: ${plural(result.changes.length, 'change')} since ${result.base} (${counts.join(', ')}): ${result.bump ?? 'no'} release; ${changesetState(result, options.dryRun)}`,
  );
  return `${lines.join('\n')}\n`;
}

/** `--json`: the result without the changeset's text (it is in the file). */
export function diffReportJson(result: DiffResult): string {
  const { changeset } = result;
  const json = {
    ok: result.ok,
    base: result.base,
    bump: result.bump ?? null,
    changes: result.changes,
    changeset:
      changeset === undefined
        ? null
        : { path: changeset.path, written: changeset.written, replaced: changeset.replaced },
    diagnostics: result.diagnostics,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
