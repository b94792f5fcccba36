/**
 * Timers as abort signals. Written with plain AbortController and setTimeout (not AbortSignal.timeout
 * or AbortSignal.any) so that timers can be cleared and every runtime we support has them.
 */

/** Default per-attempt timeout. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** A signal with a way to release what keeps it alive (a timer, listeners on other signals). */
export interface DisposableSignal {
  readonly signal: AbortSignal;
  /** Stops the timer or removes the listeners; the signal then never aborts by itself. */
  clear(): void;
}

/** Longest delay setTimeout honours (about 24.8 days); longer ones would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * A signal that aborts with a `TimeoutError` DOMException after `ms` milliseconds. A longer `ms` than
 * timers support (such as `Infinity`) means no timeout.
 */
export function timeoutSignal(ms: number): DisposableSignal {
  const controller = new AbortController();
  if (ms > MAX_TIMER_MS) return { signal: controller.signal, clear: () => {} };
  const timer = setTimeout(() => controller.abort(new DOMException(`Timed out after ${ms} ms`, 'TimeoutError')), ms);
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/** A signal that aborts, with the same reason, as soon as any of `signals` does. */
export function anySignal(signals: readonly (AbortSignal | undefined)[]): DisposableSignal {
  const controller = new AbortController();
  const sources = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  const onAbort = (event: Event): void => {
    clear();
    controller.abort((event.target as AbortSignal).reason);
  };
  const clear = (): void => {
    for (const source of sources) source.removeEventListener('abort', onAbort);
  };
  const alreadyAborted = sources.find((source) => source.aborted);
  if (alreadyAborted) {
    controller.abort(alreadyAborted.reason);
  } else {
    for (const source of sources) source.addEventListener('abort', onAbort);
  }
  return { signal: controller.signal, clear };
}

/** Resolves after `ms` milliseconds; rejects with the signal's reason as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
