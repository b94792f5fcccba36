import { describe, expect, it } from 'vitest';
import { derivedEnvVar } from '@revio-sdk/runtime';
import type { Api, AuthScheme } from '../../src/model/types.js';
import { authSchemeCall, emitCoreFile, type ClientFileOptions } from '../../src/emit/core-class.js';
import { shopApi } from './fixtures/shop-api.js';
import { HEADER, print } from './print.js';

const options: ClientFileOptions = { clientName: 'ShopClient', runtimePackage: '@acme/runtime', header: HEADER };
const basic = shopApi.auth[0] as Extract<AuthScheme, { kind: 'basic' }>;

describe('authSchemeCall', () => {
  it.each<[string, { given: AuthScheme; want: string }]>([
    [
      'basic with a username template',
      { given: basic, want: 'basicAuth(`${resolved.username}@${resolved.clientCode}`, resolved.password)' },
    ],
    [
      'basic without a template',
      {
        given: { ...basic, usernameTemplate: '{username}' },
        want: 'basicAuth(resolved.username, resolved.password)',
      },
    ],
    [
      'optional basic: no user unless every part is set',
      {
        given: { ...basic, required: false },
        want: 'basicAuth(resolved.username === undefined || resolved.clientCode === undefined ? undefined : `${resolved.username}@${resolved.clientCode}`, resolved.password)',
      },
    ],
    ['apiKey', { given: shopApi.auth[1]!, want: "apiKeyHeader('X-Api-Key', resolved.apiKey)" }],
    [
      'apiKey in a query, name needing escapes',
      {
        given: {
          kind: 'apiKey',
          schemeName: 'k',
          in: 'query',
          wireName: "api'key",
          required: true,
          option: { name: 'key', envVar: 'K' },
        },
        want: "apiKeyQuery('api\\'key', resolved.key)",
      },
    ],
    [
      'bearer',
      {
        given: { kind: 'bearer', schemeName: 'b', required: true, option: { name: 'token', envVar: 'T' } },
        want: 'bearerAuth(resolved.token)',
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(authSchemeCall(given)).toBe(want);
  });
});

describe('emitCoreFile', () => {
  const text = print(emitCoreFile(shopApi, options).structure);

  it('is the client without resources: options resolved in the constructor of ShopCore', () => {
    expect(text).toContain('export class ShopCore extends ClientCore {\n');
    expect(text).toContain('  constructor(options: ShopClientOptions = {}) {\n');
    expect(text).not.toContain('Resource');
  });

  it('declares an options interface over the runtime options, with env vars in the docs', () => {
    expect(text).toContain("export interface ShopClientOptions extends Omit<ClientOptions, 'auth' | 'baseUrl'> {");
    expect(text).toContain(
      '   * Your tenant code.\n   *\n   * Required; defaults to the `SHOP_CLIENT_CODE` environment variable.\n   */\n  clientCode?: string | undefined;',
    );
    expect(text).toContain('Defaults to the `SHOP_BASE_URL` environment variable, then `https://eu.shop.example/v1`.');
  });

  it('resolves options from the environment with the required flags, then calls super', () => {
    expect(text).toContain(
      [
        '    const resolved = resolveOptions(',
        '      options,',
        '      {',
        '        username: true,',
        '        clientCode: true,',
        '        password: true,',
        '        apiKey: false,',
        '        baseUrl: false,',
        '      },',
        "      'ShopClient',",
        "      'SHOP',",
        '    );',
        '    super({',
        '      ...options,',
        "      baseUrl: resolved.baseUrl ?? 'https://eu.shop.example/v1',",
        '      auth: [',
      ].join('\n'),
    );
  });

  it('leaves every environment variable to the runtime, which derives the one the model documents', () => {
    const sessionKey: AuthScheme = {
      kind: 'apiKey',
      schemeName: 'session',
      in: 'header',
      wireName: 'X-Session',
      required: false,
      option: { name: 'sessionID', envVar: derivedEnvVar('SHOP', 'sessionID') },
    };
    const text = print(emitCoreFile({ ...shopApi, auth: [sessionKey] }, options).structure);
    expect(text).toContain(
      "        sessionID: false,\n        baseUrl: false,\n      },\n      'ShopClient',\n      'SHOP',\n    );",
    );
  });

  it('imports the runtime function of each kind of auth scheme the API declares, and no other', () => {
    expect(text).toContain("import { ClientCore, apiKeyHeader, basicAuth, resolveOptions } from '@acme/runtime';");
    expect(text).toContain(
      "        basicAuth(`${resolved.username}@${resolved.clientCode}`, resolved.password),\n        apiKeyHeader('X-Api-Key', resolved.apiKey),\n      ],",
    );
    const bare = print(emitCoreFile({ ...shopApi, auth: [] }, options).structure);
    expect(bare).toContain("import { ClientCore, resolveOptions } from '@acme/runtime';");
  });

  it('requires baseUrl and sends no auth when the API has neither servers nor security', () => {
    const api: Api = { ...shopApi, servers: [], auth: [] };
    const bare = print(emitCoreFile(api, options).structure);
    expect(bare).toContain('        baseUrl: true,\n');
    expect(bare).toContain('      baseUrl: resolved.baseUrl,\n    });');
  });
});
