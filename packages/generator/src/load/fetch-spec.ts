/**
 * Reading specs (and the files their `$ref`s name) from http(s) URLs. The request headers a private spec
 * needs are secrets: no message built here contains them.
 */

/** How remote specs are requested. */
export interface RemoteSpecOptions {
  /** Request headers (such as `Authorization`), sent only to the origin of the spec's own URL. */
  headers?: Record<string, string>;
  /** How long one request (with its redirects and body) may take; default 30 000 ms. */
  timeoutMs?: number;
}

/** A fetched text and the URL it finally came from (after redirects). */
export interface FetchedText {
  body: string;
  mimeType: string | null;
  url: string;
}

/** A request that failed; the message is one line naming the URL (never the headers). */
export class FetchSpecError extends Error {
  override name = 'FetchSpecError';
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;

/** True for anything written as `scheme://...` (two letters at least, so `C:\` stays a path). */
export function isUrl(spec: string): boolean {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(spec);
}

/** Why `spec`, written as a URL, cannot be fetched (a message to put after the URL); undefined when it can. */
export function urlProblem(spec: string): string | undefined {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `only http:// and https:// URLs can be fetched (${url.protocol.slice(0, -1)} cannot)`;
  if (url.username !== '' || url.password !== '')
    return 'credentials in the URL are not accepted; pass them as a request header instead';
  return undefined;
}

/** The URL as messages show it: without a user name or password. */
export function displayUrl(spec: string): string {
  try {
    const url = new URL(spec);
    if (url.username === '' && url.password === '') return spec;
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return spec;
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** The error code of a failed connection (`ECONNREFUSED`, `ENOTFOUND`), which undici puts in `cause`. */
function connectionCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof cause?.message === 'string' ? cause.message : String(error);
}

/**
 * Fetches `url` as text. Redirects are followed (up to 5) by hand so that `headers` go only to `origin`:
 * a redirect or `$ref` to another host never receives them.
 * @param origin the origin allowed to see the headers (the root spec's)
 */
export async function fetchText(url: string, options: RemoteSpecOptions, origin: string): Promise<FetchedText> {
  const problem = urlProblem(url);
  if (problem !== undefined) throw new FetchSpecError(`${displayUrl(url)}: ${problem}`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  try {
    for (let redirects = 0; ; redirects++) {
      const headers = new URL(current).origin === origin ? (options.headers ?? {}) : {};
      const response = await fetch(current, { headers, redirect: 'manual', signal });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        if (redirects === MAX_REDIRECTS)
          throw new FetchSpecError(`GET ${displayUrl(url)}: more than ${MAX_REDIRECTS} redirects`);
        current = new URL(location, current).href;
        const redirectProblem = urlProblem(current);
        if (redirectProblem !== undefined)
          throw new FetchSpecError(`GET ${displayUrl(url)}: redirected to ${displayUrl(current)}: ${redirectProblem}`);
        continue;
      }
      if (!response.ok)
        throw new FetchSpecError(`GET ${displayUrl(current)}: HTTP ${response.status} ${response.statusText}`.trim());
      return { body: await response.text(), mimeType: response.headers.get('content-type'), url: current };
    }
  } catch (error) {
    if (error instanceof FetchSpecError) throw error;
    if (signal.aborted)
      throw new FetchSpecError(`GET ${displayUrl(current)}: no complete response within ${seconds(timeoutMs)}`);
    throw new FetchSpecError(`GET ${displayUrl(current)}: cannot connect (${connectionCode(error)})`);
  }
}

/**
 * Parses request headers written as `Name: value`, from `--header` flags or the lines of an environment
 * variable. A malformed one is named by its place (`source #n`), not its text, which may hold a secret.
 */
export function parseHeaders(lines: readonly string[], source: string): Record<string, string> | string {
  const headers: Record<string, string> = {};
  for (const [index, line] of lines.entries()) {
    const match = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (match === null) return `${source} #${index + 1} is not written as 'Name: value'`;
    headers[match[1]!] = match[2]!;
  }
  return headers;
}
