/**
 * AbortControllers of attempts that ended without an abort, reused, as a new one per attempt costs CPU
 * (see BENCHMARKS.md, "Measurements behind design choices"). Reuse is safe: the fetches that
 * used a controller before are finished, and aborting a finished fetch does nothing. Each fetch leaves a
 * listener on the signal until it is garbage collected, and every later fetch on that signal pays for
 * the listeners already there, hence the small cap on uses (Node would also warn above 1,500).
 */

/** A controller and how many attempts have used it. */
export interface ControllerLease {
  readonly controller: AbortController;
  uses: number;
}

const idle: ControllerLease[] = [];
const MAX_IDLE = 64;
const MAX_USES = 10;

/** A controller whose signal has not aborted, for one attempt. */
export function leaseController(): ControllerLease {
  const lease = idle.pop() ?? { controller: new AbortController(), uses: 0 };
  lease.uses += 1;
  return lease;
}

/** The attempt is over and its controller never aborted: a later attempt may use it. */
export function returnController(lease: ControllerLease): void {
  if (lease.uses < MAX_USES && idle.length < MAX_IDLE) idle.push(lease);
}
