import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model/types.js';
import { isUrl } from './fetch-spec.js';
import { clientNameProblem, envPrefixProblem } from '../option-problems.js';
import { errorAt, type DiagnosticLocation } from './diagnostics.js';
import { jsonLocator } from './locate.js';
import type { PackageRepository } from '../emit/package-files.js';
import { childPointer } from './json-pointer.js';

/** What an SDK is: a client of the spec's operations, or a receiver of its `webhooks`. */
export type SdkKind = 'client' | 'webhooks';

const KINDS: readonly SdkKind[] = ['client', 'webhooks'];

/** One SDK to generate, as `sdkgen.config.json` lists it (paths resolved against the config file). */
export interface SdkConfig {
  spec: string;
  out: string;
  kind?: SdkKind;
  name?: string;
  clientName?: string;
  envPrefix?: string;
  license?: string;
  /** From the config's `repository` URL; `directory` is `out` relative to the config file. */
  repository?: PackageRepository;
  /** `false`: generate no contract tests (see `GenerateOptions.tests`). */
  tests?: boolean;
}

/** The SDKs a config lists, and its problems (an entry with a problem is left out). */
export interface ConfigResult {
  sdks: SdkConfig[];
  diagnostics: Diagnostic[];
}

const OPTIONAL_FIELDS = ['name', 'clientName', 'envPrefix', 'license', 'repository'] as const;

/** Every field an entry may have (`sdkgen.config.schema.json` describes the same). */
const KNOWN_FIELDS = new Set(['spec', 'out', 'kind', 'tests', ...OPTIONAL_FIELDS]);

/** The fields whose values name things in the generated code, each with its check. */
const NAME_CHECKS = { clientName: clientNameProblem, envPrefix: envPrefixProblem };

/**
 * Reads `{ "sdks": [{ "spec", "out", "kind"?, "name"?, "clientName"?, "envPrefix"?, "license"?, "repository"?, "tests"? }] }`.
 * `spec` and `out` are absolute or relative to the config file's directory (`spec` may also be an http(s)
 * URL); every malformed entry is an error diagnostic.
 */
export async function loadConfig(configPath: string): Promise<ConfigResult> {
  const fail = (location: DiagnosticLocation, message: string): ConfigResult => ({
    sdks: [],
    diagnostics: [errorAt(location, message)],
  });
  let text: string;
  let parsed: unknown;
  try {
    text = await readFile(configPath, 'utf8');
    parsed = JSON.parse(text);
  } catch (error) {
    return fail(
      { file: configPath, pointer: '#' },
      `cannot read the config: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const locate = jsonLocator(text);
  const at = (pointer: string) => ({ file: configPath, pointer, ...locate(pointer) });
  const sdks = (parsed as { sdks?: unknown } | null)?.sdks;
  if (!Array.isArray(sdks)) return fail(at('#/sdks'), 'expected "sdks": [{ "spec", "out", ... }]');
  const baseDir = path.dirname(configPath);
  const result: ConfigResult = { sdks: [], diagnostics: [] };
  const pointers = new Map<SdkConfig, string>();
  sdks.forEach((entry: unknown, index) => {
    const pointer = childPointer('#/sdks', index);
    const fields = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const { spec, out } = fields;
    const invalid = (key: string) => errorAt(at(childPointer(pointer, key)), `"${key}" must be a string`);
    if (typeof spec !== 'string' || typeof out !== 'string') {
      result.diagnostics.push(invalid(typeof spec !== 'string' ? 'spec' : 'out'));
      return;
    }
    const wrongType = OPTIONAL_FIELDS.find((key) => fields[key] !== undefined && typeof fields[key] !== 'string');
    if (wrongType !== undefined) {
      result.diagnostics.push(invalid(wrongType));
      return;
    }
    const unknownField = Object.keys(fields).find((key) => !KNOWN_FIELDS.has(key));
    if (unknownField !== undefined) {
      result.diagnostics.push(
        errorAt(
          at(childPointer(pointer, unknownField)),
          `unknown field "${unknownField}" (see sdkgen.config.schema.json)`,
        ),
      );
      return;
    }
    if (fields['kind'] !== undefined && !KINDS.includes(fields['kind'] as SdkKind)) {
      result.diagnostics.push(
        errorAt(at(childPointer(pointer, 'kind')), `"kind" must be ${KINDS.map((kind) => `"${kind}"`).join(' or ')}`),
      );
      return;
    }
    if (fields['tests'] !== undefined && typeof fields['tests'] !== 'boolean') {
      result.diagnostics.push(errorAt(at(childPointer(pointer, 'tests')), '"tests" must be true or false'));
      return;
    }
    const problems = Object.entries(NAME_CHECKS).flatMap(([key, problemOf]) => {
      const value = fields[key];
      const problem = typeof value === 'string' ? problemOf(value) : undefined;
      return problem === undefined ? [] : [errorAt(at(childPointer(pointer, key)), problem)];
    });
    if (problems.length > 0) {
      result.diagnostics.push(...problems);
      return;
    }
    const sdk: SdkConfig = { spec: againstConfig(baseDir, spec), out: againstConfig(baseDir, out) };
    for (const key of ['name', 'clientName', 'envPrefix', 'license'] as const) {
      const value = fields[key];
      if (typeof value === 'string') sdk[key] = value;
    }
    if (typeof fields['repository'] === 'string')
      sdk.repository = {
        url: fields['repository'],
        directory: path.relative(baseDir, sdk.out).split(path.sep).join('/'),
      };
    if (typeof fields['tests'] === 'boolean') sdk.tests = fields['tests'];
    if (typeof fields['kind'] === 'string') sdk.kind = fields['kind'] as SdkKind;
    result.sdks.push(sdk);
    pointers.set(sdk, pointer);
  });
  result.diagnostics.push(
    ...(await entryConflicts(result.sdks, baseDir, (sdk, key) => at(childPointer(pointers.get(sdk) ?? '#/sdks', key)))),
  );
  return result;
}

/**
 * What the entries cannot be together or on this disk: a spec file that does not exist, an output directory
 * outside the config's directory (the workspace), two SDKs in one directory, two with one package name.
 */
async function entryConflicts(
  sdks: readonly SdkConfig[],
  baseDir: string,
  at: (sdk: SdkConfig, key: string) => DiagnosticLocation,
): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  const firstWith = { out: new Map<string, number>(), name: new Map<string, number>() };
  for (const [index, sdk] of sdks.entries()) {
    if (!isUrl(sdk.spec) && !(await isFile(sdk.spec)))
      problems.push(errorAt(at(sdk, 'spec'), `the spec ${path.relative(baseDir, sdk.spec)} does not exist`));
    const relativeOut = path.relative(baseDir, sdk.out);
    if (relativeOut === '' || relativeOut.startsWith('..') || path.isAbsolute(relativeOut))
      problems.push(errorAt(at(sdk, 'out'), `the output directory ${sdk.out} is not inside ${baseDir}`));
    for (const [key, value] of [
      ['out', path.resolve(sdk.out)],
      ['name', sdk.name],
    ] as const) {
      if (value === undefined) continue;
      const first = firstWith[key].get(value);
      if (first === undefined) firstWith[key].set(value, index);
      else problems.push(errorAt(at(sdk, key), `the SDK at #/sdks/${first} has the same "${key}"`));
    }
  }
  return problems;
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() === true;
}

/** `file` as written in the config, relative to its directory unless absolute or a URL. `path.join` would turn `/a` into `<dir>/a`. */
function againstConfig(baseDir: string, file: string): string {
  return path.isAbsolute(file) || isUrl(file) ? file : path.join(baseDir, file);
}
