/**
 * The names a client name puts into the generated package, and the names it must not meet there.
 * The client class (`src/client.ts`), its core class and its options interface (`src/core.ts`) are all
 * exported by `src/index.ts`; a name the index re-exports, or one `src/core.ts` imports, would clash
 * with them and the package would not compile. Names from the spec (schemas, resources, operation
 * types) never clash: the model renames them instead (see `buildModel`).
 */
import { coreClassName } from '../model/naming.js';
import {
  CORE_RUNTIME_TYPES,
  CORE_RUNTIME_VALUES,
  RUNTIME_EXPORTED_TYPES,
  RUNTIME_EXPORTED_VALUES,
} from '../model/runtime-names.js';
import { SCHEMA_ROOTS } from './imports.js';

/**
 * TypeScript's predefined type names, which it refuses as a class name (TS2414). `void` and
 * `undefined` are predefined too, but reserved words already, so no identifier check lets them through.
 */
const PREDEFINED_TYPE_NAMES: ReadonlySet<string> = new Set([
  'any',
  'bigint',
  'boolean',
  'never',
  'number',
  'object',
  'string',
  'symbol',
  'unknown',
]);

/** One name the generated package declares for the client. */
interface ClientDeclaration {
  name: string;
  /** What it names, e.g. `the core class`. */
  what: string;
  /** The module that declares it, next to what that module imports. */
  module: 'src/client.ts' | 'src/core.ts';
}

/** The client class, its core class and its options interface, where each is declared. */
function clientDeclarations(clientName: string): ClientDeclaration[] {
  return [
    { name: clientName, what: 'the client class', module: 'src/client.ts' },
    { name: coreClassName(clientName), what: 'the core class', module: 'src/core.ts' },
    { name: `${clientName}Options`, what: 'the options interface', module: 'src/core.ts' },
  ];
}

/**
 * Why a package whose client is called `clientName` (a valid identifier) would not compile, if it
 * would not: a class TypeScript refuses, or a declaration named like something the index re-exports or
 * the core module imports.
 */
export function clientNameClash(clientName: string, runtimePackage: string): string | undefined {
  const subject = `client name '${clientName}'`;
  const advice = 'choose another client name';
  if (PREDEFINED_TYPE_NAMES.has(clientName))
    return `${subject} cannot name a class: TypeScript predefines the type ${clientName}; ${advice}`;
  for (const { name, what, module } of clientDeclarations(clientName)) {
    const clashing = nameInScope(name, module, runtimePackage);
    if (clashing === undefined) continue;
    const declared = name === clientName ? `${subject} (${what})` : `${subject} makes ${what} ${name}, which`;
    return `${declared} clashes with the ${name} that ${clashing}; ${advice}`;
  }
  return undefined;
}

/** Where `name` is already in scope for a declaration in `module`, which the index exports too. */
function nameInScope(name: string, module: ClientDeclaration['module'], runtimePackage: string): string | undefined {
  if (RUNTIME_EXPORTED_VALUES.includes(name) || RUNTIME_EXPORTED_TYPES.includes(name))
    return `src/index.ts re-exports from '${runtimePackage}'`;
  if (SCHEMA_ROOTS.includes(name)) return `src/index.ts re-exports from './schema.js'`;
  if (module === 'src/core.ts' && (CORE_RUNTIME_VALUES.includes(name) || CORE_RUNTIME_TYPES.includes(name)))
    return `src/core.ts imports from '${runtimePackage}'`;
  return undefined;
}
