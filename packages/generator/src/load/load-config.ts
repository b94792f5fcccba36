import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model/types.js';
import { isUrl } from './fetch-spec.js';
import { clientNameProblem, envPrefixProblem } from '../option-problems.js';
import { errorAt, type DiagnosticLocation } from './diagnostics.js';
import { jsonLocator } from './locate.js';
import type { PackageRepository } from '../emit/package-files.js';
import { childPointer } from './json-pointer.js';

/** One SDK to generate, as `sdkgen.config.json` lists it (paths resolved against the config file). */
export interface SdkConfig {
  spec: string;
  out: string;
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

/** The fields whose values name things in the generated code, each with its check. */
const NAME_CHECKS = { clientName: clientNameProblem, envPrefix: envPrefixProblem };

/**
 * Reads `{ "sdks": [{ "spec", "out", "name"?, "clientName"?, "envPrefix"?, "license"?, "repository"?, "tests"? }] }`.
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
    result.sdks.push(sdk);
  });
  return result;
}

/** `file` as written in the config, relative to its directory unless absolute or a URL. `path.join` would turn `/a` into `<dir>/a`. */
function againstConfig(baseDir: string, file: string): string {
  return path.isAbsolute(file) || isUrl(file) ? file : path.join(baseDir, file);
}
