/**
 * The vocabulary of the diff stage: one `ApiChange` per difference between two versions of an API, as
 * `diffModels()` finds them and `classifyChange()` turns them into a semver bump and a sentence.
 */

/** A semver release type, as Changesets names it. */
export type Bump = 'major' | 'minor' | 'patch';

/**
 * Which way data described by a schema flows: what callers send, what they receive, or both (a schema
 * used on both sides, or exported but used by no operation, which apps may use either way).
 */
export type Direction = 'request' | 'response' | 'both';

/** Changes inside a JSON schema, found by `compareSchema()`. Classified by `Direction`. */
export type SchemaChangeKind =
  | 'property-added-required'
  | 'property-added-optional'
  | 'property-removed'
  | 'property-made-required'
  | 'property-made-optional'
  /** The set of allowed types grew (e.g. `nullable` added, `integer` -> `number`, a `oneOf` member added). */
  | 'type-widened'
  /** Any other change of `type`, `$ref` target or composition. */
  | 'type-changed'
  | 'enum-value-added'
  | 'enum-value-removed'
  /** A numeric bound (`maxLength`, `minimum`, `maxItems`, ...) accepts more values, or fewer. */
  | 'constraint-loosened'
  | 'constraint-tightened'
  | 'default-changed'
  | 'schema-deprecated'
  | 'schema-undeprecated'
  /** `description`, `title`, `example(s)`, `externalDocs`. */
  | 'schema-docs-changed'
  /** An `x-` extension of a schema. */
  | 'schema-extension-changed'
  /** Any other keyword (`format`, `pattern`, `readOnly`, `discriminator`, ...): classified as major. */
  | 'schema-keyword-changed';

/** Every kind of change; `classify-change.ts` has one rule per kind. */
export type ChangeKind =
  // The API as a whole (subject `API` or `client`).
  | 'api-docs-changed'
  | 'api-version-changed'
  | 'base-url-changed'
  | 'base-url-added'
  | 'base-url-removed'
  | 'servers-changed'
  | 'auth-option-added-required'
  | 'auth-option-added-optional'
  | 'auth-option-removed'
  | 'auth-option-made-required'
  | 'auth-option-made-optional'
  | 'auth-env-var-changed'
  | 'auth-scheme-changed'
  | 'auth-docs-changed'
  // Resources (subject: the client property, e.g. `customers`).
  | 'resource-added'
  | 'resource-removed'
  | 'resource-renamed'
  | 'resource-docs-changed'
  // Operations (subject: `resource.method`).
  | 'operation-added'
  | 'operation-removed'
  | 'operation-renamed'
  | 'operation-types-renamed'
  | 'http-method-changed'
  | 'path-changed'
  | 'operation-docs-changed'
  | 'operation-deprecated'
  | 'operation-undeprecated'
  | 'path-parameter-added'
  | 'path-parameter-removed'
  | 'path-parameter-renamed'
  | 'parameter-added-required'
  | 'parameter-added-optional'
  | 'parameter-removed'
  | 'parameter-made-required'
  | 'parameter-made-optional'
  | 'parameter-renamed'
  | 'parameter-type-changed'
  | 'parameter-encoding-changed'
  | 'parameter-deprecated'
  | 'parameter-undeprecated'
  | 'parameter-docs-changed'
  | 'body-added-required'
  | 'body-added-optional'
  | 'body-removed'
  | 'body-made-required'
  | 'body-made-optional'
  | 'body-kind-changed'
  | 'body-content-type-changed'
  | 'body-type-changed'
  | 'body-docs-changed'
  | 'success-status-changed'
  | 'success-kind-changed'
  | 'success-content-type-changed'
  | 'success-type-changed'
  | 'success-docs-changed'
  | 'response-header-added'
  | 'response-header-removed'
  | 'error-status-added'
  | 'error-status-removed'
  /** An error status's body gained a type (was `unknown`); `error-type-changed`: it changed or lost it. */
  | 'error-typed'
  | 'error-type-changed'
  | 'error-docs-changed'
  | 'default-error-changed'
  /** The body of an unexpected status (`CommonError<Body>`, see `unexpectedStatusBodyType`) gained a type, lost it, or changed it. */
  | 'default-error-typed'
  | 'default-error-untyped'
  | 'default-error-type-changed'
  | 'pagination-added'
  | 'pagination-removed'
  | 'pagination-changed'
  // Named schemas (subject: the exported type name).
  | 'schema-added'
  | 'schema-removed'
  | 'schema-renamed'
  // Requests the API sends (subject `API` for webhooks, the operation for its callbacks); name: `<key> <METHOD>`.
  | 'webhook-added'
  | 'webhook-removed'
  | 'webhook-changed'
  | 'callback-added'
  | 'callback-removed'
  | 'callback-changed'
  | SchemaChangeKind;

/** One difference between the old and the new version of an API. */
export interface ApiChange {
  kind: ChangeKind;
  /** What changed, as app code names it: `customers.get`, `customers`, `Customer`, `client`, `API`. */
  subject: string;
  /**
   * The part of the subject: a parameter's wire name, a property path (`address.city`, `tags[]`), a
   * status, a client option, a documentation field.
   */
  name?: string;
  /** For parameter changes: where the parameter is sent. */
  in?: 'path' | 'query' | 'header' | 'cookie';
  /** Where in an operation a schema change is: `request body`, `response`, `parameter \`page\``, `error 404 body`. */
  location?: string;
  /** The previous and the new value of a replaced thing, as shown to users. */
  from?: string;
  to?: string;
  /** For schema changes: which way the schema's data flows. */
  direction?: Direction;
}
