/**
 * The logger hook and the redaction that keeps credentials out of logs and error objects.
 */
import type { SecretNames } from './auth.js';

/**
 * Receives one `request` entry per attempt and one `response` (or `request failed`) entry per answer.
 * `console` fits. Details are already redacted.
 */
export interface Logger {
  debug(message: string, details: object): void;
}

/** What replaces a secret value. */
const REDACTED = '[REDACTED]';

/**
 * Headers as a plain object, with every credential-bearing value (`secrets.headers`, which always holds
 * `Authorization`, `Proxy-Authorization`, `Cookie` and `Set-Cookie`) replaced by `REDACTED`, and any secret
 * value found in another header (a server echoing credentials back) replaced within it.
 */
export function redactHeaders(headers: Headers, secrets: SecretNames): Record<string, string> {
  const redacted: Record<string, string> = {};
  headers.forEach((value, name) => {
    redacted[name] = secrets.headers.has(name) ? REDACTED : redactText(value, secrets);
  });
  return redacted;
}

/**
 * `text` with every secret value replaced by `REDACTED`: as sent, escaped once as in a JSON string (an echoed
 * header), and twice (an echoed JSON request body, inside a JSON response).
 */
export function redactText(text: string, secrets: SecretNames): string {
  for (const value of secrets.values)
    for (let form = value, escapes = 0; form && escapes < 3; escapes++, form = JSON.stringify(form).slice(1, -1))
      text = text.replaceAll(form, REDACTED);
  return text;
}

/** The URL without userinfo and with secret query values replaced; the rest of the query is kept as sent. */
export function redactUrl(url: string | URL, secrets: SecretNames): string {
  const safe = new URL(url);
  safe.username = '';
  safe.password = '';
  if (safe.search !== '' && secrets.query.size > 0) {
    safe.search = safe.search
      .slice(1)
      .split('&')
      .map((pair) => {
        const rawName = pair.split('=')[0]!;
        return secrets.query.has(decodeQueryName(rawName)) ? `${rawName}=${REDACTED}` : pair;
      })
      .join('&');
  }
  return safe.href;
}

function decodeQueryName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
