import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Dependencies the bundle loads with `require`. They are CommonJS, and Node's ESM loader scans a CommonJS
 * module's whole source for ESM syntax and export names before running it, on every `sdkgen` run (see the
 * generator's README, and BENCHMARKS.md for the figures).
 */
const COMMONJS_DEPENDENCIES = [
  '@redocly/openapi-core',
  'commander',
  'handlebars',
  'swagger2openapi',
  'ts-morph',
  'yaml-ast-parser',
];

/**
 * openapi-typescript is bundled so that its `typescript` import can be answered with the TypeScript that
 * ts-morph bundles: one copy of TypeScript to load instead of two. Every spec of the corpus generates the
 * same bytes with either copy.
 */
const BUNDLED_DEPENDENCIES = ['openapi-typescript'];

/**
 * Dependencies bundled into one CommonJS file each, `dist/vendor/<name>.cjs`, which the bundle requires
 * instead: Redocly, handlebars and ts-morph are hundreds of small modules, which load faster as one file
 * each. Each file exports
 * the modules of the specifiers listed for it (openapi-typescript imports a Redocly module directly).
 */
const VENDOR_BUNDLES: Record<string, string[]> = {
  'redocly-openapi-core': ['@redocly/openapi-core', '@redocly/openapi-core/lib/ref-utils.js', 'yaml-ast-parser'],
  commander: ['commander'],
  handlebars: ['handlebars'],
  'ts-morph': ['ts-morph'],
};

function requireCall(specifier: string): string {
  const bundle = Object.keys(VENDOR_BUNDLES).find((name) => VENDOR_BUNDLES[name]?.includes(specifier));
  return bundle === undefined
    ? `require(${JSON.stringify(specifier)})`
    : `require("./vendor/${bundle}.cjs")[${JSON.stringify(specifier)}]`;
}

/** What each import of a dependency becomes: a CommonJS module that requires it. */
function requiredModule(specifier: string): string | undefined {
  if (specifier === 'typescript') return `module.exports = ${requireCall('ts-morph')}.ts;`;
  const isCommonJs = COMMONJS_DEPENDENCIES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
  return isCommonJs ? `module.exports = ${requireCall(specifier)};` : undefined;
}

/** Writes each vendor bundle's entry where its specifiers resolve as from this package; returns the entries. */
function writeVendorEntries(): Record<string, string> {
  const directory = path.join(import.meta.dirname, 'node_modules/.cache/sdkgen-vendor');
  mkdirSync(directory, { recursive: true });
  return Object.fromEntries(
    Object.entries(VENDOR_BUNDLES).map(([name, specifiers]) => {
      const file = path.join(directory, `${name}.cjs`);
      writeFileSync(
        file,
        `module.exports = {\n${specifiers.map((specifier) => `  ${JSON.stringify(specifier)}: require(${JSON.stringify(specifier)}),\n`).join('')}};\n`,
      );
      return [`vendor/${name}`, file];
    }),
  );
}

/**
 * `dist/vendor/THIRD-PARTY-LICENSES.md`: the licence of every package the vendor bundles hold code of
 * (their licences ask for it to travel with the code), found from esbuild's metafile of the bundles.
 */
function writeVendorLicenses(metafilePath: string): void {
  const { inputs } = JSON.parse(readFileSync(metafilePath, 'utf8')) as { inputs: Record<string, unknown> };
  rmSync(metafilePath);
  const packageDirectories = new Set<string>();
  for (const input of Object.keys(inputs)) {
    // The package's folder; names never start with `.`, which skips the vendor entries in node_modules/.cache.
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^./][^/]*)\//.exec(input);
    if (match?.[1] !== undefined) packageDirectories.add(path.resolve(import.meta.dirname, match[1]));
  }
  const sections = [...packageDirectories].map((directory) => {
    const { name, version, license } = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as Record<
      string,
      string
    >;
    const licenseFile = readdirSync(directory).find((file) => /^(licen[cs]e|copying)/i.test(file));
    const text =
      licenseFile === undefined
        ? `${license} (the package ships no licence file)`
        : readFileSync(path.join(directory, licenseFile), 'utf8').trim();
    return `## ${name}@${version}\n\n${text}\n`;
  });
  sections.sort();
  writeFileSync(
    path.join(import.meta.dirname, 'dist/vendor/THIRD-PARTY-LICENSES.md'),
    `# Third-party licences\n\nThe files in this folder bundle code of the packages below.\n\n${sections.join('\n')}`,
  );
}

const NAMESPACE = 'require-commonjs';

/** Turns `import ... from '<dependency>'` into a `require` the bundle makes when the importing module runs. */
const requireCommonJs: EsbuildPlugin = {
  name: NAMESPACE,
  setup(build) {
    build.onResolve({ filter: /.*/, namespace: NAMESPACE }, ({ path }) => ({ path, external: true }));
    build.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      requiredModule(path) === undefined ? undefined : { path, namespace: NAMESPACE },
    );
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
  banner: {
    js: "import { createRequire as createRequireInModule } from 'node:module';\nconst require = createRequireInModule(import.meta.url);",
  },
  // After the main build, whose `clean` would delete them if they were built beside it.
  onSuccess: async () => {
    await build({
      entry: writeVendorEntries(),
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      noExternal: [/./],
      outExtension: () => ({ js: '.cjs' }),
      config: false,
      silent: true,
      metafile: true,
    });
    try {
      writeVendorLicenses(path.join(import.meta.dirname, 'dist/metafile-cjs.json'));
    } catch (error) {
      process.exitCode = 1; // tsup only logs an error of onSuccess; the build must fail without the licences
      throw error;
    }
  },
});
