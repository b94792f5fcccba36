import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Dependencies the bundle loads with `require`. They are CommonJS, and Node's ESM loader scans a CommonJS
 * module's whole source for ESM syntax and export names before running it: on every `sdkgen` run that
 * cost more than a second, mostly in `typescript` (9 MB), which openapi-typescript's CommonJS build
 * then requires too instead of importing it.
 */
const COMMONJS_DEPENDENCIES = ['@redocly/openapi-core', 'commander', 'handlebars', 'openapi-typescript', 'swagger2openapi', 'ts-morph'];

const NAMESPACE = 'require-commonjs';

/** Turns `import ... from '<dependency>'` into a `require` the bundle makes when the importing module runs. */
const requireCommonJs: EsbuildPlugin = {
  name: NAMESPACE,
  setup(build) {
    const filter = new RegExp(`^(${COMMONJS_DEPENDENCIES.map((name) => name.replace(/[/.-]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, ({ path, namespace }) => (namespace === NAMESPACE ? { path, external: true } : { path, namespace: NAMESPACE }));
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ path }) => ({ contents: `module.exports = require(${JSON.stringify(path)});` }));
  },
};

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: 'esm',
  dts: true,
  clean: true,
  sourcemap: true,
  // Left to `requireCommonJs` instead of tsup's plugin that keeps dependencies external as imports.
  noExternal: COMMONJS_DEPENDENCIES,
  esbuildPlugins: [requireCommonJs],
  // The `require` of ES modules, which esbuild's require calls use.
  banner: { js: "import { createRequire as createRequireInModule } from 'node:module';\nconst require = createRequireInModule(import.meta.url);" },
});
