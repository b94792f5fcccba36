/** The browser build's `timer-lists.ts`: the cost it avoids is in Node's timers. */
export function keepTimerList(_ms: number): void {}
