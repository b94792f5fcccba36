/**
 * The browser build's `controller-pool.ts`: a new controller per attempt. The pool saves CPU time measured
 * on Node's fetch; in a browser it would only add bytes.
 */
import type { ControllerLease } from './controller-pool.js';

export type { ControllerLease };

export function leaseController(): ControllerLease {
  return { controller: new AbortController(), uses: 1 };
}

export function returnController(_lease: ControllerLease): void {}
