/**
 * Credentials: the only module that reads them. Each scheme function (`basicAuth`, `bearerAuth`,
 * `apiKeyHeader`, `apiKeyQuery`, `apiKeyCookie`) makes an `AuthScheme`; `authParts` applies a client's
 * schemes once, and `ClientCore` keeps the result in a private field, invisible to `console.log`,
 * `util.inspect` and `JSON.stringify` of the client. The parts also name the places secrets appear in,
 * so that logs and errors can redact them.
 */

/**
 * One authentication scheme: adds its credential to what every request sends and names where the secret
 * goes. One function per kind of scheme, so that a bundle holds only the kinds its client uses. A scheme
 * whose secret is `undefined` (an optional key that was not configured) sends nothing.
 */
export type AuthScheme = (parts: AuthParts) => void;

/** What authentication adds to every request, and where it puts secrets. */
export interface AuthParts {
  /** By lowercase name, so that they replace default headers whatever their case. */
  headers: Record<string, string>;
  /** Encoded `name=value` pairs. */
  query: string[];
  /** Encoded `name=value` pairs. */
  cookies: string[];
  /** Where secrets go and what they are; see `SecretNames`. */
  secretNames: { headers: Set<string>; query: Set<string>; values: string[] };
}

/**
 * Header and query parameter names whose values are secret (header names lowercase). The headers always
 * include `authorization`, `proxy-authorization`, `cookie` and `set-cookie`, whatever the schemes are.
 */
export interface SecretNames {
  headers: ReadonlySet<string>;
  query: ReadonlySet<string>;
  /**
   * The secret values themselves (passwords, encoded credentials, keys), so that text a server echoes back
   * (an error body, a header) can be redacted before an error or a log entry holds it.
   */
  values: readonly string[];
}

/** `Authorization: Basic …` of `username:password`, encoded as UTF-8. */
export function basicAuth(username: string | undefined, password: string | undefined): AuthScheme {
  return (parts) => {
    if (username !== undefined && password !== undefined) {
      const credentials = base64Utf8(`${username}:${password}`);
      parts.headers['authorization'] = `Basic ${credentials}`;
      parts.secretNames.values.push(password, credentials);
    }
  };
}

/** `Authorization: Bearer <token>`. */
export function bearerAuth(token: string | undefined): AuthScheme {
  return (parts) => {
    if (token !== undefined) {
      parts.headers['authorization'] = `Bearer ${token}`;
      parts.secretNames.values.push(token);
    }
  };
}

/** An API key in the header `name`, redacted from logs and errors. */
export function apiKeyHeader(name: string, value: string | undefined): AuthScheme {
  const header = name.toLowerCase();
  return (parts) => {
    parts.secretNames.headers.add(header);
    if (value !== undefined) {
      parts.headers[header] = value;
      parts.secretNames.values.push(value);
    }
  };
}

/** An API key in the query parameter `name`, redacted from logged and reported URLs. */
export function apiKeyQuery(name: string, value: string | undefined): AuthScheme {
  return (parts) => {
    parts.secretNames.query.add(name);
    if (value !== undefined) {
      parts.query.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
      parts.secretNames.values.push(value);
    }
  };
}

/** An API key in the cookie `name` (the `cookie` header is always redacted). */
export function apiKeyCookie(name: string, value: string | undefined): AuthScheme {
  return (parts) => {
    if (value !== undefined) {
      parts.cookies.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
      parts.secretNames.values.push(value);
    }
  };
}

/**
 * The headers, query pairs and cookies that authenticate every request, computed once per client (the
 * schemes and their secrets do not change after it is built), and the names that logs and errors must
 * redact.
 */
export function authParts(schemes: readonly AuthScheme[] = []): AuthParts {
  const parts: AuthParts = {
    headers: {},
    query: [],
    cookies: [],
    secretNames: {
      headers: new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']),
      query: new Set(),
      values: [],
    },
  };
  for (const apply of schemes) apply(parts);
  return parts;
}

/** Base64 of the UTF-8 bytes of `text` (RFC 7617 `charset="UTF-8"`); `btoa` alone only accepts Latin-1. */
function base64Utf8(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
