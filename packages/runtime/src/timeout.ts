/**
 * Timers as abort signals. Written with plain AbortController and setTimeout (not AbortSignal.timeout
 * or AbortSignal.any) so that timers can be cleared and every runtime we support has them.
 */
import { leaseController, returnController, type ControllerLease } from './controller-pool.js';
import { keepTimerList } from './timer-lists.js';

/** Default per-attempt timeout. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Longest delay setTimeout honours (about 24.8 days); longer ones would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The signal of one request attempt: it aborts (setting `timedOut`) after `ms` milliseconds,
 * or with the reason of the caller's signal as soon as that aborts. A longer `ms` than timers support
 * (such as `Infinity`) means no timeout; with no caller's signal either, nothing can abort the attempt and
 * fetch gets no signal at all (Node 20's fetch makes each request pay for one: a WeakRef, a listener and a
 * FinalizationRegistry entry). A class with an `handleEvent` method rather than closures, as one is made per
 * attempt.
 */
export class AttemptSignal {
  readonly #lease: ControllerLease | undefined;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  #ended = false;

  constructor(ms: number, callerSignal?: AbortSignal) {
    const timed = ms <= MAX_TIMER_MS;
    this.#lease = timed || callerSignal !== undefined ? leaseController() : undefined;
    this.#callerSignal = callerSignal;
    if (timed) {
      keepTimerList(ms);
      this.#timer = setTimeout(onTimeout, ms, this);
    }
    if (callerSignal?.aborted) this.handleEvent();
    else callerSignal?.addEventListener('abort', this);
  }

  /** Null (as `RequestInit` has it) when nothing can abort the attempt. */
  get signal(): AbortSignal | null {
    return this.#lease?.controller.signal ?? null;
  }

  /** True once the timeout (not the caller) aborted the attempt. */
  timedOut = false;

  /**
   * The attempt is over: its body was read or dropped, or its fetch failed. Stops the timer and stops
   * following the caller's signal; a signal that never aborted is then reused by a later attempt.
   */
  done(): void {
    // An aborted attempt has already ended, so its controller never returns to the pool.
    if (this.#ended) return;
    this.detach();
    if (this.#lease !== undefined) returnController(this.#lease);
  }

  /** Stops the timer and stops following the caller's signal, while someone else still reads the body. */
  detach(): void {
    this.#ended = true;
    clearTimeout(this.#timer);
    this.#callerSignal?.removeEventListener('abort', this);
  }

  /** The caller's signal aborted (the `EventListener` interface). */
  handleEvent(): void {
    this.detach();
    this.#lease!.controller.abort(this.#callerSignal?.reason);
  }

  /** Called by the timer. */
  timeOut(): void {
    this.timedOut = true;
    this.detach();
    // No reason: fetch's rejection is replaced by a TimeoutError (see `ClientCore`), whatever it says.
    this.#lease!.controller.abort();
  }
}

function onTimeout(attempt: AttemptSignal): void {
  attempt.timeOut();
}

/** Resolves after `ms` milliseconds; rejects with the signal's reason as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      // The caller's abort reason, as is, like fetch rejects with it.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
