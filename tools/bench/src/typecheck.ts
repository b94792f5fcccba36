// 5. Type-check time: `tsc --noEmit -p` over the generated code of sdkgen and of hey-api for the same spec,
// with one shared tsconfig (strict, bundler resolution) so only the generated code differs.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { display, packageVersion, paths } from './lib/env.js';
import { firstErrorLine, median, rotate, runCommand } from './lib/measure.js';

export interface TypecheckRow {
  tool: 'sdkgen' | 'hey-api';
  name: string;
  outDir: string;
  command: string;
  times: number[];
  rss: number[];
  cpu: number[];
  /** Type errors tsc reported in the generated code (it still checks everything). */
  typeErrors: number;
  firstTypeError?: string;
  error?: string;
}

export interface TypecheckResult {
  specLabel: string;
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

export function medianOf(row: TypecheckRow | undefined, key: 'times' | 'rss' | 'cpu'): number {
  return row && !row.error ? median(row[key]) : Number.NaN;
}

export async function measureTypecheck(
  specLabel: string,
  outputs: { tool: 'sdkgen' | 'hey-api'; name: string; outDir: string; generationError?: string }[],
  runs: number,
  workDir: string,
  log: (line: string) => void,
): Promise<TypecheckResult> {
  const dir = join(workDir, 'typecheck');
  mkdirSync(dir, { recursive: true });
  const rows: TypecheckRow[] = outputs.map(({ tool, name, outDir, generationError }) => {
    const project = join(dir, `${tool}.tsconfig.json`);
    writeFileSync(
      project,
      `${JSON.stringify({ compilerOptions, include: [`${outDir}/**/*.ts`], exclude: [`${outDir}/**/node_modules`, `${outDir}/**/dist`] }, null, 2)}\n`,
    );
    const missing = generationError
      ? `no output to check: generation failed (${generationError})`
      : !existsSync(outDir)
        ? 'no output to check'
        : undefined;
    return {
      tool,
      name,
      outDir,
      command: `node ${display(paths.tsc)} --noEmit -p ${display(project)}`,
      times: [],
      rss: [],
      cpu: [],
      typeErrors: 0,
      ...(missing ? { error: missing } : {}),
    };
  });
  for (let i = 0; i < runs; i++) {
    for (const row of rotate(rows, i)) {
      if (row.error) continue;
      const project = join(dir, `${row.tool}.tsconfig.json`);
      const r = await runCommand(process.execPath, [paths.tsc, '--noEmit', '-p', project], {
        rss: true,
        timeoutMs: 20 * 60_000,
      });
      // Exit 2 = type errors found, still a full check; anything else that is not 0 is a failure.
      if (r.code !== 0 && r.code !== 2) {
        row.error = firstErrorLine(r);
        continue;
      }
      const errors = (r.stdout.match(/error TS\d+/g) ?? []).length;
      row.typeErrors = errors;
      const firstError = r.stdout.split('\n').find((l) => /error TS\d+/.test(l));
      if (firstError !== undefined) row.firstTypeError ??= firstError.trim();
      row.times.push(r.ms);
      row.rss.push(r.peakRss);
      row.cpu.push(r.cpuMs);
      log(
        `  tsc ${row.tool} run ${i + 1}/${runs}: ${(r.ms / 1000).toFixed(2)} s${errors ? `, ${errors} type errors` : ''}`,
      );
    }
  }
  return { specLabel, runs, typescriptVersion: packageVersion('typescript'), compilerOptions, rows };
}
