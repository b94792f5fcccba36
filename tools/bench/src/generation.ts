// 1. Generation: wall time and peak RSS of each generator as a child process, on the same spec file.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { display, packageBin, packageVersion, paths } from './lib/env.js';
import { firstErrorLine, median, rotate, runCommand } from './lib/measure.js';

export type ToolId = 'sdkgen' | 'openapi-typescript' | 'hey-api' | 'orval';

export interface Spec {
  key: string;
  label: string;
  path: string;
  bytes: number;
}

export function spec(key: string, label: string, path: string): Spec {
  return { key, label, path, bytes: statSync(path).size };
}

interface Tool {
  id: ToolId;
  name: string;
  version: string;
  what: string;
  /** The command for one spec, or why it cannot run. */
  command(spec: Spec, out: string): { command: string; args: string[] } | { missing: string };
}

const node = process.execPath;

function bin(pkg: string, name?: string): string | { missing: string } {
  return packageBin(pkg, name) ?? { missing: `${pkg} is not installed` };
}

export const tools: readonly Tool[] = [
  {
    id: 'sdkgen',
    name: 'sdkgen (ours)',
    version: readGeneratorVersion(),
    what: 'typed client, error unions, docs',
    command: (spec, out) =>
      statExists(paths.generatorCli)
        ? {
            command: node,
            args: [
              paths.generatorCli,
              'generate',
              '--spec',
              spec.path,
              '--out',
              out,
              '--name',
              `bench-${spec.key}-client`,
            ],
          }
        : { missing: `${display(paths.generatorCli)} is not built` },
  },
  {
    id: 'openapi-typescript',
    name: 'openapi-typescript',
    version: packageVersion('openapi-typescript'),
    what: 'types only',
    command: (spec, out) => {
      const b = bin('openapi-typescript');
      return typeof b === 'string' ? { command: node, args: [b, spec.path, '-o', join(out, 'schema.ts')] } : b;
    },
  },
  {
    id: 'hey-api',
    name: '@hey-api/openapi-ts',
    version: packageVersion('@hey-api/openapi-ts'),
    what: 'types + SDK + bundled fetch client (`@hey-api/client-fetch`)',
    command: (spec, out) => {
      const b = bin('@hey-api/openapi-ts');
      return typeof b === 'string'
        ? { command: node, args: [b, '-i', spec.path, '-o', out, '-c', '@hey-api/client-fetch', '--no-log-file'] }
        : b;
    },
  },
  {
    id: 'orval',
    name: 'orval',
    version: packageVersion('orval'),
    what: 'types + fetch client (`client: fetch`, single file)',
    command: (spec, out) => {
      const b = bin('orval');
      return typeof b === 'string'
        ? { command: node, args: [b, '-i', spec.path, '-o', join(out, 'api.ts'), '--client', 'fetch'] }
        : b;
    },
  },
];

function statExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readGeneratorVersion(): string {
  try {
    return (JSON.parse(readFileSync(paths.generatorPackage, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export interface ToolRun {
  tool: ToolId;
  name: string;
  version: string;
  what: string;
  command: string;
  outDir: string;
  /** Wall times of the successful runs (ms). */
  times: number[];
  /** Peak RSS of the successful runs (bytes). */
  rss: number[];
  /** User + system CPU time of the successful runs (ms). */
  cpu: number[];
  /** Total size of the files it wrote (bytes), from the last run. */
  outputBytes: number;
  outputFiles: number;
  error?: string;
}

export interface GenerationResult {
  spec: Spec;
  runs: number;
  tools: ToolRun[];
}

export function medianTime(run: ToolRun | undefined): number {
  return run && !run.error ? median(run.times) : Number.NaN;
}

export function medianCpu(run: ToolRun | undefined): number {
  return run && !run.error ? median(run.cpu) : Number.NaN;
}

export function medianRss(run: ToolRun | undefined): number {
  return run && !run.error ? median(run.rss) : Number.NaN;
}

export async function measureGeneration(
  spec: Spec,
  runs: number,
  workDir: string,
  log: (line: string) => void,
): Promise<GenerationResult> {
  const results: ToolRun[] = tools.map((tool) => {
    const outDir = join(workDir, 'gen', spec.key, tool.id);
    const cmd = tool.command(spec, outDir);
    return {
      tool: tool.id,
      name: tool.name,
      version: tool.version,
      what: tool.what,
      command:
        'missing' in cmd ? '' : [cmd.command === node ? 'node' : cmd.command, ...cmd.args.map(display)].join(' '),
      outDir,
      times: [],
      rss: [],
      cpu: [],
      outputBytes: 0,
      outputFiles: 0,
      ...('missing' in cmd ? { error: cmd.missing } : {}),
    };
  });
  for (let i = 0; i < runs; i++) {
    // Alternate which tool goes first, so no tool always runs on a cold (or warm) machine.
    for (const run of rotate(results, i)) {
      if (run.error) continue;
      const tool = tools.find((t) => t.id === run.tool)!;
      const cmd = tool.command(spec, run.outDir);
      if ('missing' in cmd) continue;
      rmSync(run.outDir, { recursive: true, force: true });
      mkdirSync(run.outDir, { recursive: true });
      const result = await runCommand(cmd.command, cmd.args, { cwd: run.outDir, rss: true, timeoutMs: 20 * 60_000 });
      if (!result.ok) {
        run.error = firstErrorLine(result);
        log(`  ${spec.key} ${run.tool} run ${i + 1}: FAILED ${run.error}`);
        continue;
      }
      run.times.push(result.ms);
      run.rss.push(result.peakRss);
      run.cpu.push(result.cpuMs);
      log(
        `  ${spec.key} ${run.tool} run ${i + 1}/${runs}: ${(result.ms / 1000).toFixed(2)} s, ${(result.peakRss / 2 ** 20).toFixed(0)} MiB`,
      );
    }
  }
  for (const run of results) {
    if (run.error) continue;
    const { bytes, files } = sizeOf(run.outDir);
    run.outputBytes = bytes;
    run.outputFiles = files;
  }
  return { spec, runs, tools: results };
}

/** Runs one tool once into a fresh `outDir`: its wall time, CPU time and peak RSS, or why it failed. */
export async function runGenerator(
  spec: Spec,
  id: ToolId,
  outDir: string,
): Promise<{ ms: number; cpuMs: number; peakRss: number } | string> {
  const cmd = tools.find((t) => t.id === id)!.command(spec, outDir);
  if ('missing' in cmd) return cmd.missing;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await runCommand(cmd.command, cmd.args, { cwd: outDir, rss: true, timeoutMs: 20 * 60_000 });
  return result.ok ? result : firstErrorLine(result);
}

function sizeOf(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}
