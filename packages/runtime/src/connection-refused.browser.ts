/**
 * The browser build's `connection-refused.ts`: a browser's fetch fails with a bare `TypeError` that never
 * says why, so a refused connection cannot be told apart from a lost one.
 */
export function isConnectionRefused(_cause: unknown): boolean {
  return false;
}
