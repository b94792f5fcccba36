/**
 * Every way a request can fail, as small classes.
 *
 * HTTP failures are `APIError`s with a literal `status`; one subclass per status in `STATUS_ERRORS`.
 * Each operation names the classes of the statuses it documents (`OperationRequest.errors`), so a bundle
 * holds only the classes its operations can throw; `createAPIError()` builds one from the table for code
 * that has only a status. Failures without a documented status (transport, undocumented status,
 * unreadable body) have `status: undefined` and a literal `kind`, so a `switch (err.status)` over an
 * operation's error union can end with `case undefined` and be checked exhaustive.
 *
 * No error stores the request's headers; `url` is always the redacted URL (see `logging.ts`).
 */
import { isConnectionRefused } from './connection-refused.js';
import { RUNTIME_ERROR, isRuntimeErrorInstance } from './error-brand.js';

/** What `createAPIError()` and every `APIError` constructor take. */
export interface APIErrorInit<Status extends number, Body> {
  status: Status;
  /** Parsed response body: JSON when the response says JSON, else text; `undefined` when empty. */
  body: Body;
  headers: Headers;
  method: string;
  /** The request URL, already redacted. */
  url: string;
  /** The wait the response asked for (`Retry-After`, `retry-after-ms`) in milliseconds, when it names one. */
  retryAfterMs?: number | undefined;
}

/**
 * Base of `APIError` and of the failures without a documented status. `instanceof` its subclasses also
 * holds for an error of another copy of the runtime (its ESM and CJS builds in one app).
 */
abstract class RuntimeError extends Error {
  /** Copies every field of `init` but `cause` (which `Error` keeps, non-enumerable) onto the error. */
  constructor(message: string, { cause, ...fields }: { cause?: unknown; method: string; url: string }) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, fields);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isRuntimeErrorInstance(this, value);
  }

  /** @internal The brand `instanceof` finds on an error of any copy of the runtime. */
  get [RUNTIME_ERROR](): true {
    return true;
  }
}

/** An HTTP response with a documented error status. `status` is a literal type per subclass. */
export class APIError<Status extends number = number, Body = unknown> extends RuntimeError {
  // Subclasses override it with their own name, as a string so that it survives minification.
  override name = 'APIError';
  // Declared, not initialised: the constructor copies them from `init` in one step (less code in every bundle).
  // An `init` carries exactly these fields (`APIErrorInit`).
  declare readonly status: Status;
  declare readonly body: Body;
  declare readonly headers: Headers;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly retryAfterMs?: number | undefined;

  constructor(init: APIErrorInit<Status, Body>) {
    super(`${init.status} from ${init.method} ${init.url}${describeBody(init.body)}`, init);
  }
}

/** 400 Bad Request. */
export class BadRequestError<Body = unknown> extends APIError<400, Body> {
  override readonly name = 'BadRequestError';
}
/** 401 Unauthorized: missing or wrong credentials. */
export class UnauthorizedError<Body = unknown> extends APIError<401, Body> {
  override readonly name = 'UnauthorizedError';
}
/** 402 Payment Required. */
export class PaymentRequiredError<Body = unknown> extends APIError<402, Body> {
  override readonly name = 'PaymentRequiredError';
}
/** 403 Forbidden: authenticated, but not allowed. */
export class ForbiddenError<Body = unknown> extends APIError<403, Body> {
  override readonly name = 'ForbiddenError';
}
/** 404 Not Found. */
export class NotFoundError<Body = unknown> extends APIError<404, Body> {
  override readonly name = 'NotFoundError';
}
/** 405 Method Not Allowed. */
export class MethodNotAllowedError<Body = unknown> extends APIError<405, Body> {
  override readonly name = 'MethodNotAllowedError';
}
/** 406 Not Acceptable. */
export class NotAcceptableError<Body = unknown> extends APIError<406, Body> {
  override readonly name = 'NotAcceptableError';
}
/** 409 Conflict. */
export class ConflictError<Body = unknown> extends APIError<409, Body> {
  override readonly name = 'ConflictError';
}
/** 410 Gone. */
export class GoneError<Body = unknown> extends APIError<410, Body> {
  override readonly name = 'GoneError';
}
/** 412 Precondition Failed. */
export class PreconditionFailedError<Body = unknown> extends APIError<412, Body> {
  override readonly name = 'PreconditionFailedError';
}
/** 413 Payload Too Large. */
export class PayloadTooLargeError<Body = unknown> extends APIError<413, Body> {
  override readonly name = 'PayloadTooLargeError';
}
/** 415 Unsupported Media Type. */
export class UnsupportedMediaTypeError<Body = unknown> extends APIError<415, Body> {
  override readonly name = 'UnsupportedMediaTypeError';
}
/** 422 Unprocessable Entity. */
export class UnprocessableEntityError<Body = unknown> extends APIError<422, Body> {
  override readonly name = 'UnprocessableEntityError';
}
/** 429 Too Many Requests (rate limit or quota). */
export class RateLimitError<Body = unknown> extends APIError<429, Body> {
  override readonly name = 'RateLimitError';
}
/** 500 Internal Server Error. */
export class InternalServerError<Body = unknown> extends APIError<500, Body> {
  override readonly name = 'InternalServerError';
}
/** 501 Not Implemented. */
export class NotImplementedError<Body = unknown> extends APIError<501, Body> {
  override readonly name = 'NotImplementedError';
}
/** 502 Bad Gateway. */
export class BadGatewayError<Body = unknown> extends APIError<502, Body> {
  override readonly name = 'BadGatewayError';
}
/** 503 Service Unavailable. */
export class ServiceUnavailableError<Body = unknown> extends APIError<503, Body> {
  override readonly name = 'ServiceUnavailableError';
}
/** 504 Gateway Timeout. */
export class GatewayTimeoutError<Body = unknown> extends APIError<504, Body> {
  override readonly name = 'GatewayTimeoutError';
}

/**
 * A class an operation's documented error status is built as: `NotFoundError`, or `APIError` itself for a
 * status without a named class. `any`: each class accepts exactly its own status, which its key in
 * `OperationRequest.errors` (or its `STATUS_ERRORS` row) guarantees.
 */
// `any`: each class takes its own status literal, which a `number` parameter would not accept (contravariance).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type APIErrorClass = new (init: APIErrorInit<any, unknown>) => APIError<number, unknown>;

/**
 * The one table of named HTTP errors: status -> class and its name (kept as a string so it survives
 * minification; each class's `name` says the same, which a test checks). The generator emits error
 * unions and each operation's `errors` from the same names; a new status is one row and its class.
 * The client itself does not read it, so an app's bundle leaves it out unless the app uses it.
 */
export const STATUS_ERRORS = {
  400: { name: 'BadRequestError', ErrorClass: BadRequestError },
  401: { name: 'UnauthorizedError', ErrorClass: UnauthorizedError },
  402: { name: 'PaymentRequiredError', ErrorClass: PaymentRequiredError },
  403: { name: 'ForbiddenError', ErrorClass: ForbiddenError },
  404: { name: 'NotFoundError', ErrorClass: NotFoundError },
  405: { name: 'MethodNotAllowedError', ErrorClass: MethodNotAllowedError },
  406: { name: 'NotAcceptableError', ErrorClass: NotAcceptableError },
  409: { name: 'ConflictError', ErrorClass: ConflictError },
  410: { name: 'GoneError', ErrorClass: GoneError },
  412: { name: 'PreconditionFailedError', ErrorClass: PreconditionFailedError },
  413: { name: 'PayloadTooLargeError', ErrorClass: PayloadTooLargeError },
  415: { name: 'UnsupportedMediaTypeError', ErrorClass: UnsupportedMediaTypeError },
  422: { name: 'UnprocessableEntityError', ErrorClass: UnprocessableEntityError },
  429: { name: 'RateLimitError', ErrorClass: RateLimitError },
  500: { name: 'InternalServerError', ErrorClass: InternalServerError },
  501: { name: 'NotImplementedError', ErrorClass: NotImplementedError },
  502: { name: 'BadGatewayError', ErrorClass: BadGatewayError },
  503: { name: 'ServiceUnavailableError', ErrorClass: ServiceUnavailableError },
  504: { name: 'GatewayTimeoutError', ErrorClass: GatewayTimeoutError },
} as const satisfies Record<number, { name: string; ErrorClass: APIErrorClass }>;

function statusErrorEntry(status: number): { name: string; ErrorClass: APIErrorClass } | undefined {
  return (STATUS_ERRORS as Record<number, { name: string; ErrorClass: APIErrorClass } | undefined>)[status];
}

/** The class name for a status (`404` -> `'NotFoundError'`), or `'APIError'` when it has none. */
export function statusErrorClassName(status: number): string {
  return statusErrorEntry(status)?.name ?? 'APIError';
}

/** Builds the `STATUS_ERRORS` class for `init.status`, or a plain `APIError` for a status without one. */
export function createAPIError(init: APIErrorInit<number, unknown>): APIError {
  const ErrorClass = statusErrorEntry(init.status)?.ErrorClass ?? APIError;
  return new ErrorClass(init);
}

const MAX_MESSAGE_DETAIL = 200;

/** A short detail for the message: the body's `message`/`error`/`detail` text, or a text body. */
function describeBody(body: unknown): string {
  const fields = body as { message?: unknown; error?: unknown; detail?: unknown };
  const detail = typeof body === 'object' && body !== null ? (fields.message ?? fields.error ?? fields.detail) : body;
  const text = typeof detail === 'string' ? detail.trim() : '';
  return text && `: ${text.slice(0, MAX_MESSAGE_DETAIL)}${text.length > MAX_MESSAGE_DETAIL ? '...' : ''}`;
}

interface RequestFailureInit {
  method: string;
  /** The request URL, already redacted. */
  url: string;
  cause?: unknown;
}

/** Base of the failures that have no documented HTTP status. */
abstract class RequestFailure<Kind extends string> extends RuntimeError {
  /** Always `undefined`, so `case undefined` covers every non-HTTP failure in a status switch. */
  readonly status: undefined = undefined;
  abstract readonly kind: Kind;
  // Declared, not initialised: the constructor copies them, and each subclass's own fields, from `init`.
  declare readonly method: string;
  declare readonly url: string;
}

/** The server could not be reached, or the connection broke before a response arrived. */
export class ConnectionError extends RequestFailure<'connection'> {
  override readonly name = 'ConnectionError';
  readonly kind = 'connection';
  /**
   * True when the connection was refused (ECONNREFUSED): nothing reached a server, so even a POST is
   * safe to send again. False means the request may or may not have been processed.
   */
  declare readonly refused: boolean;

  constructor(init: RequestFailureInit) {
    super(`Could not complete ${init.method} ${init.url}: ${causeMessages(init.cause)}`, {
      ...init,
      refused: isConnectionRefused(init.cause),
    } as RequestFailureInit);
  }
}

/**
 * No complete response within the timeout (per attempt), or the call, retries included, ran past its
 * `deadline` (`deadline: true`; `timeoutMs` is then the deadline).
 */
export class TimeoutError extends RequestFailure<'timeout'> {
  override readonly name = 'TimeoutError';
  readonly kind = 'timeout';
  declare readonly timeoutMs: number;
  declare readonly deadline: boolean;

  constructor(init: RequestFailureInit & { timeoutMs: number; deadline: boolean }) {
    super(`${init.method} ${init.url} timed out after ${init.timeoutMs} ms`, init);
  }
}

/** The caller's `signal` aborted the request. Never retried. */
export class AbortError extends RequestFailure<'abort'> {
  override readonly name = 'AbortError';
  readonly kind = 'abort';

  constructor(init: RequestFailureInit) {
    super(`${init.method} ${init.url} was aborted`, init);
  }
}

/**
 * A response whose status is neither 2xx nor one the operation documents. `Body` is `unknown` unless the
 * operation's spec documents the body of every such status (a `default` response with JSON).
 */
export class UnexpectedStatusError<Body = unknown> extends RequestFailure<'unexpected_status'> {
  override readonly name = 'UnexpectedStatusError';
  readonly kind = 'unexpected_status';
  declare readonly httpStatus: number;
  declare readonly body: Body;
  declare readonly headers: Headers;
  /** As on `APIError`. */
  declare readonly retryAfterMs?: number | undefined;

  constructor(
    init: RequestFailureInit & { httpStatus: number; body: Body; headers: Headers; retryAfterMs?: number | undefined },
  ) {
    super(`Undocumented status ${init.httpStatus} from ${init.method} ${init.url}${describeBody(init.body)}`, init);
  }
}

/** A successful response whose body says it is JSON but cannot be parsed. */
export class ResponseParseError extends RequestFailure<'parse'> {
  override readonly name = 'ResponseParseError';
  readonly kind = 'parse';
  declare readonly httpStatus: number;
  declare readonly headers: Headers;
  /** The raw body text that failed to parse. */
  declare readonly text: string;

  constructor(init: RequestFailureInit & { httpStatus: number; headers: Headers; text: string }) {
    super(`Could not parse the ${init.httpStatus} response of ${init.method} ${init.url} as JSON`, init);
  }
}

/**
 * A list stopped paging: the server answered a page with the same items as the page before (it ignores
 * the page parameter), or the list has more pages than `maxPages` allows. Thrown by the iteration instead of
 * looping on.
 */
export class PaginationError extends Error {
  override readonly name = 'PaginationError';
  readonly reason: 'repeated_page' | 'max_pages';
  /** The page number that repeated the one before it, or the last page read within `maxPages`. */
  readonly page: number;

  constructor(init: {
    reason: 'repeated_page' | 'max_pages';
    page: number;
    method: string;
    path: string;
    maxPages: number;
  }) {
    super(
      init.reason === 'repeated_page'
        ? `${init.method} ${init.path}: page ${init.page} has the same items as the page before; stopped paging`
        : `${init.method} ${init.path}: more than maxPages (${init.maxPages}) pages; stopped paging after page ${init.page}`,
    );
    this.reason = init.reason;
    this.page = init.page;
  }
}

/** Failures of the transport itself: nothing usable came back. */
export type TransportError = ConnectionError | TimeoutError | AbortError;

/**
 * Failures any operation can end with, on top of its documented statuses. `CatchAllBody` types the body
 * of an undocumented status (`UnexpectedStatusError<CatchAllBody>`); `unknown` unless the spec documents it.
 */
export type CommonError<CatchAllBody = unknown> =
  TransportError | UnexpectedStatusError<CatchAllBody> | ResponseParseError;

/** `fetch failed: connect ECONNREFUSED 127.0.0.1:1`: the useful part of an undici error is its cause. */
function causeMessages(error: unknown): string {
  const messages: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    messages.push(current.message);
    current = current.cause;
  }
  return messages.join(': ') || String(error);
}
