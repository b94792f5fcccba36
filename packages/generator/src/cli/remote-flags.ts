import { InvalidArgumentError } from 'commander';
import { parseHeaders, type RemoteSpecOptions } from '../index.js';

/** The environment variable holding request headers for remote specs, one `Name: value` per line. */
export const HEADERS_ENV = 'SDKGEN_SPEC_HEADERS';

/** The remote-spec flags of `generate` and `init`. */
export interface RemoteFlags {
  header?: string[];
  timeout?: number;
}

/** Headers from the environment, then from `--header` (which wins), and the timeout; or what is wrong. */
export function remoteOptions(flags: RemoteFlags, env: NodeJS.ProcessEnv): RemoteSpecOptions | string {
  const fromEnv = parseHeaders(
    (env[HEADERS_ENV] ?? '').split(/\r?\n/).filter((line) => line.trim() !== ''),
    HEADERS_ENV,
  );
  if (typeof fromEnv === 'string') return `${fromEnv} (line numbers count non-empty lines)`;
  const fromFlags = parseHeaders(flags.header ?? [], '--header');
  if (typeof fromFlags === 'string') return fromFlags;
  const options: RemoteSpecOptions = { headers: { ...fromEnv, ...fromFlags } };
  if (flags.timeout !== undefined) options.timeoutMs = flags.timeout * 1000;
  return options;
}

/** Commander's collector for a repeatable flag. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parses `--timeout <seconds>`. */
export function positiveSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('must be a number of seconds above 0');
  return seconds;
}
