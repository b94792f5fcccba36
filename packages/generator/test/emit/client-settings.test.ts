import { describe, expect, it } from 'vitest';
import type { Api } from '../../src/model/types.js';
import { authOptions, baseUrlEnvVar, defaultBaseUrl } from '../../src/emit/client-settings.js';
import { shopApi } from './fixtures/shop-api.js';
import { shopDocument } from './fixtures/shop-document.js';

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
    ['prefix of the auth variables', { given: shopApi, want: 'SHOP_BASE_URL' }],
    ['no auth: prefix from the title', { given: noAuth, want: 'PET_BASE_URL' }],
    [
      'auth variable not following the pattern: title prefix',
      {
        given: { ...noAuth, auth: [{ kind: 'bearer', schemeName: 'b', required: true, option: { name: 'token', envVar: 'SECRET' } }] },
        want: 'PET_BASE_URL',
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(baseUrlEnvVar(given)).toBe(want);
  });
});

describe('defaultBaseUrl', () => {
  it.each<[string, { servers: Api['servers']; document: object; want: string | undefined }]>([
    ['server variables get their defaults', { servers: shopApi.servers, document: shopDocument, want: 'https://eu.shop.example/v1' }],
    ['plain URL', { servers: [{ url: 'https://api.example.com' }], document: {}, want: 'https://api.example.com' }],
    ['unknown variable stays', { servers: [{ url: 'https://{x}.example.com' }], document: {}, want: 'https://{x}.example.com' }],
    ['no server', { servers: [], document: {}, want: undefined }],
  ])('%s', (_name, { servers, document, want }) => {
    expect(defaultBaseUrl({ ...shopApi, servers }, document)).toBe(want);
  });
});
