// @ts-check
/**
 * The nx plugin of sdkgen (`@revio-sdk/generator/nx-plugin`): for each SDK an `sdkgen.config.json` lists, a
 * project at its output directory with generate, build, typecheck, lint and test targets, all cached. Adding
 * an SDK to the config is all it takes; no project.json. Plain JavaScript: nx loads it before anything is built.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { specSources } from './spec-sources.js';

/** @typedef {{ spec?: unknown; out?: unknown; name?: unknown; [key: string]: unknown }} ConfigEntry */
/** @typedef {Record<string, unknown>} TargetConfiguration */

const GENERATOR_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** @param {string} file */
function posix(file) {
  return file.split(path.sep).join('/');
}

/** @param {string} workspaceRoot @param {string} file */
function workspacePath(workspaceRoot, file) {
  return posix(path.relative(workspaceRoot, file));
}

/**
 * How the generate target reaches the generator: this package's own build when it is a project of the
 * workspace (built first), else its installed copy.
 * @param {string} workspaceRoot
 */
function generatorOf(workspaceRoot) {
  const root = workspacePath(workspaceRoot, GENERATOR_ROOT) || '.';
  const inWorkspace = !root.startsWith('..') && !root.split('/').includes('node_modules');
  const manifest = /** @type {{ name: string }} */ (
    JSON.parse(readFileSync(path.join(GENERATOR_ROOT, 'package.json'), 'utf8'))
  );
  return { root, inWorkspace, name: manifest.name };
}

/** @param {string} workspaceRoot */
function generatorBuild(workspaceRoot) {
  const generator = generatorOf(workspaceRoot);
  return generator.inWorkspace ? [{ projects: [generator.name], target: 'build' }] : [];
}

/**
 * The generate target: inputs are the spec's files, the generator's build and version (package.json) and
 * templates; the config entry is in `options`, which nx hashes with the project's configuration, so an edit
 * to another SDK's entry leaves this one cached.
 * @param {{ workspaceRoot: string; configFile: string; entry: ConfigEntry; out: string; spec: string }} sdk
 * @returns {TargetConfiguration}
 */
function generateTarget({ workspaceRoot, configFile, entry, out, spec }) {
  const generator = generatorOf(workspaceRoot);
  const isUrl = /^https?:\/\//i.test(spec);
  const specFiles = isUrl ? [] : specSources(path.resolve(workspaceRoot, path.dirname(configFile), spec));
  return {
    command: `node ${generator.root}/dist/cli.js generate --config ${configFile} --sdk ${out}`,
    options: { sdkgenConfigEntry: JSON.stringify(entry), forwardAllArgs: false },
    dependsOn: generatorBuild(workspaceRoot),
    inputs: [
      ...specFiles.map((file) => `{workspaceRoot}/${workspacePath(workspaceRoot, file)}`),
      `{workspaceRoot}/${generator.root}/package.json`,
      `{workspaceRoot}/${generator.root}/templates/**/*`,
      generator.inWorkspace
        ? { dependentTasksOutputFiles: '**/*', transitive: false }
        : { externalDependencies: [generator.name] },
    ],
    outputs: ['src', 'test/generated', 'docs', 'README.md', 'package.json', 'tsconfig.json'].map(
      (output) => `{projectRoot}/${output}`,
    ),
    // nx hashes inputs before the task runs and cannot see what is behind a URL.
    cache: !isUrl,
  };
}

/**
 * The targets of one SDK (generate-check: `--check`, never cached). Build, typecheck and lint run the generated package's scripts (found through npm,
 * which also looks in the workspace's node_modules/.bin); only generated files are outputs of generate, so
 * that restoring it from the cache leaves dist, CHANGELOG.md and hand-written tests alone.
 * @param {{ workspaceRoot: string; configFile: string; entry: ConfigEntry; out: string; spec: string }} sdk
 * @returns {Record<string, TargetConfiguration>}
 */
function sdkTargets(sdk) {
  const { out } = sdk;
  const sourceInputs = ['{projectRoot}/src/**/*', '{projectRoot}/package.json', '{projectRoot}/tsconfig.json'];
  const script = (/** @type {string} */ name) => ({ command: `npm run ${name}`, options: { cwd: out } });
  return {
    generate: generateTarget(sdk),
    'generate-check': {
      command: `${generateTarget(sdk).command} --check`,
      dependsOn: ['generate', ...generatorBuild(sdk.workspaceRoot)],
      cache: false,
    },
    build: {
      ...script('build'),
      dependsOn: ['^build', 'generate'],
      inputs: [...sourceInputs, '^production'],
      outputs: ['{projectRoot}/dist'],
      cache: true,
    },
    typecheck: {
      ...script('typecheck'),
      dependsOn: ['^build', 'generate'],
      inputs: ['default', '^production'],
      cache: true,
    },
    lint: {
      command: `eslint ${out} && prettier --check ${out} && npm run lint --prefix ${out}`,
      dependsOn: ['^build', 'generate', 'build'],
      inputs: ['default', '^production', '{workspaceRoot}/eslint.config.js', '{workspaceRoot}/.prettierignore'],
      cache: true,
    },
    test: {
      command: 'vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json',
      options: { cwd: out },
      dependsOn: ['^build', 'generate'],
      inputs: ['default', '^production'],
      outputs: ['{projectRoot}/test-results'],
      cache: true,
    },
  };
}

/**
 * The projects of one config file, keyed by root. An entry without `spec` and `out` strings is skipped here;
 * `sdkgen generate` reports it with its location.
 * @param {string} configFile workspace-relative
 * @param {string} workspaceRoot
 */
function sdkProjects(configFile, workspaceRoot) {
  const config = /** @type {{ sdks?: unknown }} */ (
    JSON.parse(readFileSync(path.join(workspaceRoot, configFile), 'utf8'))
  );
  const configDir = path.dirname(configFile);
  /** @type {Record<string, { name?: string; root: string; tags: string[]; targets: Record<string, TargetConfiguration> }>} */
  const projects = {};
  for (const entry of Array.isArray(config.sdks) ? /** @type {ConfigEntry[]} */ (config.sdks) : []) {
    if (typeof entry?.spec !== 'string' || typeof entry.out !== 'string') continue;
    const out = posix(path.join(configDir, entry.out));
    const name = typeof entry.name === 'string' ? entry.name : path.basename(out);
    projects[out] = {
      name,
      root: out,
      tags: ['sdkgen'],
      targets: sdkTargets({ workspaceRoot, configFile: posix(configFile), entry, out, spec: entry.spec }),
    };
  }
  return { projects };
}

/** @type {[string, (files: readonly string[], options: unknown, context: { workspaceRoot: string }) => Promise<[string, { projects: ReturnType<typeof sdkProjects>['projects'] }][]>]} */
export const createNodesV2 = [
  '**/sdkgen.config.json',
  async (configFiles, _options, context) =>
    configFiles.map(
      (configFile) => /** @type {const} */ ([configFile, sdkProjects(configFile, context.workspaceRoot)]),
    ),
];
