/**
 * `APIPromise`: what every operation returns. Awaiting it gives the parsed data; its methods give the
 * raw response too, or a result object instead of a rejection.
 */

/** A response whose status has been checked (2xx), with its body not yet read. */
export interface PendingResponse {
  response: Response;
  /** Reads the body as the operation expects, then ends the attempt (its timer and listeners). */
  parseBody: () => Promise<unknown>;
  /** Ends the attempt once its body was read or dropped some other way. */
  release: () => void;
  /** Hands the unread body over: the timeout and the caller's signal stop applying to it. */
  detach: () => void;
}

/** The executor of the base promise (one function for all, rather than a closure per request). */
function neverSettle(): void {}

/** The parsed data together with the response it came from. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  status: number;
  headers: Headers;
}

/** The outcome of `.safe()`: success with data, or the operation's typed error. */
export type SafeResult<T, E> = { ok: true; data: T; response: Response } | { ok: false; error: E };

/**
 * A `Promise<T>` for an operation's data, typed with the operation's error union `E`.
 * Use one way of reading it: awaiting (or `.withResponse()`/`.safe()`, which share one parse), or
 * `.asResponse()`, which hands over the unread body.
 */
export class APIPromise<T, E = unknown> extends Promise<T> {
  readonly #pending: Promise<PendingResponse>;
  readonly #toData: (body: unknown, response: Response) => T;
  #parsed: Promise<{ data: T; response: Response }> | undefined;

  /**
   * @param pending The request in flight; rejects with `E` when it fails.
   * @param toData Shapes the parsed body into the operation's result; without it the result is the body.
   */
  constructor(pending: Promise<PendingResponse>, toData?: (body: unknown, response: Response) => T) {
    // The base promise is never settled: then/catch/finally below delegate to the parsed result.
    super(neverSettle);
    this.#pending = pending;
    this.#toData = toData ?? ((body) => body as T);
  }

  /** The data plus the response, its status and headers. Parses once, however often it is called. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#parse().then(({ data, response }) => ({
      data,
      response,
      status: response.status,
      headers: response.headers,
    }));
  }

  /** The shared parse behind awaiting, `.withResponse()` and `.safe()`: one promise hop after the body is read. */
  #parse(): Promise<{ data: T; response: Response }> {
    return (this.#parsed ??= this.#pending.then(({ response, parseBody }) =>
      parseBody().then((body) => ({ data: this.#toData(body, response), response })),
    ));
  }

  /**
   * The successful `Response` with its body unread (errors still reject as usual). From here on the
   * timeout and `signal` no longer apply: cancel the body yourself if you do not read it.
   */
  asResponse(): Promise<Response> {
    return this.#pending.then(({ response, detach }) => {
      detach();
      return response;
    });
  }

  /** Never rejects: `{ ok: true, data, response }` or `{ ok: false, error }`. */
  safe(): Promise<SafeResult<T, E>> {
    return this.#parse().then(
      ({ data, response }) => ({ ok: true, data, response }),
      (error: unknown) => ({ ok: false, error: error as E }),
    );
  }

  override then<Fulfilled = T, Rejected = never>(
    onfulfilled?: ((value: T) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onrejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    return this.#parse().then(
      ({ data }) => (onfulfilled ? onfulfilled(data) : (data as unknown as Fulfilled)),
      onrejected,
    );
  }

  // `catch` needs no override: Promise.prototype.catch calls `this.then`.
  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}
