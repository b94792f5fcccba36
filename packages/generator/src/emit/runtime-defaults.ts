import { ClientCore } from '@revio-sdk/runtime';

/** The client defaults of the runtime the generated package runs on. */
export interface RuntimeDefaults {
  /** Per-attempt timeout in milliseconds. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  maxRetries: number;
}

/**
 * Read from the runtime itself (a client core built without those options), so the generated docs
 * cannot drift from `retry.ts` and `timeout.ts`; the generator depends on the exact runtime version the
 * generated package pins.
 */
export function runtimeDefaults(): RuntimeDefaults {
  const core = new ClientCore({ baseUrl: 'https://defaults.invalid' });
  return { timeoutMs: core.timeout, maxRetries: core.maxRetries };
}
