/**
 * Checks of the options that name things in the generated code, shared by the CLI flags, the entries of
 * `sdkgen.config.json` and `generate()`.
 */
import { clientNameClash } from './emit/client-names.js';
import { errorAt } from './load/diagnostics.js';
import { isSafeIdentifier } from './model/naming.js';
import type { Diagnostic } from './model/types.js';

/** The package generated code imports its runtime from. */
export const RUNTIME_PACKAGE = '@revio-sdk/runtime';

/**
 * Why `name` cannot name the client class, if it cannot: not an identifier, or a name the generated
 * package already uses for something else (see `emit/client-names.ts`).
 */
export function clientNameProblem(name: string): string | undefined {
  if (!isSafeIdentifier(name)) return `client name '${name}' is not a TypeScript identifier`;
  return clientNameClash(name, RUNTIME_PACKAGE);
}

/** Why `prefix` cannot prefix environment variable names, if it cannot. */
export function envPrefixProblem(prefix: string): string | undefined {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(prefix)
    ? undefined
    : `environment prefix '${prefix}' must be letters, digits and underscores`;
}

/** Errors, located at the spec `file`, for the naming options the generated code could not use as given. */
export function namingOptionProblems(
  file: string,
  { clientName, envPrefix }: { clientName?: string | undefined; envPrefix?: string | undefined },
): Diagnostic[] {
  const problems = [
    clientName === undefined ? undefined : clientNameProblem(clientName),
    envPrefix === undefined ? undefined : envPrefixProblem(envPrefix),
  ];
  return problems.flatMap((problem) => (problem === undefined ? [] : [errorAt({ file, pointer: '#' }, problem)]));
}
