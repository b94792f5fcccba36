/**
 * The runtime names a generated package puts in scope. One list serves two stages: the emitter's
 * `src/index.ts` re-exports exactly these, and `naming.ts` reserves them as type names, so a schema
 * called `NotFoundError` or `Logger` is renamed instead of being shadowed by the runtime's export.
 */
import { STATUS_ERRORS } from '@revio-sdk/runtime';

/**
 * Runtime classes apps use directly, re-exported by the generated index: every named status error (from
 * the runtime's own table, so the export list does not change when a spec stops documenting a status),
 * the base class, the failures without a status, and the result classes.
 */
export const RUNTIME_EXPORTED_VALUES: readonly string[] = [
  ...Object.values(STATUS_ERRORS).map((entry) => entry.name),
  'APIError',
  'AbortError',
  'ConnectionError',
  'TimeoutError',
  'UnexpectedStatusError',
  'ResponseParseError',
  'MissingOptionsError',
  'PaginationError',
  'APIPromise',
  'PagePromise',
  'PageResult',
];

/** Runtime types that appear in generated signatures or help apps use them, re-exported by the generated index. */
export const RUNTIME_EXPORTED_TYPES: readonly string[] = [
  'CommonError',
  'TransportError',
  'Created',
  'JsonPatch',
  'JsonPatchOperation',
  'RequestOptions',
  'SafeResult',
  'WithResponse',
  'Logger',
  'FetchFunction',
];

/**
 * Runtime names generated modules import for their own use without the index re-exporting them
 * (`core.ts` extends `ClientCore`, each resource extends `APIResource`).
 */
export const RUNTIME_INTERNAL_NAMES: readonly string[] = ['APIResource', 'ClientCore', 'ClientOptions'];

/**
 * What `src/core.ts` imports from the runtime, next to the core class and the options interface it
 * declares: values (the core extends `ClientCore`, `resolveOptions` reads the environment), then types.
 */
export const CORE_RUNTIME_VALUES: readonly string[] = ['ClientCore', 'resolveOptions'];
export const CORE_RUNTIME_TYPES: readonly string[] = ['ClientOptions'];

/**
 * The runtime function that makes each kind of auth scheme (an API key's by where it goes); `src/core.ts`
 * imports the ones its spec declares.
 */
export const AUTH_SCHEME_FUNCTIONS = {
  basic: 'basicAuth',
  bearer: 'bearerAuth',
  header: 'apiKeyHeader',
  query: 'apiKeyQuery',
  cookie: 'apiKeyCookie',
} as const;
