/**
 * Turning operation inputs into wire format: path segments, query/header/cookie parameters (with the
 * OpenAPI `style`/`explode` rules) and request bodies.
 * @see https://spec.openapis.org/oas/v3.1.0#style-values
 */

/** Serialisation styles OpenAPI defines for query, header and cookie parameters. */
export type ParamStyle = 'form' | 'simple' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

/** Where and how a parameter is sent; without a spec a parameter goes to the query string as form/explode. */
export interface ParamSpec {
  in?: 'query' | 'header' | 'cookie';
  /** Name on the wire, when it differs from the property name. */
  name?: string;
  style?: ParamStyle;
  explode?: boolean;
}

/**
 * A request while an operation's parameters and body are written into it. `ClientCore` starts it with the
 * base URL's query, the default, `accept` and auth headers and the auth cookies; the operation's
 * serializers add to it. Serializers write into it, rather than return parts for `ClientCore` to merge, so
 * that the merging is bundled only with operations that have parameters or a body.
 */
export interface RequestDraft {
  /** Encoded `key=value` pairs, in order; empty strings are left out when sent. */
  query: string[];
  /** By lowercase name: a later write replaces an earlier one. */
  headers: Record<string, string>;
  /** Encoded `name=value` pairs. */
  cookies: string[];
  body: BodyInit | null;
  /** False for a stream body, which can be read only once (so it is never retried). */
  replayable: boolean;
}

/**
 * Tagged template for request paths: each substituted value is percent-encoded as one path segment,
 * so `encodePath\`/items/${'../x'}\`` is `/items/..%2Fx` and can never change the path.
 * @throws TypeError for `.` or `..`, which URL parsers resolve as dot-segments even when encoded.
 */
export function encodePath(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((path, literal, index) => {
    if (index === 0) return literal;
    const text = toText(values[index - 1]);
    if (text === '.' || text === '..') throw new TypeError(`A path parameter cannot be "${text}"`);
    return path + encodeURIComponent(text) + literal;
  });
}

/** What `OperationRequest.serializeParams` is: `serializeParams`, or a function of the same contract. */
export type ParamSerializer = (
  draft: RequestDraft,
  params: object | undefined,
  specs: Record<string, ParamSpec> | undefined,
) => void;

/** What `OperationRequest.serializeBody` is: `serializeBody`, or a function of the same contract. */
export type BodySerializer = (draft: RequestDraft, body: unknown, contentType?: string) => void;

/**
 * Adds `params` to `draft` as query, header and cookie parameters (where `specs` say; the query by
 * default), leaving out `undefined` and `null`. A header parameter replaces a header of the same name.
 */
export function serializeParams(
  draft: RequestDraft,
  params: object | undefined,
  specs: Record<string, ParamSpec> | undefined,
): void {
  for (const [property, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null) continue;
    const spec = specs?.[property] ?? {};
    const name = spec.name ?? property;
    const shape = shapeOf(value);
    switch (spec.in ?? 'query') {
      case 'query':
        draft.query.push(...formPairs(name, shape, spec.style ?? 'form', spec.explode));
        break;
      case 'cookie':
        draft.cookies.push(...formPairs(name, shape, 'form', spec.explode));
        break;
      case 'header':
        draft.headers[name.toLowerCase()] = simpleValue(shape, spec.explode ?? false);
        break;
    }
  }
}

/**
 * Sets `draft`'s body to `body` encoded for `contentType` (see `encodeBody`), and its `Content-Type` header
 * unless fetch must choose it (FormData). An `undefined` body leaves the draft without one.
 */
export function serializeBody(draft: RequestDraft, body: unknown, contentType?: string): void {
  if (body === undefined) return;
  const encoded = encodeBody(body, contentType);
  draft.body = encoded.body;
  if (encoded.contentType !== undefined) draft.headers['content-type'] = encoded.contentType;
  draft.replayable = !(typeof ReadableStream !== 'undefined' && encoded.body instanceof ReadableStream);
}

/** A request body and the `Content-Type` to send with it (`undefined`: let fetch choose, as for FormData). */
interface EncodedBody {
  body: BodyInit;
  contentType: string | undefined;
}

/**
 * Encodes `body` for `contentType` (default `application/json`): JSON and JSON Patch are stringified,
 * form bodies URL-encoded, multipart objects become FormData (Blobs kept), text is stringified, and
 * anything else (binary) is sent as it is.
 */
function encodeBody(body: unknown, contentType = 'application/json'): EncodedBody {
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (isJsonMediaType(mediaType)) return { body: JSON.stringify(body), contentType };
  if (mediaType === 'application/x-www-form-urlencoded' && isPlainObject(body)) {
    const pairs = Object.entries(body).flatMap(([name, value]) =>
      value === undefined || value === null ? [] : formPairs(name, shapeOf(value), 'form', true),
    );
    return { body: pairs.join('&'), contentType };
  }
  if (mediaType === 'multipart/form-data' && isPlainObject(body)) {
    return { body: toFormData(body), contentType: undefined };
  }
  if (mediaType.startsWith('text/') && typeof body !== 'string') return { body: toText(body), contentType };
  return { body: body as BodyInit, contentType };
}

/** The media type part (before any `;`): `application/json`, `text/json` or any `+json` type, in any case. */
const JSON_MEDIA_TYPE = /^\s*(?:application\/json|text\/json|[^;]*\+json)\s*(?:;|$)/i;

/** True for `application/json`, `text/json` and any `+json` type such as `application/json-patch+json`. */
export function isJsonMediaType(contentType: string | null): boolean {
  return contentType !== null && JSON_MEDIA_TYPE.test(contentType);
}

/** A parameter value reduced to text, keeping the one level of structure the styles care about. */
type Shape =
  | { kind: 'scalar'; text: string }
  | { kind: 'array'; items: string[] }
  | { kind: 'object'; entries: [string, string][] };

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return { kind: 'array', items: value.filter(isPresent).map(toText) };
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, item]) => isPresent(item));
    return { kind: 'object', entries: entries.map(([key, item]) => [key, toText(item)]) };
  }
  return { kind: 'scalar', text: toText(value) };
}

const DELIMITERS: Record<ParamStyle, string> = {
  form: ',',
  simple: ',',
  spaceDelimited: '%20',
  pipeDelimited: '|',
  deepObject: ',',
};

/** `form`-family serialisation (query strings, cookies, urlencoded bodies) as encoded `key=value` pairs. */
function formPairs(name: string, shape: Shape, style: ParamStyle, explode = style === 'form'): string[] {
  const key = encodeURIComponent(name);
  const joined = (parts: string[]): string => parts.map(encodeURIComponent).join(DELIMITERS[style]);
  switch (shape.kind) {
    case 'scalar':
      return [`${key}=${encodeURIComponent(shape.text)}`];
    case 'array':
      if (shape.items.length === 0) return [];
      return explode || style === 'deepObject'
        ? shape.items.map((item) => `${key}=${encodeURIComponent(item)}`)
        : [`${key}=${joined(shape.items)}`];
    case 'object':
      // Brackets stay readable (`filter[name]=x`), as URL parsers and servers accept them.
      if (style === 'deepObject') {
        return shape.entries.map(([sub, item]) => `${key}[${encodeURIComponent(sub)}]=${encodeURIComponent(item)}`);
      }
      if (explode) return shape.entries.map(([sub, item]) => `${encodeURIComponent(sub)}=${encodeURIComponent(item)}`);
      return shape.entries.length === 0 ? [] : [`${key}=${joined(shape.entries.flat())}`];
  }
}

/** `simple` serialisation, used for header parameters. */
function simpleValue(shape: Shape, explode: boolean): string {
  switch (shape.kind) {
    case 'scalar':
      return shape.text;
    case 'array':
      return shape.items.join(',');
    case 'object':
      return explode ? shape.entries.map(([key, item]) => `${key}=${item}`).join(',') : shape.entries.flat().join(',');
  }
}

function toFormData(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (!isPresent(item)) continue;
      if (item instanceof Blob) form.append(name, item);
      else form.append(name, toText(item));
    }
  }
  return form;
}

/** Dates as ISO strings, objects as JSON, everything else as `String()` gives it. */
function toText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
