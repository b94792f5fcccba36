import { describe, expect, it } from 'vitest';
import {
  ClientCore,
  apiKeyCookie,
  apiKeyHeader,
  apiKeyQuery,
  basicAuth,
  bearerAuth,
  type AuthScheme,
} from '../src/index.js';
import { sendJson, startServer } from '@revio-sdk/test-utils';

async function requestWith(auth: AuthScheme[]) {
  const server = await startServer((_request, response) => sendJson(response, 200, {}));
  const client = new ClientCore({ baseUrl: server.url, auth });
  await client.request({ method: 'GET', path: '/ping' });
  return server.requests[0]!;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('auth', () => {
  it('sends Basic credentials and the API-key header together', async () => {
    const request = await requestWith([basicAuth('u@c', 'p'), apiKeyHeader('Ocp-Apim-Subscription-Key', 'k')]);
    expect(request.headers.authorization).toBe(`Basic ${base64('u@c:p')}`);
    expect(request.headers['ocp-apim-subscription-key']).toBe('k');
  });

  it('leaves out an API key whose value is undefined', async () => {
    const request = await requestWith([basicAuth('u@c', 'p'), apiKeyHeader('Ocp-Apim-Subscription-Key', undefined)]);
    expect(request.headers.authorization).toBe(`Basic ${base64('u@c:p')}`);
    expect(request.headers).not.toHaveProperty('ocp-apim-subscription-key');
  });

  it('encodes Basic credentials as UTF-8 before base64', async () => {
    const request = await requestWith([basicAuth('jürgen@c', 'pässwörd€')]);
    expect(request.headers.authorization).toBe(`Basic ${base64('jürgen@c:pässwörd€')}`);
  });

  it('sends API keys in the query string and in a cookie', async () => {
    const request = await requestWith([apiKeyQuery('api_key', 'q s'), apiKeyCookie('session', 'c1')]);
    expect(request.url).toBe('/ping?api_key=q%20s');
    expect(request.headers.cookie).toBe('session=c1');
  });

  it('sends a bearer token', async () => {
    const request = await requestWith([bearerAuth('t0k')]);
    expect(request.headers.authorization).toBe('Bearer t0k');
  });

  it('takes a scheme of your own, redacting the header it names as secret from logs', async () => {
    const server = await startServer((_request, response) => sendJson(response, 200, {}));
    const logged: unknown[] = [];
    const signature: AuthScheme = (parts) => {
      parts.headers['x-signature'] = 'sig-secret';
      parts.secretNames.headers.add('x-signature');
    };
    const client = new ClientCore({
      baseUrl: server.url,
      auth: [signature],
      logger: { debug: (_message, details) => logged.push(details) },
    });
    await client.request({ method: 'GET', path: '/ping' });
    expect(server.requests[0]!.headers['x-signature']).toBe('sig-secret');
    expect(logged[0]).toMatchObject({ headers: { 'x-signature': '[REDACTED]' } });
    expect(JSON.stringify(logged)).not.toContain('sig-secret');
  });

  it('keeps credentials out of the inspected and serialised client', async () => {
    const { inspect } = await import('node:util');
    const client = new ClientCore({
      baseUrl: 'http://127.0.0.1:1',
      auth: [basicAuth('u@c', 'secret-password')],
    });
    expect(inspect(client, { depth: 10 })).not.toContain('secret-password');
    expect(JSON.stringify(client)).not.toContain('secret-password');
  });
});
