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

/** What authentication adds to one request, and where it puts secrets. */
export interface AuthParts {
  /** By lowercase name, so that they replace default headers whatever their case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Encoded `name=value` pairs. */
  readonly query: readonly string[];
  /** Encoded `name=value` pairs. */
  readonly cookies: readonly string[];
  /** Safe to share: names, no values. */
  readonly secretNames: SecretNames;
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
 * schemes and their secrets do not change after it is built), and the names that logs and errors must
 * redact. A function rather than a class, which minifies smaller; `ClientCore` keeps the result in a
 * private field.
 */
export function authParts(schemes: readonly AuthConfig[] = []): AuthParts {
  const headers: Record<string, string> = {};
  const query: string[] = [];
  const cookies: string[] = [];
  const secretNames = {
    headers: new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']),
    query: new Set<string>(),
  };
  for (const scheme of schemes) {
    if (scheme.type === 'basic') {
      if (scheme.username !== undefined && scheme.password !== undefined)
        headers['authorization'] = `Basic ${base64Utf8(`${scheme.username}:${scheme.password}`)}`;
    } else if (scheme.type === 'bearer') {
      if (scheme.token !== undefined) headers['authorization'] = `Bearer ${scheme.token}`;
    } else if (scheme.in === 'header') {
      const name = scheme.name.toLowerCase();
      secretNames.headers.add(name);
      if (scheme.value !== undefined) headers[name] = scheme.value;
    } else {
      if (scheme.in === 'query') secretNames.query.add(scheme.name);
      if (scheme.value !== undefined)
        (scheme.in === 'query' ? query : cookies).push(`${encodeURIComponent(scheme.name)}=${encodeURIComponent(scheme.value)}`);
    }
  }
  return { headers, query, cookies, secretNames };
}

/** Base64 of the UTF-8 bytes of `text` (RFC 7617 `charset="UTF-8"`); `btoa` alone only accepts Latin-1. */
function base64Utf8(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
