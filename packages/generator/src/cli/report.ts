/** What the CLI prints about a generation: progress, diagnostics, the summary line and, verbosely, the details. */
import path from 'node:path';
import { formatDiagnostic, type Diagnostic, type GenerateResult, type GenerateStage } from '../index.js';

/** `quiet`: errors only; `verbose`: also each stage's time and every file. */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

const STAGE_LABELS: Record<GenerateStage, string> = {
  load: 'loading and validating the spec',
  model: 'building the model',
  emit: 'emitting code and docs',
  write: 'writing files',
  check: 'comparing with the output',
};

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Shows the running stage on one rewritten terminal line, after the times of the stages done so far
 * for this spec; does nothing when not wanted.
 */
export function progressReporter(enabled: boolean): {
  onProgress?: (stage: GenerateStage) => void;
  clear: () => void;
} {
  if (!enabled) return { clear: () => undefined };
  let done: string[] = [];
  let current: { stage: GenerateStage; started: number } | undefined;
  return {
    onProgress: (stage) => {
      const now = performance.now();
      if (stage === 'load') done = [];
      else if (current !== undefined) done.push(`${current.stage} ${seconds(now - current.started)}`);
      current = { stage, started: now };
      const times = done.length === 0 ? '' : ` (${done.join(', ')})`;
      process.stdout.write(`\r\x1b[Ksdkgen: ${STAGE_LABELS[stage]}...${times}`);
    },
    clear: () => process.stdout.write('\r\x1b[K'),
  };
}

/** The last line: what happened, and how long it took. */
export function summary(result: GenerateResult, check: boolean): string {
  const time = seconds(result.durationMs);
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (errors > 0) return `${plural(errors, 'error')}, nothing ${check ? 'checked' : 'written'} (${time})`;
  const operations = plural(result.operations, 'operation');
  if (check) {
    const state =
      result.differences.length === 0
        ? `${plural(result.files, 'file')} up to date`
        : `${plural(result.differences.length, 'file')} differ`;
    return `${operations}, ${state} in ${time}`;
  }
  if (result.written.length === 0 && result.removed.length === 0)
    return `${operations}, ${plural(result.files, 'file')} up to date in ${time}`;
  const parts = [`${plural(result.written.length, 'file')} written`];
  if (result.unchanged.length > 0) parts.push(`${result.unchanged.length} unchanged`);
  if (result.removed.length > 0) parts.push(`${plural(result.removed.length, 'stale file')} removed`);
  return `${operations}, ${parts.join(', ')} in ${time}`;
}

/** Diagnostics on stderr; warnings only when not quiet. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], verbosity: Verbosity): void {
  for (const diagnostic of diagnostics)
    if (verbosity !== 'quiet' || diagnostic.severity === 'error')
      process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
}

/** The verbose lines: each stage's time, then every file with what happened to it. */
function details(result: GenerateResult): string[] {
  const lines = [
    `  stages: ${result.stages.map(({ stage, durationMs }) => `${stage} ${seconds(durationMs)}`).join(', ')}`,
  ];
  const created = new Set(result.created);
  const files = [
    ...result.written.map((file) => [created.has(file) ? 'new' : 'changed', file] as const),
    ...result.unchanged.map((file) => ['unchanged', file] as const),
    ...result.removed.map((file) => ['removed', file] as const),
  ];
  files.sort(([, a], [, b]) => (a < b ? -1 : 1));
  for (const [state, file] of files) lines.push(`  ${state.padEnd(9)} ${file}`);
  return lines;
}

/** Prints one SDK's diagnostics, differences and summary; returns whether it succeeded. */
export function report(
  result: GenerateResult,
  options: { out: string; check: boolean; label: string; verbosity: Verbosity },
): boolean {
  printDiagnostics(result.diagnostics, options.verbosity);
  for (const difference of result.differences)
    process.stdout.write(`${path.join(options.out, difference.path)}: ${difference.kind}\n`);
  if (options.verbosity === 'quiet') return result.ok;
  process.stdout.write(`sdkgen: ${options.label}${summary(result, options.check)}\n`);
  if (options.verbosity === 'verbose') process.stdout.write(`${details(result).join('\n')}\n`);
  return result.ok;
}
