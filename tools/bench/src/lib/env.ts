// Where things are, what machine this is, and which versions are measured.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = resolve(benchRoot, '../..');

export const paths = {
  githubSpec: join(repoRoot, 'tools/spec-corpus/specs/github-api.github.com.json'),
  stripeSpec: join(repoRoot, 'tools/spec-corpus/specs/stripe.com.json'),
  revioSpec: join(repoRoot, 'openapi/revio.yaml'),
  generatorCli: join(repoRoot, 'packages/generator/dist/cli.js'),
  generatorPackage: join(repoRoot, 'packages/generator/package.json'),
  clientDir: join(repoRoot, 'packages/client'),
  tsc: join(repoRoot, 'node_modules/typescript/bin/tsc'),
};

/** How the generated client is found, in order: as an app imports it, then its built, then its source entry. */
export const generatedClientEntries = [
  '@revio-sdk/client',
  join(paths.clientDir, 'dist/index.js'),
  join(paths.clientDir, 'src/index.ts'),
] as const;

/**
 * The standalone-function form of the generated client, found the same way: its core module and its
 * functions module (`@revio-sdk/client/core` and `/funcs`), then their builds, then their sources.
 */
export const generatedFunctionEntries = [
  { core: '@revio-sdk/client/core', funcs: '@revio-sdk/client/funcs' },
  { core: join(paths.clientDir, 'dist/core.js'), funcs: join(paths.clientDir, 'dist/funcs/index.js') },
  { core: join(paths.clientDir, 'src/core.ts'), funcs: join(paths.clientDir, 'src/funcs/index.ts') },
] as const;

const requireFromBench = createRequire(join(benchRoot, 'package.json'));

/** The directory of an installed package as this package resolves it (tools/bench first, then the root). */
export function packageDir(name: string): string | undefined {
  for (const base of [join(benchRoot, 'node_modules'), join(repoRoot, 'node_modules')]) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  try {
    return dirname(requireFromBench.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

interface PackageJson {
  version?: string;
  bin?: string | Record<string, string>;
}

function readPackage(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

export function packageVersion(name: string): string {
  const dir = packageDir(name);
  return dir ? (readPackage(dir).version ?? 'unknown') : 'not installed';
}

/** Absolute path of a package's CLI script, so every tool is started the same way: `node <bin>`. */
export function packageBin(name: string, bin?: string): string | undefined {
  const dir = packageDir(name);
  if (!dir) return undefined;
  const field = readPackage(dir).bin;
  const file = typeof field === 'string' ? field : field ? (bin ? field[bin] : Object.values(field)[0]) : undefined;
  return file ? join(dir, file) : undefined;
}

/** A path as shown in the report: relative to the repo root when inside it. */
export function display(path: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(repoRoot, path);
  return rel.startsWith('..') ? path : rel;
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  kernel: string;
  loadStart: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  let pretty = `${os.type()} ${os.release()}`;
  try {
    const match = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (match) pretty = match[1]!;
  } catch {
    /* not Linux */
  }
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    ramGiB: os.totalmem() / 1024 ** 3,
    os: pretty,
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    loadStart: loadAverage(),
  };
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}

export function gitRevision(): string {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages', 'openapi'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${rev} (with uncommitted changes under packages/ or openapi/)` : rev;
  } catch {
    return 'unknown';
  }
}
