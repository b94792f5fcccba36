/**
 * Client options with an environment-variable fallback, so `new Client()` works from configuration.
 */
import { howToSupply, readEnv } from './env.js';

/**
 * How one option is found when the caller leaves it out. `resolveOptions` also takes only `required`
 * (`true`/`false`) for an option whose variable is derived from its name (see there).
 */
export interface OptionSpec {
  /** Environment variable read as the fallback, e.g. `REVIO_USERNAME`. */
  env: string;
  required: boolean;
}

/** The resolved values: strings for required options, `string | undefined` for optional ones. */
export type ResolvedOptions<Specs extends Record<string, OptionSpec | boolean>> = {
  [Name in keyof Specs]: Specs[Name] extends true | { required: true } ? string : string | undefined;
};

/** One or more required options are neither passed nor set in the environment. */
export class MissingOptionsError extends Error {
  override readonly name = 'MissingOptionsError';
  /** Every missing option with the environment variable that could have supplied it. */
  readonly missing: readonly { option: string; env: string }[];

  constructor(clientName: string, missing: readonly { option: string; env: string }[]) {
    const list = missing.map(({ option, env }) => howToSupply(option, env)).join(', ');
    super(`${clientName} is missing required options: ${list}`);
    this.missing = missing;
  }
}

/**
 * Reads each option in `specs` from `options`, falling back to its environment variable (from
 * `process.env` or `Deno.env`, whichever the runtime has; never in the browser build, see `env.browser.ts`).
 * Empty strings count as absent.
 * @param envPrefix For an option given only as `required` (`true`/`false`) rather than an `OptionSpec`:
 *   its variable is the prefix, `_` and the option name in CONSTANT_CASE (`clientCode` -> `REVIO_CLIENT_CODE`),
 *   which keeps generated clients small.
 * @throws MissingOptionsError naming every required option that has no value, at once.
 */
export function resolveOptions<const Specs extends Record<string, OptionSpec | boolean>>(
  options: { readonly [Name in keyof Specs]?: string | undefined },
  specs: Specs,
  clientName: string,
  envPrefix?: string,
): ResolvedOptions<Specs> {
  const resolved: Record<string, string | undefined> = {};
  const missing: { option: string; env: string }[] = [];
  for (const [option, given] of Object.entries(specs)) {
    const spec = typeof given === 'boolean' ? { env: derivedEnvVar(envPrefix, option), required: given } : given;
    const value = nonEmpty(options[option]) ?? nonEmpty(readEnv(spec.env));
    if (value === undefined && spec.required) missing.push({ option, env: spec.env });
    resolved[option] = value;
  }
  if (missing.length > 0) throw new MissingOptionsError(clientName, missing);
  return resolved as ResolvedOptions<Specs>;
}

/**
 * The variable of an option given only as `required`: the prefix, `_` and the option name in CONSTANT_CASE,
 * split at camel-case humps as the generator splits words (`clientCode` -> `REVIO_CLIENT_CODE`, `sessionID` ->
 * `REVIO_SESSION_ID`, `listAPIs` -> `REVIO_LIST_APIS`). The generator documents each option's variable with it.
 */
export function derivedEnvVar(envPrefix: string | undefined, option: string): string {
  const words = option
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}(?!s(?:$|[^\p{Ll}]))\p{Ll})/gu, '$1 $2')
    .split(/[^\p{ID_Continue}]|_/u)
    .filter((word) => word !== '');
  return `${envPrefix}_${words.join('_').toUpperCase()}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value || undefined;
}
