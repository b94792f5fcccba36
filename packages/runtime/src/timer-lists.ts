/**
 * Node keeps one list of timers per duration and destroys it when its last timer is cleared; the next
 * timer of that duration then rebuilds it and re-arms the event loop's timer, which sequential requests
 * paid every time (see BENCHMARKS.md, "Measurements behind design choices"). A keeper timer of
 * the same duration keeps the list. It is unref'd, so it never keeps the process alive, and re-armed only
 * while attempts of its duration keep starting, so an idle process is not woken up.
 */

/** For each kept duration: whether an attempt started since its keeper was armed. */
const keepers = new Map<number, { used: boolean }>();
/** Per-call timeouts could each be a new duration: only the first few get a keeper. */
const MAX_KEPT = 4;

/** Called as an attempt starts its timer of `ms` milliseconds. */
export function keepTimerList(ms: number): void {
  const keeper = keepers.get(ms);
  if (keeper !== undefined) keeper.used = true;
  else if (keepers.size < MAX_KEPT) arm(ms);
}

function arm(ms: number): void {
  const keeper = { used: false };
  keepers.set(ms, keeper);
  const timer: unknown = setTimeout(() => {
    keepers.delete(ms);
    if (keeper.used) arm(ms);
  }, ms);
  // Where timers are numbers (Deno, workers) there is no unref: no keeper, and the entry stays so none is tried again.
  if (typeof (timer as { unref?: unknown }).unref === 'function') (timer as { unref(): void }).unref();
  else clearTimeout(timer as number);
}
