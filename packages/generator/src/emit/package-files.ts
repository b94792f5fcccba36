import type { Api } from '../model/types.js';
import type { GeneratedFile } from './file.js';
import { headerText, type HeaderInfo } from './header.js';

/** Where a package's source lives: npm shows it, and npm provenance checks it against the publishing repo. */
export interface PackageRepository {
  url: string;
  /** The package's folder in the repository. */
  directory?: string;
}

/** What the package manifests need beyond the IR. */
export interface PackageFileOptions {
  packageName: string;
  packageVersion: string;
  /** SPDX license expression; the field is left out without one. */
  license?: string | undefined;
  repository?: PackageRepository | undefined;
  runtimePackage: { name: string; version: string };
  header: HeaderInfo;
  /** A tsconfig to extend (relative to the package); without it the strict options are inlined. */
  tsconfigExtends?: string | undefined;
}

/** The strict options every generated package compiles under (the same as the repo's base config). */
const STRICT_COMPILER_OPTIONS = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: true,
};

/** The client's entries: the client (`.`), its core (`./core`) and the standalone functions (`./funcs`). */
const CLIENT_ENTRIES = { '.': 'index', './core': 'core', './funcs': 'funcs/index' };

/**
 * `package.json` of a client: ESM + CJS builds with types (tsup) of its three entries; `sideEffects: false`
 * lets bundlers keep only the functions an app imports.
 */
export function emitPackageJson(api: Api, options: PackageFileOptions): GeneratedFile {
  return emitManifest(options, `Typed TypeScript client for ${api.title}.`, CLIENT_ENTRIES);
}

/**
 * A generated package's `package.json`: ESM + CJS builds with types (tsup) of `entries` (export path ->
 * `src/<file>.ts`), `publint`/`attw` lint, the runtime pinned to the exact version the code was generated
 * for. Keys are written in a fixed order; the header is the `"//"` field, since JSON has no comments.
 */
export function emitManifest(
  options: PackageFileOptions,
  description: string,
  entries: Readonly<Record<string, string>>,
): GeneratedFile {
  const { packageName, packageVersion, runtimePackage, header, license, repository } = options;
  const files = Object.values(entries);
  const manifest = {
    '//': headerText(header),
    name: packageName,
    version: packageVersion,
    description,
    ...(license === undefined ? {} : { license }),
    ...(repository === undefined ? {} : { repository: { type: 'git', ...repository } }),
    type: 'module',
    sideEffects: false,
    engines: { node: '>=20' },
    files: ['dist', 'docs', 'README.md', 'CHANGELOG.md'],
    main: './dist/index.cjs',
    module: './dist/index.js',
    types: './dist/index.d.ts',
    exports: {
      ...Object.fromEntries(Object.entries(entries).map(([exportPath, file]) => [exportPath, entryPoint(file)])),
      './package.json': './package.json',
    },
    scripts: {
      build: `tsup ${files.map((file) => `src/${file}.ts`).join(' ')} --format esm,cjs --dts --clean`,
      typecheck: 'tsc -p tsconfig.json --noEmit',
      lint: 'publint --strict && attw --pack . --profile node16',
    },
    dependencies: { [runtimePackage.name]: runtimePackage.version },
    // The sdkgen nx plugin gives the package its targets; nx would otherwise turn the scripts into plainer ones.
    nx: { includedScripts: [] },
  };
  return { path: 'package.json', contents: json(manifest) };
}

/** The ESM and CJS builds of one tsup entry (`src/<path>.ts`), each with its own types. */
function entryPoint(path: string) {
  return {
    import: { types: `./dist/${path}.d.ts`, default: `./dist/${path}.js` },
    require: { types: `./dist/${path}.d.cts`, default: `./dist/${path}.cjs` },
  };
}

/**
 * `tsconfig.json`: type-checks `src` and `test` without emitting (tsup builds). Extends the given
 * config, or inlines the same strict options when there is none. The header is the `"//"` field,
 * which TypeScript ignores.
 */
export function emitTsconfig(options: PackageFileOptions): GeneratedFile {
  const { header, tsconfigExtends } = options;
  const tsconfig = {
    '//': headerText(header),
    ...(tsconfigExtends === undefined ? {} : { extends: tsconfigExtends }),
    compilerOptions: tsconfigExtends === undefined ? { ...STRICT_COMPILER_OPTIONS, noEmit: true } : { noEmit: true },
    include: ['src', 'test'],
  };
  return { path: 'tsconfig.json', contents: json(tsconfig) };
}

function json(value: object): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
