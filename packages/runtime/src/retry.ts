/**
 * The retry policy: the one place that decides whether an attempt is repeated and how long to wait.
 */
import type { TransportError } from './errors.js';

/** Default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;
const RETRY_AFTER_CAP_MS = 60_000;

/** Methods that RFC 9110 defines as idempotent: repeating them cannot do harm twice. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * Whether an attempt that ended with `outcome` (an HTTP status or a transport failure) may be repeated.
 * Any other method than the idempotent ones (POST, PATCH, ...) is retried only when the server
 * provably did not process the request.
 */
export function shouldRetry(method: string, outcome: number | TransportError): boolean {
  const idempotent = IDEMPOTENT_METHODS.has(method.toUpperCase());
  if (typeof outcome === 'number') {
    if (outcome === 429) return true; // rate limited: rejected before processing
    if (outcome === 503) return true; // unavailable: the server refused to process it
    if (outcome === 500) return idempotent; // may have failed half-way through a change
    if (outcome === 504) return idempotent; // the upstream may still be processing it
    return false;
  }
  switch (outcome.kind) {
    case 'abort':
      return false; // the caller asked to stop
    case 'timeout':
      return idempotent; // the server may have processed it
    case 'connection':
      return idempotent || outcome.refused; // refused: nothing reached a server
  }
}

/**
 * Milliseconds to wait before retry number `attempt + 1` (attempt counts from 0).
 * A server's `retryAfterMs` wins (capped at 60 s); otherwise exponential backoff with full jitter:
 * a random delay in [0, min(8 s, 0.5 s * 2^attempt)).
 */
export function backoffDelay(attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, RETRY_AFTER_CAP_MS);
  return random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

/**
 * The wait a response asks for: `retry-after-ms` (milliseconds), else `Retry-After` as seconds or an
 * HTTP date. `undefined` when neither is present or readable.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const milliseconds = parseNonNegative(headers.get('retry-after-ms'));
  if (milliseconds !== undefined) return milliseconds;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = parseNonNegative(value);
  if (seconds !== undefined) return seconds * 1000;
  // An HTTP date names a weekday and month; without letters Date.parse would read '-1' as a year.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseNonNegative(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}
