/** Environment variables, where the runtime has them: the fallback of client options. */

interface EnvHosts {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get(name: string): string | undefined } };
}

/** An environment variable (from `process.env` or `Deno.env`), or `undefined` in runtimes without one. */
export function readEnv(name: string): string | undefined {
  const { process, Deno } = globalThis as EnvHosts;
  try {
    return Deno?.env ? Deno.env.get(name) : process?.env?.[name];
  } catch {
    return undefined; // Deno without --allow-env throws instead of returning undefined
  }
}

/** How a missing option can be supplied, for `MissingOptionsError`'s message. */
export function howToSupply(option: string, env: string): string {
  return `${option} (or the ${env} environment variable)`;
}
