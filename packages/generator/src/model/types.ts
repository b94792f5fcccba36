/**
 * The intermediate representation (IR) of an API, built once from a loaded OpenAPI document by
 * `buildModel()`. Every later stage (emit, diff) reads only these types, never the raw document.
 *
 * Names in the IR are already safe TypeScript identifiers, made unique where they must be
 * (see `naming.ts`); `wireName`/`path` fields keep the spec's original strings.
 */

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

/** A problem found while loading or modelling, located precisely in the source. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  /** Absolute or cwd-relative path of the file the problem is in. */
  file: string;
  /** 1-based line and column, when known. */
  line?: number;
  column?: number;
  /** RFC 6901 JSON pointer into `file`, e.g. `#/paths/~1customers/get/responses/200`. */
  pointer: string;
}

export interface Api {
  title: string;
  version: string;
  description?: string;
  /** OpenAPI version the source declared, e.g. "3.1.0" (after any Swagger 2.0 conversion: "3.0.0"). */
  openapiVersion: string;
  /**
   * Prefix of the environment variables the client reads when an option is left out (`<PREFIX>_BASE_URL`,
   * and each auth option's `envVar`): the configured prefix, else the title's first word upper-cased.
   */
  envPrefix: string;
  /** The generated client's class name: the configured one, else the title's first word plus `Client`. */
  clientName: string;
  servers: Server[];
  /** Client options derived from security schemes, in a stable order. */
  auth: AuthScheme[];
  resources: Resource[];
  /** Named schemas (components/schemas) as TypeScript type names, for docs and re-exports. */
  schemas: SchemaRef[];
}

/**
 * One entry of `servers`. `url` is the template as written (`https://{region}.example.com/v1`);
 * `defaultUrl` is what a client uses by default: every `{variable}` replaced by its declared `default`
 * (a variable without one keeps its placeholder). Both are equal for a URL without variables.
 * @see https://spec.openapis.org/oas/v3.1.0#server-object
 */
export interface Server {
  url: string;
  defaultUrl: string;
  description?: string;
}

/**
 * One security scheme turned into client options.
 * - basic: options `username` and `password`; `usernameTemplate` (from `x-sdk-username-template`, e.g.
 *   "{username}@{clientCode}") adds one option per placeholder and says how to build the Basic user.
 * - apiKey: one option (`optionName`, from `x-sdk-option-name` or derived from the scheme name).
 * - bearer: one option `token` (or `optionName`).
 * oauth2/openIdConnect are modelled as bearer tokens supplied by the user.
 */
export type AuthScheme =
  | {
      kind: 'basic';
      schemeName: string;
      /** Option names in order: the placeholders of the template, then `password`. */
      options: AuthOption[];
      /** Template for the Basic user, with `{optionName}` placeholders; default "{username}". */
      usernameTemplate: string;
      passwordOption: string;
      required: boolean;
    }
  | {
      kind: 'apiKey';
      schemeName: string;
      in: 'header' | 'query' | 'cookie';
      /** The header, query parameter or cookie name on the wire. */
      wireName: string;
      option: AuthOption;
      required: boolean;
    }
  | {
      kind: 'bearer';
      schemeName: string;
      option: AuthOption;
      required: boolean;
    };

export interface AuthOption {
  /** camelCase option name on the client constructor, e.g. `clientCode`. */
  name: string;
  /** Environment variable read when the option is left out, e.g. `REVIO_CLIENT_CODE`. */
  envVar: string;
  description?: string;
}

export interface Resource {
  /** camelCase property on the client, e.g. `customers`, `webhookReceivers`. */
  propertyName: string;
  /** PascalCase class name, e.g. `CustomersResource`. */
  className: string;
  /** File base name (kebab-case), e.g. `webhook-receivers`. */
  fileName: string;
  /** The tag (or first path segment) the resource came from. */
  sourceName: string;
  description?: string;
  operations: Operation[];
}

export interface Operation {
  /** Method name on the resource, camelCase, unique within the resource, e.g. `list`, `activate`. */
  methodName: string;
  /** PascalCase stem for the operation's exported types, unique in the whole API, e.g. `CustomersList`. */
  typeName: string;
  /** The names of the operation's exported types, decided once here so code and docs show the same names. */
  typeNames: OperationTypeNames;
  /** The spec's operationId, or the stable name derived for an operation that has none. */
  operationId: string;
  /** True when operationId was derived (method + path), not taken from the spec. */
  derivedOperationId: boolean;
  method: HttpMethod;
  /** Path template as in the spec, e.g. `/Customers/{id}`. */
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** JSON pointer of the operation object, e.g. `#/paths/~1Customers~1{id}/get`. */
  pointer: string;
  /** Path parameters in the order they appear in the path template. */
  pathParams: Parameter[];
  /** Query, header and cookie parameters, grouped into one params object. */
  params: Parameter[];
  body?: Body;
  success: SuccessResponse;
  /** Documented error statuses, ascending. */
  errors: ErrorCase[];
  /** True when a `default` or `4XX`/`5XX` response is documented (typed as an unexpected status). */
  hasDefaultError: boolean;
  /** Those catch-all responses, `4XX`, `5XX`, then `default`; present exactly when `hasDefaultError`. */
  defaultErrors?: DefaultErrorCase[];
  pagination?: Pagination;
}

/**
 * A TypeScript type expression over the openapi-typescript output, valid in any generated module that
 * has `import type { paths, components } from './schema.js'` (or the right relative path), e.g.
 * `paths["/Customers/{id}"]["get"]["responses"][200]["content"]["application/json"]`.
 * `unknown` where the spec cannot be expressed exactly (with a warning diagnostic).
 */
export type TypeExpression = string;

/**
 * A type as public signatures, hovers and docs show it: a primitive (`number`, `string | null`), a short
 * literal union, an array of those, a named schema (`Customer`, `Customer[]`) or an operation's alias
 * (`CustomersGetResponse`). Never a `paths[...]` chain.
 */
export interface ShownType {
  text: string;
  /** The named schemas (`SchemaRef.typeName`, exported by the models entry) that `text` refers to. */
  schemas: string[];
}

/**
 * The exported types of one operation, unique in the whole API (`CustomersList` -> `CustomersListParams`,
 * ...). Each is an alias (or, for `params`, an interface) declared in the operation types module.
 */
export interface OperationTypeNames {
  /** Query, header and cookie parameters, when the operation has some. */
  params?: string;
  /** The request body, when the operation has one. */
  body?: string;
  /** The success response body. */
  response: string;
  /** One item of a page, for paginated operations. */
  item?: string;
  /** The union of everything the operation can reject with. */
  error: string;
}

export interface Parameter {
  /** Name as sent on the wire. */
  wireName: string;
  /** Property name in the params object (quoted by the emitter when not an identifier) or, for a
   * path parameter, a safe identifier used as the method argument. */
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description?: string;
  deprecated: boolean;
  type: TypeExpression;
  /** The type as the method signature or params interface shows it. */
  shown: ShownType;
  /** Set when the type is too complex to show inline: the name of the alias of `type` that `shown` refers to. */
  alias?: string;
  /** Serialisation (OpenAPI defaults: form+explode for query/cookie, simple for path/header). */
  style?: 'form' | 'simple' | 'label' | 'matrix' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
}

export interface Body {
  required: boolean;
  /** The content type sent, chosen from the spec (JSON first, then JSON Patch, form, multipart, binary, text). */
  contentType: string;
  kind: 'json' | 'json-patch' | 'form' | 'multipart' | 'binary' | 'text';
  type: TypeExpression;
  /** For `json-patch` bodies: the type of the document being patched (the success type of the GET
   * on the same path, else of this operation), so the emitter can type the body as JsonPatch<T>. */
  patchTarget?: TypeExpression;
  /** The named schema the body is, else the operation's body alias (`typeNames.body`). */
  shown: ShownType;
  description?: string;
}

export interface SuccessResponse {
  /** The lowest documented 2xx status, or 200 when none is documented. */
  status: number;
  description?: string;
  /** How the runtime should read the body. */
  kind: 'json' | 'text' | 'binary' | 'empty';
  contentType?: string;
  type: TypeExpression;
  /** A primitive or named schema when the body is one, else the operation's response alias (`typeNames.response`). */
  shown: ShownType;
  /** Response headers documented on the success response (e.g. Location on 201). */
  headers: { wireName: string; description?: string }[];
}

export interface ErrorCase {
  status: number;
  /** Class name from the runtime's status table, e.g. `NotFoundError`, or `ApiError` when the
   * status has no named class. */
  className: string;
  description?: string;
  /** Type of the parsed error body, or `unknown`. */
  bodyType: TypeExpression;
  /** The body as the error union shows it, when it is a primitive or named schema. */
  bodyShown?: ShownType;
}

/**
 * A documented catch-all error response. The runtime rejects a status no `ErrorCase` names with an
 * `UnexpectedStatusError`; this says what the spec documents for such statuses.
 * @see https://spec.openapis.org/oas/v3.1.0#responses-object
 */
export interface DefaultErrorCase {
  /** `4XX` or `5XX` (upper-cased as the spec writes them), or `default`. */
  range: '4XX' | '5XX' | 'default';
  description?: string;
  /** Type of the parsed body, as for an `ErrorCase`: typed when the response documents JSON, else `unknown`. */
  bodyType: TypeExpression;
  /** As for an `ErrorCase`. */
  bodyShown?: ShownType;
}

/** Page-number pagination, configured by `x-sdk-pagination` at the document root or operation. */
export interface Pagination {
  style: 'page';
  /** Query parameter carrying the 1-based page number, e.g. `page`. */
  pageParam: string;
  /** Query parameter carrying the page size, if any, e.g. `page_size`. */
  sizeParam?: string;
  /** Response field holding the page's items, e.g. `records`. */
  itemsField: string;
  /** Boolean response field telling whether a next page exists, e.g. `has_more`. */
  hasMoreField: string;
  /** Type of one item. */
  itemType: TypeExpression;
}

export interface SchemaRef {
  /** Name under components/schemas. */
  sourceName: string;
  /** Exported TypeScript alias, e.g. `Customer`. */
  typeName: string;
  description?: string;
}
