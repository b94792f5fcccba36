/**
 * `npm run release:local`: the whole release against a throwaway registry, leaving the working tree as it was.
 *   1. `git clone` the repo's HEAD into a temp dir, `npm ci` there, and run `npx sdkgen --help` (a fresh clone
 *      must link a working bin);
 *   2. `npm run release:version` (`changeset version`, then generate): the generated header must name the new
 *      generator version and each CHANGELOG.md must have an entry for it;
 *   3. start verdaccio, `npm run release:publish` (build, `changeset publish`) to it;
 *   4. install `@revio-sdk/client` into a fresh app and run an ESM and a CJS script against a Prism mock of
 *      `openapi/revio.yaml` (a typed 404, `instanceof` the class of either build);
 *   5. `npx @revio-sdk/generator generate` a public spec in another fresh dir and type-check the result.
 * Verdaccio, Prism and the temp dir are removed in `finally`, and on SIGINT/SIGTERM, whatever failed.
 * RELEASE_LOCAL_REGISTRY=<url> (with RELEASE_LOCAL_TOKEN) publishes to that registry instead of a new verdaccio.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMock } from 'mock-server';
import { runClientApps, runGenerator } from './consumers.js';
import { publishPackages, PUBLISHED_PACKAGES } from './publish.js';
import { startRegistry, waitForPing, type Registry } from './registry.js';
import { killRunning, runStep, StepError } from './run.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** A small real spec of the corpus for the generator consumer (120 operations). */
const GENERATOR_SPEC = 'tools/spec-corpus/specs/netlify.com.json';
const HEADER_FILE = 'packages/client/src/index.ts';

const started = performance.now();
const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;

/** Runs every cleanup once, newest first; each failure is reported, none stops the others. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    killRunning();
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => log(`cleanup: ${error}`));
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void cleanUp().then(() => process.exit(1));
  });
}

function log(line: string): void {
  console.log(`release:local: ${line}`);
}

function elapsed(): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

async function release(): Promise<void> {
  const external = process.env['RELEASE_LOCAL_REGISTRY'];
  if (external !== undefined) {
    await waitForPing(external).catch((error: Error) => {
      const names = PUBLISHED_PACKAGES.join(', ');
      throw new StepError(`cannot publish ${names}: the registry ${external} is unreachable (${error.message})`);
    });
  }
  const work = await mkdtemp(path.join(tmpdir(), 'revio-release-'));
  cleanups.push(() => rm(work, { recursive: true, force: true }));
  log(`working in ${work} (removed at the end)`);
  const copy = path.join(work, 'repo');

  log('cloning HEAD into it, then npm ci and npx sdkgen --help there (a few minutes)');
  await runStep('git clone', 'git', ['clone', '--quiet', repoRoot, copy], { cwd: work });
  await runStep('npm ci in the fresh clone', 'npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: copy,
  });
  const help = await runStep('npx sdkgen --help in the fresh clone', 'npx', ['--no-install', 'sdkgen', '--help'], {
    cwd: copy,
  });
  if (!help.includes('Usage: sdkgen')) throw new StepError('npx sdkgen --help printed no usage', help);
  log(`fresh clone: npm ci, then npx sdkgen --help prints its usage (${elapsed()})`);

  const oldHeader = firstLine(await readFile(path.join(copy, HEADER_FILE), 'utf8'));
  const env = { ...process.env, NX_DAEMON: 'false' };
  await ensureChangeset(copy);
  log('npm run release:version (changeset version, then generate)');
  // The scripts the release workflow runs: changeset version, then generate.
  await runStep('npm run release:version', 'npm', ['run', 'release:version'], { cwd: copy, env });
  const version = await packageVersion(copy, 'packages/generator');
  const newHeader = firstLine(await readFile(path.join(copy, HEADER_FILE), 'utf8'));
  if (!newHeader.includes(`sdkgen ${version} `))
    throw new StepError(`after changeset version to ${version}, the generated header still reads: ${newHeader}`);
  log(`changeset version: ${version}; regenerated header: "${oldHeader}" -> "${newHeader}" (${elapsed()})`);
  for (const dir of ['packages/generator', 'packages/runtime', 'packages/client']) {
    const changelog = await readFile(path.join(copy, dir, 'CHANGELOG.md'), 'utf8').catch(() => '');
    if (!changelog.includes(`## ${version}\n`))
      throw new StepError(`changeset version wrote no ${version} entry in ${dir}/CHANGELOG.md`);
  }

  const registry = await registryFor(work);
  const npmrc = path.join(work, 'npmrc');
  const host = registry.url.replace(/^https?:/, '');
  await writeFile(npmrc, `@revio-sdk:registry=${registry.url}\n${host}:_authToken=${registry.token}\n`);
  // The user's npmrc and npm cache are left alone: everything npm writes from here on is in the temp dir.
  const npmEnv = { ...env, NPM_CONFIG_USERCONFIG: npmrc, npm_config_cache: path.join(work, 'npm-cache') };
  log('npm run release:publish (build, then changeset publish)');
  await publishPackages(copy, registry.url, version, npmEnv);
  log(`published ${PUBLISHED_PACKAGES.map((name) => `${name}@${version}`).join(', ')} to ${registry.url}`);

  const mock = await startMock(path.join(copy, 'openapi/revio.yaml'));
  cleanups.push(() => mock.stop());
  const context = { version, env: npmEnv };
  for (const line of await runClientApps(path.join(work, 'client-app'), mock.url, context)) log(line);
  await mock.stop(); // the apps are done; the cleanup's stop is then a no-op

  const tsc = path.join(copy, 'node_modules/typescript/bin/tsc');
  const spec = path.join(copy, GENERATOR_SPEC);
  const generated = await runGenerator(path.join(work, 'generator-app'), spec, tsc, context);
  log(`npx @revio-sdk/generator@${version}: ${generated.split('\n').at(-1)}; tsc -p x: no errors`);
}

/** Without a pending changeset there is nothing to release; the dry run adds a patch one to the copy. */
async function ensureChangeset(copy: string): Promise<void> {
  const pending = (await readdir(path.join(copy, '.changeset'))).filter((f) => f.endsWith('.md') && f !== 'README.md');
  if (pending.length === 0) {
    await writeFile(
      path.join(copy, '.changeset/release-local-dry-run.md'),
      "---\n'@revio-sdk/runtime': patch\n---\n\nrelease:local dry run.\n",
    );
    log('no pending changeset: added a patch one to the throwaway copy');
  }
}

async function registryFor(work: string): Promise<Registry> {
  const external = process.env['RELEASE_LOCAL_REGISTRY'];
  if (external !== undefined) {
    const url = external.endsWith('/') ? external : `${external}/`;
    return { url, token: process.env['RELEASE_LOCAL_TOKEN'] ?? '', stop: async () => {} };
  }
  const registry = await startRegistry(path.join(work, 'registry'));
  cleanups.push(() => registry.stop());
  log(`verdaccio is serving ${registry.url} (${elapsed()})`);
  return registry;
}

async function packageVersion(root: string, dir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(root, dir, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function firstLine(text: string): string {
  return text.slice(0, text.indexOf('\n'));
}

try {
  await release();
  await cleanUp();
  log(`done in ${elapsed()}; no process or file left behind`);
} catch (error) {
  await cleanUp();
  if (error instanceof StepError) {
    if (error.details) console.error(error.details.trimEnd().split('\n').slice(-30).join('\n'));
    console.error(`release:local: ${error.message}`);
  } else {
    console.error(error);
    console.error(`release:local: ${(error as Error).message.split('\n')[0]}`);
  }
  process.exitCode = 1;
}
