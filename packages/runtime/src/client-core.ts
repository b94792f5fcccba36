/**
 * `ClientCore`: the base of every generated client. It builds a request from an operation, sends it
 * with the platform `fetch` (timeout, abort, retries) and hands the checked response to `APIPromise`.
 */
import { APIPromise, type PendingResponse } from './api-promise.js';
import { authParts, type AuthParts, type AuthScheme, type SecretNames } from './auth.js';
import {
  AbortError,
  ConnectionError,
  ResponseParseError,
  TimeoutError,
  UnexpectedStatusError,
  type APIError,
  type APIErrorClass,
  type TransportError,
} from './errors.js';
import { redactHeaders, redactUrl, type Logger } from './logging.js';
import { readBody, readErrorBody, type RequestContext, type ResponseKind } from './response.js';
import { DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_AFTER_MS, backoffDelay, retryAfterMs, shouldRetry } from './retry.js';
import type { BodySerializer, ParamSerializer, ParamSpec, RequestDraft } from './serialize.js';
import { AttemptSignal, DEFAULT_TIMEOUT_MS, sleep } from './timeout.js';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

/** The `fetch` the client calls; the platform's by default. */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** Extra `fetch` init fields passed through as they are (e.g. `cache`, `keepalive`, `dispatcher`). */
export type FetchOptions = Omit<RequestInit, 'method' | 'headers' | 'body' | 'signal'>;

export interface ClientOptions {
  /** Operation paths are appended to it, e.g. `https://api.example.com/v1` + `/Customers`. */
  baseUrl: string;
  /** Applied in order; build each with `basicAuth`, `bearerAuth`, `apiKeyHeader`, `apiKeyQuery` or `apiKeyCookie`. */
  auth?: readonly AuthScheme[] | undefined;
  fetch?: FetchFunction | undefined;
  /**
   * Per-attempt timeout in milliseconds, covering the response and reading its body (default 60000).
   * `Infinity` turns it off.
   */
  timeout?: number | undefined;
  /** Retries after the first attempt, where `retry.ts` allows them (default 2). */
  maxRetries?: number | undefined;
  /**
   * Longest wait in milliseconds that a response's `Retry-After` may ask for before a retry (default 60000).
   * When a server asks for longer, the call fails at once with that response's error, carrying `retryAfterMs`.
   */
  maxRetryAfter?: number | undefined;
  /**
   * Milliseconds the whole call may take, every attempt and wait between retries included (default: no
   * deadline). An attempt still running at the deadline fails with a `TimeoutError` whose `deadline` is true;
   * a retry whose wait would end past it is not made, and the call fails with the last error.
   */
  deadline?: number | undefined;
  logger?: Logger | undefined;
  /** Sent with every request; per-call `headers` override them. */
  defaultHeaders?: HeadersInit | undefined;
}

/** Per-call overrides. */
export interface RequestOptions {
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  maxRetryAfter?: number | undefined;
  deadline?: number | undefined;
  /** For a list: the most pages its iteration reads before it fails with a `PaginationError` (default 10000). */
  maxPages?: number | undefined;
  /** Aborts the request (and any wait between retries) with an `AbortError`. */
  signal?: AbortSignal | undefined;
  headers?: HeadersInit | undefined;
  fetchOptions?: FetchOptions | undefined;
}

/**
 * One operation call, as generated code describes it. An operation passes the functions that encode its
 * parameters and body (`serializeParams`, `serializeBody`) and shape its result (`createdResult`), so a
 * bundle holds them only when one of its operations needs them: the types require a serializer beside
 * `params` and `body`.
 */
export type OperationRequest = OperationBase & ParamsPart & BodyPart;

interface OperationBase {
  method: HttpMethod;
  /** Path below `baseUrl`, with path parameters already encoded (see `encodePath`). */
  path: string;
  responseKind?: ResponseKind | undefined;
  /**
   * Shapes the parsed success body into the operation's result; the body itself when left out.
   * `createdResult` for an operation whose success status is 201 (`Created<T>` with the new id and Location).
   */
  result?: ((body: unknown, response: Response) => unknown) | undefined;
  /**
   * The statuses the operation documents, each with the class its error is built as (`{ 404: NotFoundError }`,
   * `APIError` for a status without a named class); any other non-2xx status is an `UnexpectedStatusError`.
   * Passed by the operation, so a bundle holds only the error classes its operations can throw. Left out
   * when the operation documents no error status.
   */
  errors?: Readonly<Record<number, APIErrorClass>> | undefined;
}

/**
 * Query, header and cookie parameters by property name; `paramSpecs` says which go where. Typed
 * `object` so that generated params interfaces (which have no index signature) fit.
 */
type ParamsPart =
  | { params?: undefined; paramSpecs?: undefined; serializeParams?: ParamSerializer | undefined }
  | {
      params: object | undefined;
      paramSpecs?: Record<string, ParamSpec> | undefined;
      serializeParams: ParamSerializer;
    };

/** The request body; `contentType` (default `application/json`) decides how `serializeBody` encodes it. */
type BodyPart =
  | { body?: undefined; contentType?: undefined; serializeBody?: BodySerializer | undefined }
  | { body: unknown; contentType?: string | undefined; serializeBody: BodySerializer };

/**
 * A request built once and sent by every attempt. A class, and an init written as a literal: an object
 * literal with a getter, or spreading `undefined` options, costs more per request (see BENCHMARKS.md).
 */
class PreparedRequest {
  #context: RequestContext | undefined;

  constructor(
    readonly method: HttpMethod,
    readonly url: string,
    readonly headers: Record<string, string>,
    readonly body: BodyInit | null,
    readonly fetchOptions: FetchOptions | undefined,
    /** False for stream bodies, which can be read only once. */
    readonly replayable: boolean,
    readonly secretNames: SecretNames,
  ) {}

  /** Where the request went, for errors and logs: redacted when first read, which most requests never are. */
  get context(): RequestContext {
    return (this.#context ??= { method: this.method, url: redactUrl(this.url, this.secretNames) });
  }

  /** The `fetch` init of one attempt. */
  init(signal: AbortSignal | null): RequestInit {
    const init = { method: this.method, headers: this.headers, body: this.body, signal };
    // Node's fetch refuses a stream body without `duplex: 'half'`; the DOM types do not know the field yet.
    if (!this.replayable) Object.assign(init, { duplex: 'half' });
    return this.fetchOptions === undefined ? init : { ...this.fetchOptions, ...init };
  }
}

/** The HTTP engine generated clients extend. Holds no credentials in public or enumerable fields. */
export class ClientCore {
  // Declared, not initialised: the constructor sets them (no field definitions in every bundle).
  declare readonly baseUrl: string;
  declare readonly timeout: number;
  declare readonly maxRetries: number;
  declare readonly maxRetryAfter: number;
  declare readonly deadline: number;
  readonly #auth: AuthParts;
  readonly #fetch: FetchFunction;
  readonly #logger: Logger | undefined;
  /** Lowercase names, so that later headers replace them whatever their case. */
  readonly #defaultHeaders: Readonly<Record<string, string>>;
  /** `baseUrl` without its query and trailing slashes; operation paths follow it. */
  readonly #basePath: string;
  /** The query of `baseUrl` (without `?`), sent with every request. */
  readonly #baseQuery: string;

  /** @throws TypeError when `baseUrl` is not an absolute URL. */
  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl;
    const base = new URL(options.baseUrl);
    this.#baseQuery = base.search.slice(1);
    base.search = '';
    base.hash = '';
    this.#basePath = base.href.replace(/\/+$/, '');
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.maxRetryAfter = options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER_MS;
    this.deadline = options.deadline ?? Infinity;
    this.#auth = authParts(options.auth);
    // Looked up per call, and called unbound from globalThis, which some browsers require.
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#logger = options.logger;
    this.#defaultHeaders = lowercaseHeaders(options.defaultHeaders);
  }

  /** Sends one operation; resolves to its parsed success body, shaped by `op.result` when given. */
  request<T = unknown, E = unknown>(op: OperationRequest, options?: RequestOptions): APIPromise<T, E> {
    return new APIPromise(this.send(op, options), op.result as ((body: unknown, response: Response) => T) | undefined);
  }

  /**
   * The low-level form of `request`: attempts the request until it succeeds, fails for good, or runs out
   * of retries, and resolves to the 2xx response with its body unread (wrap it in an `APIPromise`, as
   * `request` and `requestPage` do). Rejects with the operation's typed error.
   * Each attempt has its own timeout, cut short where the call's deadline comes first.
   */
  async send(op: OperationRequest, options: RequestOptions = {}): Promise<PendingResponse> {
    const request = this.#prepare(op, options);
    const { signal: callerSignal } = options;
    const maxRetries = request.replayable ? (options.maxRetries ?? this.maxRetries) : 0;
    const timeoutMs = options.timeout ?? this.timeout;
    const deadline = options.deadline ?? this.deadline;
    const endsAt = Date.now() + deadline;
    const logger = this.#logger;
    const { secretNames } = request;
    for (let attempt = 0; ; attempt++) {
      const remainingMs = endsAt - Date.now();
      const byDeadline = remainingMs < timeoutMs;
      const signal = new AttemptSignal(byDeadline ? remainingMs : timeoutMs, callerSignal);
      const toTransportError = (cause: unknown): TransportError => {
        const { context } = request;
        if (callerSignal?.aborted) return new AbortError({ ...context, cause: callerSignal.reason });
        if (signal.timedOut)
          return new TimeoutError({ ...context, timeoutMs: byDeadline ? deadline : timeoutMs, deadline: byDeadline });
        return new ConnectionError({ ...context, cause });
      };
      const started = logger ? Date.now() : 0;
      logger?.debug('request', {
        ...request.context,
        attempt,
        headers: redactHeaders(new Headers(request.headers), secretNames),
      });
      let answer: Response | TransportError;
      try {
        answer = await this.#fetch(request.url, request.init(signal.signal));
        logger?.debug('response', {
          ...request.context,
          status: answer.status,
          durationMs: Date.now() - started,
          headers: redactHeaders(answer.headers, secretNames),
        });
      } catch (cause) {
        signal.done();
        answer = toTransportError(cause);
        logger?.debug('request failed', {
          ...request.context,
          error: answer.message,
          durationMs: Date.now() - started,
        });
      }
      const outcome = answer;
      const failed = outcome instanceof Error;
      if (!failed && outcome.ok) {
        const response = outcome;
        const parseBody = async (): Promise<unknown> => {
          try {
            return await readBody(response, op.responseKind, request);
          } catch (error) {
            throw error instanceof ResponseParseError ? error : toTransportError(error);
          } finally {
            signal.done();
          }
        };
        return { response, parseBody, release: () => signal.done(), detach: () => signal.detach() };
      }
      const retryAfter = failed ? undefined : retryAfterMs(outcome.headers);
      const delayMs = backoffDelay(attempt, retryAfter);
      if (
        attempt >= maxRetries ||
        !shouldRetry(op.method, failed ? outcome : outcome.status) ||
        // A longer wait than the caller allows; a retry any sooner would only be refused again.
        (retryAfter ?? 0) > (options.maxRetryAfter ?? this.maxRetryAfter) ||
        Date.now() + delayMs >= endsAt
      ) {
        if (failed) throw outcome;
        const error = await errorFor(op, outcome, request, retryAfter);
        signal.done();
        throw error;
      }
      if (!failed) {
        await outcome.body?.cancel().catch(() => {}); // discarded either way
        signal.done();
      }
      logger?.debug('retrying', { ...request.context, retry: attempt + 1, delayMs });
      await sleep(delayMs, callerSignal).catch((reason: unknown) => {
        throw new AbortError({ ...request.context, cause: reason });
      });
    }
  }

  /**
   * URL, headers and body for `op`; the same for every attempt. Plain strings and objects rather than
   * URL and Headers objects, which fetch would only parse again.
   */
  #prepare(op: OperationRequest, options: RequestOptions): PreparedRequest {
    const auth = this.#auth;
    const relative = op.path.replace(/^\/+/, '');
    const mark = relative.indexOf('?');
    const path = mark === -1 ? relative : relative.slice(0, mark);
    const draft: RequestDraft = {
      query: [this.#baseQuery, mark === -1 ? '' : relative.slice(mark + 1), ...auth.query],
      headers: { ...this.#defaultHeaders },
      cookies: [...auth.cookies],
      body: null,
      replayable: true,
    };
    const { headers, cookies } = draft;
    if ((op.responseKind ?? 'json') === 'json') headers['accept'] = 'application/json';
    Object.assign(headers, auth.headers);
    op.serializeParams?.(draft, op.params, op.paramSpecs);
    op.serializeBody?.(draft, op.body, op.contentType);
    if (cookies.length > 0) headers['cookie'] = cookies.join('; ');
    if (options.headers !== undefined) Object.assign(headers, lowercaseHeaders(options.headers));
    const query = draft.query.filter(Boolean).join('&');
    const url = `${this.#basePath}/${path}${query && `?${query}`}`;
    return new PreparedRequest(
      op.method,
      url,
      headers,
      draft.body,
      options.fetchOptions,
      draft.replayable,
      auth.secretNames,
    );
  }
}

/**
 * The error for a non-2xx response: the operation's class for its status when documented, else unexpected.
 * Any credential the server echoes back in the body is redacted.
 */
async function errorFor(
  op: OperationRequest,
  response: Response,
  request: PreparedRequest,
  retryAfter: number | undefined,
): Promise<APIError | UnexpectedStatusError> {
  const body = await readErrorBody(response, request.secretNames);
  const details = { ...request.context, body, headers: response.headers, retryAfterMs: retryAfter };
  const ErrorClass = op.errors?.[response.status];
  return ErrorClass
    ? new ErrorClass({ ...details, status: response.status })
    : new UnexpectedStatusError({ ...details, httpStatus: response.status });
}

/** Any `HeadersInit` as a plain object with lowercase names (repeated names joined as `Headers` does). */
function lowercaseHeaders(init: HeadersInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (init !== undefined) new Headers(init).forEach((value, name) => (headers[name] = value));
  return headers;
}
