/**
 * Reading response bodies: success bodies by the operation's response kind, error bodies as whatever
 * they turn out to be, and the `Created<T>` result of 201 responses.
 */
import type { SecretNames } from './auth.js';
import { ResponseParseError } from './errors.js';
import { redactText } from './logging.js';
import { isJsonMediaType } from './serialize.js';

/**
 * How to read a success body: `json` (the default) parses when the response says JSON, returns other
 * bodies as text and an empty one as `undefined`; `text` as a string; `binary` as a Blob; `empty` as
 * `undefined`.
 */
export type ResponseKind = 'json' | 'text' | 'binary' | 'empty';

/** The result of an operation that creates something (success status 201). */
export interface Created<T> {
  data: T;
  /** The body's `id`, else the last segment of the `Location` header (a string), else `undefined`. */
  id: number | string | undefined;
  location: string | undefined;
}

/** Where a response came from, for error messages. `url` is already redacted. */
export interface RequestContext {
  method: string;
  url: string;
}

/**
 * Reads a 2xx body as `kind` says (`json` when left out). 204 and 205 responses are always `undefined`.
 * @param request Its `context` is read only for an error, so it may be computed on first read.
 * @throws ResponseParseError when the response says JSON and is not; credentials the server echoes back
 *   are redacted from its text and cause.
 */
export async function readBody(
  response: Response,
  kind: ResponseKind | undefined,
  request: { readonly context: RequestContext; readonly secretNames: SecretNames },
): Promise<unknown> {
  if (kind === 'empty' || response.status === 204 || response.status === 205) {
    await response.body?.cancel();
    return undefined;
  }
  if (kind === 'binary') return response.blob();
  let text = await response.text();
  if (kind === 'text') return text;
  // A test, not `trim()`, which would copy every body.
  if (!/\S/.test(text)) return undefined;
  if (!isJsonMediaType(response.headers.get('content-type'))) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Parsed again once redacted, for a SyntaxError that quotes only the redacted text.
    text = redactText(text, request.secretNames);
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      throw new ResponseParseError({
        ...request.context,
        cause,
        httpStatus: response.status,
        headers: response.headers,
        text,
      });
    }
  }
}

/**
 * An error body: JSON when it parses as JSON, else text; `undefined` when empty or unreadable. Credentials
 * the server echoes back are redacted first.
 */
export async function readErrorBody(response: Response, secrets: SecretNames): Promise<unknown> {
  let text: string;
  try {
    text = redactText(await response.text(), secrets);
  } catch {
    return undefined; // the status alone still makes a useful error
  }
  if (text === '') return undefined;
  if (!isJsonMediaType(response.headers.get('content-type'))) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Wraps the body of a 201 response with the created resource's id and location. */
export function createdResult(body: unknown, response: Response): Created<unknown> {
  const location = response.headers.get('location') ?? undefined;
  const bodyId = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
  const id = typeof bodyId === 'number' || typeof bodyId === 'string' ? bodyId : lastPathSegment(location);
  return { data: body, id, location };
}

/** `http://host/v1/Notes/1013` (or a relative `/v1/Notes/1013`) -> `'1013'`. */
function lastPathSegment(location: string | undefined): string | undefined {
  if (location === undefined) return undefined;
  try {
    const { pathname } = new URL(location, 'http://relative.invalid');
    const segment = pathname
      .split('/')
      .filter((part) => part !== '')
      .at(-1);
    return segment === undefined ? undefined : decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
