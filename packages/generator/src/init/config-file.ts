/**
 * Adding an SDK to `sdkgen.config.json` the way a person would: the file's indentation and final newline
 * are kept, the other entries are left as they are, and a missing file is created.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isUrl } from '../load/fetch-spec.js';

/** An SDK entry as the config stores it: paths relative to the config's directory, posix separators. */
export interface ConfigEntry {
  spec: string;
  out: string;
  name?: string;
}

/** A checked change to the config, written only when `write` is called. */
export interface ConfigChange {
  created: boolean;
  entry: ConfigEntry;
  write: () => Promise<void>;
}

function relativeTo(configDir: string, file: string): string {
  return path.relative(configDir, path.resolve(file)).split(path.sep).join('/') || '.';
}

/** The indentation of the first indented line (two spaces when there is none). */
function indentOf(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

/**
 * Plans adding `{ spec, out, name }` (paths relative to the working directory) to the config at
 * `configPath`; returns what is wrong instead when the file is not a config or already lists `out`.
 */
export async function planConfigEntry(
  configPath: string,
  sdk: { spec: string; out: string; name?: string },
): Promise<ConfigChange | string> {
  const configDir = path.dirname(path.resolve(configPath));
  const entry: ConfigEntry = {
    spec: isUrl(sdk.spec) ? sdk.spec : relativeTo(configDir, sdk.spec),
    out: relativeTo(configDir, sdk.out),
    ...(sdk.name === undefined ? {} : { name: sdk.name }),
  };
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return `cannot read ${configPath}: ${String(error)}`;
    const created = `${JSON.stringify({ sdks: [entry] }, null, 2)}\n`;
    return { created: true, entry, write: () => writeFile(configPath, created, { flag: 'wx' }) };
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    return `${configPath} is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const sdks = (config as { sdks?: unknown } | null)?.sdks;
  if (!Array.isArray(sdks)) return `${configPath} has no "sdks" array`;
  const taken = sdks.some(
    (existing: unknown) =>
      typeof (existing as { out?: unknown } | null)?.out === 'string' &&
      path.resolve(configDir, (existing as { out: string }).out) === path.resolve(sdk.out),
  );
  if (taken) return `${configPath} already lists an SDK in ${entry.out}; run sdkgen generate --config ${configPath}`;
  sdks.push(entry);
  const updated = `${JSON.stringify(config, null, indentOf(text))}${text.endsWith('\n') ? '\n' : ''}`;
  return { created: false, entry, write: () => writeFile(configPath, updated) };
}
