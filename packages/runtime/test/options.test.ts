import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { MissingOptionsError, derivedEnvVar, resolveOptions } from '../src/index.js';

const specs = {
  username: { env: 'TEST_REVIO_USERNAME', required: true },
  clientCode: { env: 'TEST_REVIO_CLIENT_CODE', required: true },
  password: { env: 'TEST_REVIO_PASSWORD', required: true },
  subscriptionKey: { env: 'TEST_REVIO_SUBSCRIPTION_KEY', required: false },
} as const;

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return expect.fail('expected an error');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('resolveOptions', () => {
  it('prefers explicit options and falls back to environment variables', () => {
    vi.stubEnv('TEST_REVIO_USERNAME', 'env-user');
    vi.stubEnv('TEST_REVIO_CLIENT_CODE', 'env-code');
    vi.stubEnv('TEST_REVIO_PASSWORD', 'env-password');
    const resolved = resolveOptions({ username: 'explicit-user', subscriptionKey: undefined }, specs, 'RevioClient');
    expect(resolved).toEqual({
      username: 'explicit-user',
      clientCode: 'env-code',
      password: 'env-password',
      subscriptionKey: undefined,
    });
    expectTypeOf(resolved.password).toEqualTypeOf<string>();
    expectTypeOf(resolved.subscriptionKey).toEqualTypeOf<string | undefined>();
  });

  it('throws one MissingOptionsError naming every missing option and its environment variable', () => {
    vi.stubEnv('TEST_REVIO_CLIENT_CODE', 'env-code');
    vi.stubEnv('TEST_REVIO_PASSWORD', '');
    const attempt = () => resolveOptions({}, specs, 'RevioClient');
    expect(attempt).toThrow(MissingOptionsError);
    expect(attempt).toThrow(
      'RevioClient is missing required options: username (or the TEST_REVIO_USERNAME environment variable), ' +
        'password (or the TEST_REVIO_PASSWORD environment variable)',
    );
    expect(thrownBy(attempt)).toMatchObject({
      missing: [
        { option: 'username', env: 'TEST_REVIO_USERNAME' },
        { option: 'password', env: 'TEST_REVIO_PASSWORD' },
      ],
    });
  });

  it('derives the environment variable of an option given only as required from the prefix and its name', () => {
    vi.stubEnv('TEST_REVIO_CLIENT_CODE', 'env-code');
    const resolve = () =>
      resolveOptions(
        { username: 'u' },
        { username: true, clientCode: true, baseUrl: false, password: true },
        'RevioClient',
        'TEST_REVIO',
      );
    expect(thrownBy(resolve)).toMatchObject({ missing: [{ option: 'password', env: 'TEST_REVIO_PASSWORD' }] });
    vi.stubEnv('TEST_REVIO_PASSWORD', 'env-password');
    vi.stubEnv('TEST_REVIO_BASE_URL', 'https://api.example.test/v1');
    const resolved = resolve();
    expect(resolved).toEqual({
      username: 'u',
      clientCode: 'env-code',
      baseUrl: 'https://api.example.test/v1',
      password: 'env-password',
    });
    expectTypeOf(resolved.clientCode).toEqualTypeOf<string>();
    expectTypeOf(resolved.baseUrl).toEqualTypeOf<string | undefined>();
  });

  it('reads Deno.env where Deno is the runtime', () => {
    const values: Record<string, string> = {
      TEST_REVIO_USERNAME: 'deno-user',
      TEST_REVIO_CLIENT_CODE: 'c',
      TEST_REVIO_PASSWORD: 'p',
    };
    vi.stubGlobal('Deno', { env: { get: (name: string) => values[name] } });
    expect(resolveOptions({}, specs, 'RevioClient').username).toBe('deno-user');
  });

  it('treats a Deno without env permission as an empty environment', () => {
    vi.stubGlobal('Deno', {
      env: {
        get: () => {
          throw new Error('Requires env access');
        },
      },
    });
    expect(() => resolveOptions({}, specs, 'RevioClient')).toThrow(MissingOptionsError);
  });
});

describe('derivedEnvVar', () => {
  it.each([
    ['clientCode', 'ACME_CLIENT_CODE'],
    ['baseUrl', 'ACME_BASE_URL'],
    ['sessionID', 'ACME_SESSION_ID'],
    ['getHTTPStatus', 'ACME_GET_HTTP_STATUS'],
    ['listAPIs', 'ACME_LIST_APIS'],
    ['apiKey2', 'ACME_API_KEY2'],
    ['default_', 'ACME_DEFAULT'],
  ])('%s -> %s', (option, variable) => {
    expect(derivedEnvVar('ACME', option)).toBe(variable);
  });
});
