/**
 * Constructing the generated RevioClient: options fall back to REVIO_* environment variables, missing
 * credentials fail at construction, and the server receives Basic auth as `user@clientCode:password`
 * plus the subscription key header only when one is configured.
 */
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { MissingOptionsError, RevioClient } from '../src/index.js';
import { sendJson } from '@revio-sdk/test-utils';
import { credentials, expectedAuthorization, startServer } from './helpers/server.js';

const ENV_NAMES = [
  'REVIO_USERNAME',
  'REVIO_CLIENT_CODE',
  'REVIO_PASSWORD',
  'REVIO_SUBSCRIPTION_KEY',
  'REVIO_BASE_URL',
] as const;

/** No REVIO_* variable set, whatever the machine running the tests has (restored after each test). */
function clearRevioEnv(): void {
  for (const name of ENV_NAMES) vi.stubEnv(name, undefined);
}

const customer = { ok: true, customer_id: 1001, status: 'ACTIVE' };

describe('RevioClient construction', () => {
  it('reads every left-out option from REVIO_* environment variables', async () => {
    const server = await startServer((_request, response) => sendJson(response, 200, customer));
    clearRevioEnv();
    vi.stubEnv('REVIO_USERNAME', 'env_user');
    vi.stubEnv('REVIO_CLIENT_CODE', 'env_code');
    vi.stubEnv('REVIO_PASSWORD', 'env-secret');
    vi.stubEnv('REVIO_SUBSCRIPTION_KEY', 'env-sub-key');
    vi.stubEnv('REVIO_BASE_URL', server.baseUrl);

    const client = new RevioClient();
    await expect(client.customers.get(1001)).resolves.toMatchObject({ customer_id: 1001 });

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.url).toBe('/v1/Customers/1001');
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from('env_user@env_code:env-secret').toString('base64')}`,
    );
    expect(request?.headers['ocp-apim-subscription-key']).toBe('env-sub-key');
  });

  it('prefers options passed to the constructor over the environment', async () => {
    const server = await startServer((_request, response) => sendJson(response, 200, customer));
    vi.stubEnv('REVIO_USERNAME', 'env_user');
    vi.stubEnv('REVIO_CLIENT_CODE', 'env_code');
    vi.stubEnv('REVIO_PASSWORD', 'env-secret');
    vi.stubEnv('REVIO_SUBSCRIPTION_KEY', 'env-sub-key');
    vi.stubEnv('REVIO_BASE_URL', 'http://127.0.0.1:9/not-this-one');

    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });
    await client.customers.get(1001);

    expect(server.requests[0]?.headers.authorization).toBe(expectedAuthorization);
    expect(server.requests[0]?.headers['ocp-apim-subscription-key']).toBe(credentials.subscriptionKey);
  });

  it('throws at construction, naming each missing option and its environment variable', () => {
    clearRevioEnv();
    let thrown: unknown;
    try {
      new RevioClient();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MissingOptionsError);
    const error = thrown as MissingOptionsError;
    expect(error.missing).toEqual([
      { option: 'username', env: 'REVIO_USERNAME' },
      { option: 'clientCode', env: 'REVIO_CLIENT_CODE' },
      { option: 'password', env: 'REVIO_PASSWORD' },
    ]);
    for (const word of [
      'username',
      'REVIO_USERNAME',
      'clientCode',
      'REVIO_CLIENT_CODE',
      'password',
      'REVIO_PASSWORD',
    ]) {
      expect(error.message).toContain(word);
    }
    // The subscription key and base URL are optional: never reported as missing.
    expect(error.message).not.toContain('subscriptionKey');
    expect(error.message).not.toContain('REVIO_BASE_URL');
  });

  it('names only what is missing, and treats an empty variable as missing', () => {
    clearRevioEnv();
    vi.stubEnv('REVIO_USERNAME', 'env_user');
    vi.stubEnv('REVIO_PASSWORD', '');
    expect(() => new RevioClient({ clientCode: 'acme' })).toThrow(MissingOptionsError);
    try {
      new RevioClient({ clientCode: 'acme' });
    } catch (error) {
      expect((error as MissingOptionsError).missing).toEqual([{ option: 'password', env: 'REVIO_PASSWORD' }]);
      expect((error as Error).message).toMatch(/password \(or the REVIO_PASSWORD environment variable\)/);
      expect((error as Error).message).not.toMatch(/username|clientCode/);
    }
  });

  it('sends Authorization: Basic base64(user@clientCode:password) and the subscription key', async () => {
    const server = await startServer((_request, response) => sendJson(response, 200, customer));
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });

    await client.customers.get(1001);
    await client.customers.list({ page_size: 1 });

    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe(expectedAuthorization);
      // Decoded back, the user part carries the client code after an `@`; the password keeps its `:`.
      const decoded = Buffer.from(request.headers.authorization!.slice('Basic '.length), 'base64').toString('utf8');
      expect(decoded).toBe('api_user@acme_sandbox:pa:ss-wörd');
      expect(request.headers['ocp-apim-subscription-key']).toBe('sub-key-123');
    }
  });

  it('sends no Ocp-Apim-Subscription-Key header when no key is configured', async () => {
    const server = await startServer((_request, response) => sendJson(response, 200, customer));
    clearRevioEnv();
    const { subscriptionKey: _left_out, ...withoutKey } = credentials;
    const client = new RevioClient({ ...withoutKey, baseUrl: server.baseUrl });

    await client.customers.get(1001);

    expect(server.requests[0]?.headers.authorization).toBe(expectedAuthorization);
    expect(server.requests[0]?.headers).not.toHaveProperty('ocp-apim-subscription-key');
  });

  it('defaults the base URL to https://api.revioapi.com/v1 (seen through the fetch option)', async () => {
    clearRevioEnv();
    const urls: string[] = [];
    const client = new RevioClient({
      ...credentials,
      fetch: async (input) => {
        urls.push(input);
        return new Response(JSON.stringify(customer), { headers: { 'content-type': 'application/json' } });
      },
    });
    await client.customers.get(1001);
    expect(urls).toEqual(['https://api.revioapi.com/v1/Customers/1001']);
  });

  it('keeps the credentials out of console.log, util.inspect and JSON.stringify of the client', () => {
    const client = new RevioClient({ ...credentials, baseUrl: 'http://127.0.0.1:9/v1' });
    // Resources point back at the client, so plain JSON.stringify(client) throws on the cycle; a
    // cycle-skipping replacer still walks every enumerable field.
    const seen = new WeakSet<object>();
    const json = JSON.stringify(client, (_key, value: unknown) => {
      if (typeof value === 'object' && value !== null) {
        if (seen.has(value)) return '[cycle]';
        seen.add(value);
      }
      return value;
    });
    expect(json).toContain('customers'); // the walk really reached the resources
    const shown = [inspect(client, { depth: 10, showHidden: true }), json].join('\n');
    for (const secret of [credentials.password, credentials.subscriptionKey, expectedAuthorization.slice(6)]) {
      expect(shown).not.toContain(secret);
    }
  });
});
