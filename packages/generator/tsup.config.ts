import { defineConfig, type Options } from 'tsup';

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

/** What each import of a dependency becomes: a CommonJS module that requires it. */
function requiredModule(specifier: string): string | undefined {
  if (specifier === 'typescript') return 'module.exports = require("ts-morph").ts;';
  const isCommonJs = COMMONJS_DEPENDENCIES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
  return isCommonJs ? `module.exports = require(${JSON.stringify(specifier)});` : undefined;
}

const NAMESPACE = 'require-commonjs';

/** Turns `import ... from '<dependency>'` into a `require` the bundle makes when the importing module runs. */
const requireCommonJs: EsbuildPlugin = {
  name: NAMESPACE,
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path, namespace }) => {
      if (namespace === NAMESPACE) return { path, external: true };
      return requiredModule(path) === undefined ? undefined : { path, namespace: NAMESPACE };
    });
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
});
