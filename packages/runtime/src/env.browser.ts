/**
 * The browser build's `env.ts`. A browser has no environment, and a page must not take credentials from
 * one (a bundler's `process` polyfill, say), so options come only from the caller.
 */

export function readEnv(_name: string): undefined {
  return undefined;
}

export function howToSupply(option: string, _env: string): string {
  return option;
}
