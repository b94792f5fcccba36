import { createRequire } from 'node:module';
import { build, defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Dependencies the bundle loads with `require`. They are CommonJS, and Node's ESM loader scans a CommonJS
 * module's whole source for ESM syntax and export names before running it, which cost about a second on
 * every `sdkgen` run.
 */
const COMMONJS_DEPENDENCIES = ['@redocly/openapi-core', 'commander', 'handlebars', 'swagger2openapi', 'ts-morph'];

/**
 * openapi-typescript is bundled so that its `typescript` import can be answered with the TypeScript that
 * ts-morph bundles: one copy of TypeScript to load (9 MB of code: 0.3 s and 30 MB) instead of two. Every
 * spec of the corpus generates the same bytes with either copy.
 */
const BUNDLED_DEPENDENCIES = ['openapi-typescript'];

/**
 * Dependencies bundled into one CommonJS file of their own, `dist/<file>`, which the bundle requires instead:
 * Redocly is 320 small modules (with ajv, js-yaml, ...), and finding, reading and compiling each one took
 * twice as long as loading them as one file.
 */
const VENDORED_DEPENDENCIES: Record<string, string> = { '@redocly/openapi-core': 'vendor/redocly-openapi-core.cjs' };

/** What each import of a dependency becomes: a CommonJS module that requires it. */
function requiredModule(specifier: string): string | undefined {
  if (specifier === 'typescript') return 'module.exports = require("ts-morph").ts;';
  const vendored = VENDORED_DEPENDENCIES[specifier];
  if (vendored !== undefined) return `module.exports = require(${JSON.stringify(`./${vendored}`)});`;
  const isCommonJs = COMMONJS_DEPENDENCIES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
  return isCommonJs ? `module.exports = require(${JSON.stringify(specifier)});` : undefined;
}

const NAMESPACE = 'require-commonjs';

/** Turns `import ... from '<dependency>'` into a `require` the bundle makes when the importing module runs. */
const requireCommonJs: EsbuildPlugin = {
  name: NAMESPACE,
  setup(build) {
    build.onResolve({ filter: /.*/, namespace: NAMESPACE }, ({ path }) => ({ path, external: true }));
    build.onResolve({ filter: /^[^./]/ }, ({ path }) => (requiredModule(path) === undefined ? undefined : { path, namespace: NAMESPACE }));
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ path }) => ({ contents: requiredModule(path) }));
  },
};

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: 'esm',
  dts: true,
  clean: true,
  sourcemap: true,
  // Left to `requireCommonJs`, or bundled, instead of kept as imports by tsup.
  noExternal: [...COMMONJS_DEPENDENCIES, ...BUNDLED_DEPENDENCIES],
  esbuildPlugins: [requireCommonJs],
  // The `require` of ES modules, which esbuild's require calls use.
  banner: { js: "import { createRequire as createRequireInModule } from 'node:module';\nconst require = createRequireInModule(import.meta.url);" },
  // After the main build, whose `clean` would delete them if they were built beside it.
  onSuccess: async () => {
    const resolve = createRequire(import.meta.url).resolve;
    await build({
      entry: Object.fromEntries(Object.entries(VENDORED_DEPENDENCIES).map(([name, file]) => [file.replace(/\.cjs$/, ''), resolve(name)])),
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      noExternal: [/./],
      outExtension: () => ({ js: '.cjs' }),
      config: false,
      silent: true,
    });
  },
});
