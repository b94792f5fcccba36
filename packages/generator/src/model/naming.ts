/**
 * The one place where strings from a spec become TypeScript names: case conversion, unicode folding,
 * reserved words and uniqueness. Everything else in the generator asks this module for names.
 */
import { ts } from 'ts-morph';
import { RUNTIME_EXPORTED_TYPES, RUNTIME_EXPORTED_VALUES, RUNTIME_INTERNAL_NAMES } from './runtime-names.js';

/**
 * Splits text into words: unicode is folded (NFKD, combining marks dropped), anything that cannot appear
 * in an identifier separates words, and so do camel-case humps (`getHTTPStatus` -> get, HTTP, Status;
 * `listAPIs` -> list, APIs).
 */
export function splitWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
      // `HTTPServer` -> HTTP Server, but a plural acronym stays whole: `APIs`, `URLs`
      .replace(/(\p{Lu})(\p{Lu}(?!s(?:$|[^\p{Ll}]))\p{Ll})/gu, '$1 $2')
      .split(/[^\p{ID_Continue}]|_/u)
      .flatMap((word) =>
        word
          .split(/(?:)/u)
          .map((char) => (isNamePart(char) ? char : ' '))
          .join('')
          .split(' '),
      )
      .filter((word) => word !== '')
  );
}

/**
 * True for a character TypeScript accepts inside an identifier. Its Unicode tables can be older than the
 * engine's, so a letter that `\p{ID_Continue}` knows may still be an "Invalid character" to tsc.
 */
function isNamePart(char: string): boolean {
  return ts.isIdentifierPart(char.codePointAt(0) ?? 0, ts.ScriptTarget.ESNext);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** `customer notes` -> `customerNotes` (no safety checks: see the `to*` functions). */
export function camelCase(text: string): string {
  const [first = '', ...rest] = splitWords(text);
  return first.toLowerCase() + rest.map(capitalize).join('');
}

/** `customer notes` -> `CustomerNotes`. */
export function pascalCase(text: string): string {
  return splitWords(text).map(capitalize).join('');
}

/** `Customer Notes` -> `customer-notes`. */
export function kebabCase(text: string): string {
  return splitWords(text)
    .map((word) => word.toLowerCase())
    .join('-');
}

/** Words that cannot name a variable or parameter (ES reserved words, strict-mode and TS-contextual ones). */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'arguments',
  'await',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'eval',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'implements',
  'import',
  'in',
  'instanceof',
  'interface',
  'let',
  'new',
  'null',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'static',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'undefined',
  'var',
  'void',
  'while',
  'with',
  'yield',
]);

/** True when `name` may be used as a variable or parameter name in strict-mode TypeScript. */
export function isSafeIdentifier(name: string): boolean {
  const [first = '', ...rest] = name.split(/(?:)/u);
  return (
    ts.isIdentifierStart(first.codePointAt(0) ?? 0, ts.ScriptTarget.ESNext) &&
    rest.every(isNamePart) &&
    !RESERVED_WORDS.has(name)
  );
}

/** `_` before a name whose first character cannot start an identifier (a digit, a combining letter). */
function withoutLeadingDigit(name: string): string {
  return name !== '' && !ts.isIdentifierStart(name.codePointAt(0) ?? 0, ts.ScriptTarget.ESNext) ? `_${name}` : name;
}

/**
 * A camelCase identifier name for a property or method (`delete` stays `delete`: reserved words are
 * valid property names); `fallback` when nothing of `text` is left.
 */
export function toPropertyName(text: string, fallback: string): string {
  return withoutLeadingDigit(camelCase(text) || fallback);
}

/** A camelCase name usable as a variable or parameter: reserved words get a trailing underscore. */
export function toVariableName(text: string, fallback: string): string {
  const name = toPropertyName(text, fallback);
  return RESERVED_WORDS.has(name) ? `${name}_` : name;
}

/** A PascalCase type name; `fallback` when nothing of `text` is left. */
export function toTypeName(text: string, fallback: string): string {
  return withoutLeadingDigit(pascalCase(text) || fallback);
}

/** A kebab-case file base name; `fallback` when nothing of `text` is left. */
export function toFileName(text: string, fallback: string): string {
  return kebabCase(text) || fallback;
}

/**
 * Type names a generated module sees besides its own: TypeScript and platform globals, the
 * openapi-typescript roots, and every runtime name the package re-exports or imports (one list, shared
 * with the emitter: see `runtime-names.ts`). A schema with one of these names gets a `Schema` suffix.
 */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  // TypeScript and platform globals
  'Array',
  'ArrayBuffer',
  'AsyncIterable',
  'Awaited',
  'BigInt',
  'Blob',
  'Boolean',
  'Date',
  'Error',
  'Exclude',
  'Extract',
  'File',
  'FormData',
  'Function',
  'Headers',
  'Iterable',
  'JSON',
  'Map',
  'Math',
  'NonNullable',
  'Number',
  'Object',
  'Omit',
  'Parameters',
  'Partial',
  'Pick',
  'Promise',
  'PromiseLike',
  'ReadableStream',
  'Readonly',
  'Record',
  'RegExp',
  'Request',
  'Required',
  'Response',
  'ReturnType',
  'Set',
  'String',
  'Symbol',
  'URL',
  'URLSearchParams',
  'Uint8Array',
  // openapi-typescript roots
  'paths',
  'components',
  'operations',
  'webhooks',
  '$defs',
  ...RUNTIME_EXPORTED_VALUES,
  ...RUNTIME_EXPORTED_TYPES,
  ...RUNTIME_INTERNAL_NAMES,
]);

/**
 * Suffixes the emitter appends to an operation's `typeName` (`CustomersList` -> `CustomersListParams`).
 * `buildModel` keeps every suffixed name free of clashes with schema names.
 */
export const OPERATION_TYPE_SUFFIXES = ['Params', 'Body', 'Response', 'Item', 'Error', 'Page', 'Result'] as const;

/**
 * Member names of the runtime's client and resource base classes, which properties must not shadow,
 * and those every object inherits (`toString`, `valueOf`, ...: overriding them fails `noImplicitOverride`).
 */
export const RESERVED_MEMBER_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'then',
  'request',
  'requestPage',
  'send',
  '_client',
  '_options',
]);

/** Client constructor options the runtime defines itself; auth options must not take these names. */
export const RESERVED_CLIENT_OPTIONS: ReadonlySet<string> = new Set([
  'baseUrl',
  'fetch',
  'timeout',
  'maxRetries',
  'maxRetryAfter',
  'deadline',
  'logger',
  'defaultHeaders',
]);

/**
 * Runtime functions that generated function modules import by name (`request-call.ts` decides which),
 * so neither a standalone function nor a path argument may take these names.
 */
export const RUNTIME_FUNCTION_IMPORTS: ReadonlySet<string> = new Set([
  'encodePath',
  'requestPage',
  'serializeParams',
  'serializeBody',
  'createdResult',
]);

/** Argument names of generated methods besides path parameters (which would shadow the runtime imports). */
export const RESERVED_METHOD_ARGUMENTS: ReadonlySet<string> = new Set([
  'params',
  'body',
  'options',
  ...RUNTIME_FUNCTION_IMPORTS,
]);

/**
 * A set of names that must stay distinct (method names in a resource, type names in the API, ...).
 * `claim` returns the wanted name, or the first free `name2`, `name3`, ... when it is taken.
 */
export class NameScope {
  private readonly taken = new Set<string>();

  /** @param reserved names never handed out; @param caseInsensitive for file names on macOS/Windows. */
  constructor(
    reserved: Iterable<string> = [],
    private readonly caseInsensitive = false,
  ) {
    for (const name of reserved) this.taken.add(this.key(name));
  }

  private key(name: string): string {
    return this.caseInsensitive ? name.toLowerCase() : name;
  }

  /** True when `name` is reserved or already claimed. */
  has(name: string): boolean {
    return this.taken.has(this.key(name));
  }

  /**
   * Claims the first free name among `wanted`, `wanted2`, `wanted3`, ... for which `isFree` (a check for
   * names derived from it) also holds.
   */
  claim(wanted: string, isFree: (name: string) => boolean = () => true): string {
    let name = wanted;
    for (let suffix = 2; this.has(name) || !isFree(name); suffix += 1) name = `${wanted}${suffix}`;
    this.taken.add(this.key(name));
    return name;
  }
}

/**
 * The name of a property in a generated params object: the wire name itself (the emitter quotes it when
 * it is not an identifier), except names that would change the object's prototype.
 */
export function toParamPropertyName(wireName: string): string {
  return wireName === '__proto__' || wireName === '' ? `${wireName}_` : wireName;
}

/**
 * The first word of an API title without a possessive `'s`, letters and digits only
 * (`Blockfrost.io API` -> `Blockfrostio`, `GitHub's API` -> `GitHub`), used for default client names
 * and environment prefixes.
 */
function titleStem(title: string): string {
  const [firstWord = ''] = title.trim().split(/\s+/);
  return firstWord
    .replace(/['’]s$/i, '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '');
}

/** Default environment-variable prefix: the title's first word upper-cased (`GitHub v3 REST API` -> `GITHUB`). */
export function defaultEnvPrefix(title: string): string {
  const stem = titleStem(title).toUpperCase();
  if (stem === '') return 'API';
  return /^\d/.test(stem) ? `API_${stem}` : stem;
}

/** Default client class name: the title's first word plus `Client` (`GitHub v3 REST API` -> `GitHubClient`). */
export function defaultClientName(title: string): string {
  const stem = titleStem(title);
  const name = stem.charAt(0).toUpperCase() + stem.slice(1);
  return /^[A-Za-z]/.test(name) ? `${name}Client` : `Api${name}Client`;
}

/**
 * The generated core class (the client without its resource properties, for standalone functions):
 * `RevioClient` -> `RevioCore`, any other name -> `<name>Core`.
 */
export function coreClassName(clientName: string): string {
  return /.Client$/.test(clientName) ? `${clientName.slice(0, -'Client'.length)}Core` : `${clientName}Core`;
}

/**
 * An operation's standalone function: its type-name stem in camelCase (`CustomersGet` -> `customersGet`),
 * unique because type names are. A reserved word, or a runtime function that function modules import
 * (`RUNTIME_FUNCTION_IMPORTS`), gets a trailing underscore (which no type-name stem has).
 */
export function operationFunctionName(typeName: string): string {
  const name = typeName.charAt(0).toLowerCase() + typeName.slice(1);
  return isSafeIdentifier(name) && !RUNTIME_FUNCTION_IMPORTS.has(name) ? name : `${name}_`;
}
