import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model/types.js';
import { childPointer, errorAt } from './diagnostics.js';

/** One SDK to generate, as `sdkgen.config.json` lists it (paths resolved against the config file). */
export interface SdkConfig {
  spec: string;
  out: string;
  name?: string;
  clientName?: string;
  envPrefix?: string;
}

/** The SDKs a config lists, and its problems (an entry with a problem is left out). */
export interface ConfigResult {
  sdks: SdkConfig[];
  diagnostics: Diagnostic[];
}

const OPTIONAL_FIELDS = ['name', 'clientName', 'envPrefix'] as const;

/**
 * Reads `{ "sdks": [{ "spec", "out", "name"?, "clientName"?, "envPrefix"? }] }`. `spec` and `out` are
 * absolute or relative to the config file's directory; every malformed entry is an error diagnostic.
 */
export async function loadConfig(configPath: string): Promise<ConfigResult> {
  const fail = (pointer: string, message: string): ConfigResult => ({ sdks: [], diagnostics: [errorAt({ file: configPath, pointer }, message)] });
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(configPath, 'utf8'));
  } catch (error) {
    return fail('#', `cannot read the config: ${error instanceof Error ? error.message : String(error)}`);
  }
  const sdks = (parsed as { sdks?: unknown } | null)?.sdks;
  if (!Array.isArray(sdks)) return fail('#/sdks', 'expected "sdks": [{ "spec", "out", ... }]');
  const baseDir = path.dirname(configPath);
  const result: ConfigResult = { sdks: [], diagnostics: [] };
  sdks.forEach((entry: unknown, index) => {
    const pointer = childPointer('#/sdks', index);
    const fields = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const { spec, out } = fields;
    const invalid = (key: string) => errorAt({ file: configPath, pointer: childPointer(pointer, key) }, `"${key}" must be a string`);
    if (typeof spec !== 'string' || typeof out !== 'string') {
      result.diagnostics.push(invalid(typeof spec !== 'string' ? 'spec' : 'out'));
      return;
    }
    const wrongType = OPTIONAL_FIELDS.find((key) => fields[key] !== undefined && typeof fields[key] !== 'string');
    if (wrongType !== undefined) {
      result.diagnostics.push(invalid(wrongType));
      return;
    }
    const sdk: SdkConfig = { spec: againstConfig(baseDir, spec), out: againstConfig(baseDir, out) };
    for (const key of OPTIONAL_FIELDS) {
      const value = fields[key];
      if (typeof value === 'string') sdk[key] = value;
    }
    result.sdks.push(sdk);
  });
  return result;
}

/** `file` as written in the config, relative to its directory unless absolute. `path.join` would turn `/a` into `<dir>/a`. */
function againstConfig(baseDir: string, file: string): string {
  return path.isAbsolute(file) ? file : path.join(baseDir, file);
}
