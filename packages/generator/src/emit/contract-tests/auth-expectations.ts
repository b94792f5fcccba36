/**
 * The credentials a contract test gives the client, and what the model says they must put on every
 * request: worked out here from the IR's security schemes, independently of the runtime's auth code.
 */
import type { Api } from '../../model/types.js';
import { authOptions } from '../client-settings.js';
import type { ExpectedRequestParts } from './contract-types.js';

/** A recognisable value for every credential option, e.g. `{ token: 'test-token' }`. */
export function testCredentials(api: Api): Record<string, string> {
  return Object.fromEntries(authOptions(api).map(({ option }) => [option.name, `test-${option.name}`]));
}

/** Headers, query entries and cookies the schemes add, later schemes overriding earlier ones' headers. */
export function expectedAuth(api: Api, credentials: Record<string, string>): ExpectedRequestParts {
  const parts: ExpectedRequestParts = { headers: {}, query: [], cookies: [] };
  const value = (option: string) => credentials[option] ?? '';
  for (const scheme of api.auth) {
    if (scheme.kind === 'basic') {
      const user = scheme.usernameTemplate.replace(/\{([^}]*)\}/g, (_, name: string) => value(name));
      const encoded = Buffer.from(`${user}:${value(scheme.passwordOption)}`, 'utf8').toString('base64');
      parts.headers['authorization'] = `Basic ${encoded}`;
    } else if (scheme.kind === 'bearer') {
      parts.headers['authorization'] = `Bearer ${value(scheme.option.name)}`;
    } else if (scheme.in === 'header') {
      parts.headers[scheme.wireName.toLowerCase()] = value(scheme.option.name);
    } else {
      parts[scheme.in === 'query' ? 'query' : 'cookies'].push([scheme.wireName, value(scheme.option.name)]);
    }
  }
  return parts;
}
