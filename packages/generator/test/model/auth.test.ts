import { describe, expect, it } from 'vitest';
import type { AuthScheme } from '../../src/model/types.js';
import { modelOf } from '../fixtures/model-fixtures.js';

describe('auth', () => {
  const acme: AuthScheme[] = [
    {
      kind: 'basic',
      schemeName: 'basicAuth',
      options: [
        { name: 'username', envVar: 'ACME_USERNAME' },
        { name: 'clientCode', envVar: 'ACME_CLIENT_CODE' },
        { name: 'password', envVar: 'ACME_PASSWORD' },
      ],
      usernameTemplate: '{username}@{clientCode}',
      passwordOption: 'password',
      required: true,
    },
    {
      kind: 'apiKey',
      schemeName: 'subscriptionKey',
      in: 'header',
      wireName: 'Ocp-Apim-Subscription-Key',
      option: { name: 'subscriptionKey', envVar: 'ACME_SUBSCRIPTION_KEY' },
      required: false,
    },
    { kind: 'bearer', schemeName: 'bearer', option: { name: 'token', envVar: 'ACME_TOKEN' }, required: false },
    {
      kind: 'bearer',
      schemeName: 'oauth',
      option: { name: 'oauthToken', envVar: 'ACME_OAUTH_TOKEN' },
      required: false,
    },
  ];

  it('turns each used scheme into client options; required = in every top-level requirement', async () => {
    const { api } = await modelOf('auth');
    expect(api.auth).toEqual(acme);
  });

  it('takes the environment prefix from the options', async () => {
    const { api } = await modelOf('auth', { envPrefix: 'SHOP' });
    expect(
      api.auth
        .flatMap((scheme) => (scheme.kind === 'basic' ? scheme.options : [scheme.option]))
        .map((option) => option.envVar),
    ).toEqual([
      'SHOP_USERNAME',
      'SHOP_CLIENT_CODE',
      'SHOP_PASSWORD',
      'SHOP_SUBSCRIPTION_KEY',
      'SHOP_TOKEN',
      'SHOP_OAUTH_TOKEN',
    ]);
  });

  it('warns about schemes the client cannot fill in', async () => {
    const { diagnostics } = await modelOf('auth');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        pointer: '#/components/securitySchemes/digest',
        message: expect.stringContaining("http scheme 'digest'"),
      }),
    ]);
  });
});
