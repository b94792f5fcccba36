/**
 * The retry policy: the one place that decides whether an attempt is repeated and how long to wait.
 */
import type { TransportError } from './errors.js';

/** Default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;

/**
 * Default longest `Retry-After` wait the client sits out before retrying; a longer one fails the call at
 * once with its error (which carries `retryAfterMs`), rather than retrying before the server is ready.
 */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;

/** Methods that RFC 9110 defines as idempotent: repeating them cannot do harm twice. */
const IDEMPOTENT_METHODS = /^(?:GET|HEAD|PUT|DELETE|OPTIONS)$/i;

/**
 * Whether an attempt that ended with `outcome` (an HTTP status or a transport failure) may be repeated.
 * Any other method than the idempotent ones (POST, PATCH, ...) is retried only when the server
 * provably did not process the request.
 */
export function shouldRetry(method: string, outcome: number | TransportError): boolean {
  const idempotent = IDEMPOTENT_METHODS.test(method);
  // 429 (rate limited) and 503 (unavailable): the server refused to process the request. 500 and 504:
  // it may have failed half-way through a change, or an upstream may still be processing it.
  if (typeof outcome === 'number')
    return outcome === 429 || outcome === 503 || (idempotent && (outcome === 500 || outcome === 504));
  // An abort: the caller asked to stop. A timeout: the server may have processed it. A refused
  // connection: nothing reached a server.
  return outcome.kind !== 'abort' && (idempotent || (outcome.kind === 'connection' && outcome.refused));
}

/**
 * Milliseconds to wait before retry number `attempt + 1` (attempt counts from 0).
 * A server's `retryAfterMs` wins, in full (the caller decides whether it is too long to wait); otherwise
 * exponential backoff with full jitter: a random delay in [0, min(8 s, 0.5 s * 2^attempt)).
 */
export function backoffDelay(attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
  return retryAfterMs ?? random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

/**
 * The wait a response asks for: `retry-after-ms` (milliseconds), else `Retry-After` as seconds or an
 * HTTP date (one in the past: no wait). `undefined` when neither is present or readable.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const value = headers.get('retry-after') ?? '';
  // An HTTP date names a weekday and month; without letters Date.parse would read '-1' as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  const waits = [parseNumber(headers.get('retry-after-ms')), parseNumber(value) * 1000, Math.max(0, date - now)];
  return waits.find((wait) => wait >= 0 && wait < Infinity);
}

/** `NaN` for a missing or blank value, which `Number` would read as 0. */
function parseNumber(value: string | null): number {
  return value?.trim() ? Number(value) : NaN;
}
