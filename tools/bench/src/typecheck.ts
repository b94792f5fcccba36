// 5. Type-check cost: strict `tsc --noEmit --extendedDiagnostics -p` over the sources sdkgen generates (src/, what a
// project that vendors the client checks) and over openapi-typescript's types alone for the same spec, with one
// shared tsconfig so only the generated code differs. Wall time, CPU time, peak RSS and tsc's own counters.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Spec, type ToolId } from './generation.js';
import { display, packageVersion, paths } from './lib/env.js';
import { firstErrorLine, median, rotate, runCommand } from './lib/measure.js';

export type CheckedTool = Extract<ToolId, 'sdkgen' | 'openapi-typescript'>;

/** The counters of `--extendedDiagnostics` that say how much work the checker did. */
export const diagnosticKeys = [
  'Lines of TypeScript',
  'Identifiers',
  'Symbols',
  'Types',
  'Instantiations',
  'Memory used',
  'Parse time',
  'Bind time',
  'Check time',
] as const;
export type DiagnosticKey = (typeof diagnosticKeys)[number];

export interface TypecheckRow {
  spec: Spec;
  tool: CheckedTool;
  /** What is checked, relative to the tool's output directory. */
  scope: string;
  outDir: string;
  project: string;
  command: string;
  times: number[];
  rss: number[];
  cpu: number[];
  /** Counters from the last run (counts are the same every run; the times among them are that run's). */
  diagnostics: Partial<Record<DiagnosticKey, number>>;
  /** Type errors tsc reported in the generated code (it still checks everything). */
  typeErrors: number;
  firstTypeError?: string;
  error?: string;
}

export interface TypecheckResult {
  runs: number;
  typescriptVersion: string;
  compilerOptions: Record<string, unknown>;
  rows: TypecheckRow[];
}

export const compilerOptions = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

// sdkgen's test/ folder needs the test runner's types and is not part of what users compile.
export const scopes: Record<CheckedTool, string> = { sdkgen: 'src/**/*.ts', 'openapi-typescript': 'schema.ts' };

export function medianOf(row: TypecheckRow | undefined, key: 'times' | 'rss' | 'cpu'): number {
  return row && !row.error ? median(row[key]) : Number.NaN;
}

/** `Types: 35547` and `Check time: 6.89s` / `Memory used: 302719K` → numbers (times in ms, memory in bytes). */
export function parseDiagnostics(output: string): Partial<Record<DiagnosticKey, number>> {
  const found: Partial<Record<DiagnosticKey, number>> = {};
  for (const key of diagnosticKeys) {
    const match = new RegExp(`^${key}:\\s+([\\d.]+)(s|K)?\\s*$`, 'm').exec(output);
    if (!match) continue;
    const value = Number(match[1]);
    found[key] = match[2] === 's' ? value * 1000 : match[2] === 'K' ? value * 1024 : value;
  }
  return found;
}

export interface CheckedOutput {
  spec: Spec;
  tool: CheckedTool;
  outDir: string;
  generationError?: string;
}

/** A tsconfig with the shared options over one glob, written to `dir/name.tsconfig.json`. */
export function writeProject(dir: string, name: string, include: string): string {
  const project = join(dir, `${name}.tsconfig.json`);
  writeFileSync(project, `${JSON.stringify({ compilerOptions, include: [include] }, null, 2)}\n`);
  return project;
}

export interface CheckRun {
  ms: number;
  cpuMs: number;
  peakRss: number;
  diagnostics: Partial<Record<DiagnosticKey, number>>;
  /** The lines naming a type error: tsc still checked everything. */
  errorLines: string[];
}

/** One `tsc --noEmit --extendedDiagnostics -p project`; a string says why it did not complete. */
export async function checkOnce(project: string): Promise<CheckRun | string> {
  const r = await runCommand(process.execPath, [paths.tsc, '--noEmit', '--extendedDiagnostics', '-p', project], {
    rss: true,
    timeoutMs: 20 * 60_000,
  });
  // Exit 2 = type errors found, still a full check; anything else that is not 0 is a failure.
  if (r.code !== 0 && r.code !== 2) return firstErrorLine(r);
  return {
    ms: r.ms,
    cpuMs: r.cpuMs,
    peakRss: r.peakRss,
    diagnostics: parseDiagnostics(r.stdout),
    errorLines: r.stdout.split('\n').filter((l) => /error TS\d+/.test(l)),
  };
}

export async function measureTypecheck(
  outputs: CheckedOutput[],
  runs: number,
  workDir: string,
  log: (line: string) => void,
): Promise<TypecheckResult> {
  const dir = join(workDir, 'typecheck');
  mkdirSync(dir, { recursive: true });
  const rows: TypecheckRow[] = outputs.map(({ spec, tool, outDir, generationError }) => {
    const project = writeProject(dir, `${spec.key}-${tool}`, `${outDir}/${scopes[tool]}`);
    const missing = generationError
      ? `no output to check: generation failed (${generationError})`
      : !existsSync(outDir)
        ? 'no output to check'
        : undefined;
    return {
      spec,
      tool,
      scope: scopes[tool],
      outDir,
      project,
      command: `node ${display(paths.tsc)} --noEmit --extendedDiagnostics -p ${display(project)}`,
      times: [],
      rss: [],
      cpu: [],
      diagnostics: {},
      typeErrors: 0,
      ...(missing ? { error: missing } : {}),
    };
  });
  for (let i = 0; i < runs; i++) {
    for (const row of rotate(rows, i)) {
      if (row.error) continue;
      const r = await checkOnce(row.project);
      if (typeof r === 'string') {
        row.error = r;
        continue;
      }
      row.typeErrors = r.errorLines.length;
      if (r.errorLines[0] !== undefined) row.firstTypeError ??= r.errorLines[0].trim();
      row.diagnostics = r.diagnostics;
      row.times.push(r.ms);
      row.rss.push(r.peakRss);
      row.cpu.push(r.cpuMs);
      log(
        `  tsc ${row.spec.key} ${row.tool} run ${i + 1}/${runs}: ${(r.ms / 1000).toFixed(2)} s, CPU ${(r.cpuMs / 1000).toFixed(2)} s${r.errorLines.length ? `, ${r.errorLines.length} type errors` : ''}`,
      );
    }
  }
  return { runs, typescriptVersion: packageVersion('typescript'), compilerOptions, rows };
}
