import { describe, expect, it } from 'vitest';
import type { Api } from '../../src/model/types.js';
import { authOptions, baseUrlEnvVar, defaultBaseUrl } from '../../src/emit/client-settings.js';
import { shopApi } from './fixtures/shop-api.js';

const noAuth: Api = { ...shopApi, title: 'Pet Store', auth: [] };

describe('authOptions', () => {
  it('lists basic options, then single-option schemes, each name once', () => {
    const api: Api = { ...shopApi, auth: [...shopApi.auth, shopApi.auth[1]!] };
    expect(authOptions(api).map(({ option, required }) => `${option.name}:${required}`)).toEqual([
      'username:true',
      'clientCode:true',
      'password:true',
      'apiKey:false',
    ]);
  });
});

describe('baseUrlEnvVar', () => {
  it.each<[string, { given: Api; want: string }]>([
    ['the API prefix', { given: shopApi, want: 'SHOP_BASE_URL' }],
    ['no auth: still the API prefix', { given: { ...noAuth, envPrefix: 'PETS' }, want: 'PETS_BASE_URL' }],
    [
      'auth variables never decide it',
      {
        given: {
          ...noAuth,
          auth: [{ kind: 'bearer', schemeName: 'b', required: true, option: { name: 'token', envVar: 'OTHER_TOKEN' } }],
        },
        want: 'SHOP_BASE_URL',
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(baseUrlEnvVar(given)).toBe(want);
  });
});

describe('defaultBaseUrl', () => {
  it.each<[string, { servers: Api['servers']; want: string | undefined }]>([
    ["the first server's URL with variable defaults", { servers: shopApi.servers, want: 'https://eu.shop.example/v1' }],
    [
      'later servers are alternatives',
      {
        servers: [
          { url: 'https://a.example', defaultUrl: 'https://a.example' },
          { url: 'https://b.example', defaultUrl: 'https://b.example' },
        ],
        want: 'https://a.example',
      },
    ],
    ['no server', { servers: [], want: undefined }],
  ])('%s', (_name, { servers, want }) => {
    expect(defaultBaseUrl({ ...shopApi, servers })).toBe(want);
  });
});
