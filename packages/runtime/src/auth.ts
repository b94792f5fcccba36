/**
 * Credentials: the only module that reads them. `authParts` turns them into what a request needs (which
 * `ClientCore` keeps in a private field, invisible to `console.log`, `util.inspect` and `JSON.stringify` of
 * the client), and `secretNamesOf` names the places they appear in, so that logs and errors can redact them.
 */

/**
 * One authentication scheme. A scheme whose secret is `undefined` (an optional key that was not
 * configured) is not sent.
 */
export type AuthConfig =
  | { type: 'basic'; username: string | undefined; password: string | undefined }
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string; value: string | undefined }
  | { type: 'bearer'; token: string | undefined };

/** What authentication adds to one request. */
export interface AuthParts {
  /** By lowercase name, so that they replace default headers whatever their case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Encoded `name=value` pairs. */
  readonly query: readonly string[];
  /** Encoded `name=value` pairs. */
  readonly cookies: readonly string[];
}

/**
 * Header and query parameter names whose values are secret (header names lowercase). The headers always
 * include `authorization`, `proxy-authorization`, `cookie` and `set-cookie`, whatever the schemes are.
 */
export interface SecretNames {
  headers: ReadonlySet<string>;
  query: ReadonlySet<string>;
}

/**
 * The headers, query pairs and cookies that authenticate every request, computed once per client (the
 * schemes and their secrets do not change after it is built). Functions rather than a class, which
 * minifies smaller; `ClientCore` keeps the result in a private field.
 */
export function authParts(schemes: readonly AuthConfig[] = []): AuthParts {
  const parts = { headers: {} as Record<string, string>, query: [] as string[], cookies: [] as string[] };
  for (const scheme of schemes) {
    switch (scheme.type) {
      case 'basic':
        if (scheme.username === undefined || scheme.password === undefined) break;
        parts.headers['authorization'] = basicAuthorization(scheme.username, scheme.password);
        break;
      case 'bearer':
        if (scheme.token !== undefined) parts.headers['authorization'] = `Bearer ${scheme.token}`;
        break;
      case 'apiKey': {
        if (scheme.value === undefined) break;
        if (scheme.in === 'header') {
          parts.headers[scheme.name.toLowerCase()] = scheme.value;
        } else {
          const pair = `${encodeURIComponent(scheme.name)}=${encodeURIComponent(scheme.value)}`;
          (scheme.in === 'query' ? parts.query : parts.cookies).push(pair);
        }
        break;
      }
    }
  }
  return parts;
}

/** `Basic base64(username:password)`, with the text encoded as UTF-8 first (RFC 7617 `charset="UTF-8"`). */
function basicAuthorization(username: string, password: string): string {
  return `Basic ${base64Utf8(`${username}:${password}`)}`;
}

/** Base64 of the UTF-8 bytes of `text`; `btoa` alone only accepts Latin-1. */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Where secrets may appear on a request; safe to share, it holds no values. */
export function secretNamesOf(schemes: readonly AuthConfig[] = []): SecretNames {
  // Headers that carry credentials whatever the auth configuration says.
  const headers = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
  const query = new Set<string>();
  for (const scheme of schemes) {
    if (scheme.type === 'apiKey' && scheme.in === 'header') headers.add(scheme.name.toLowerCase());
    else if (scheme.type === 'apiKey' && scheme.in === 'query') query.add(scheme.name);
  }
  return { headers, query };
}
