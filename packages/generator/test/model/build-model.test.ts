import { readFile } from 'node:fs/promises';
import { parseYaml } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build-model.js';
import type { SpecNode } from '../../src/model/spec-node.js';
import type { Api } from '../../src/model/types.js';
import { modelOf } from '../fixtures/model-fixtures.js';
import { fixture } from '../fixtures/temp-dir.js';

/** `resource.method` names with the path they came from, in IR order. */
function methodTable(api: Api): string[] {
  return api.resources.flatMap((resource) =>
    resource.operations.map(
      (operation) =>
        `${resource.propertyName}.${operation.methodName} ${operation.typeName} <- ${operation.method} ${operation.path}`,
    ),
  );
}

describe('buildModel: resources and operation names', () => {
  it('groups by first tag, else first non-version path segment, sorted; names methods from operationIds', async () => {
    const { api } = await modelOf('grouping');
    expect(methodTable(api)).toEqual([
      'blocks.list BlocksList <- GET /blocks',
      'blocks.list2 BlocksList2 <- PUT /blocks',
      'blocks.constructor2 BlocksConstructor2 <- POST /blocks',
      'blocks.get BlocksGet <- GET /blocks/{hash}',
      'blocks.getBlocksHashTxs BlocksGetBlocksHashTxs <- GET /blocks/{hash}/txs',
      'blocks.list3 BlocksList3 <- GET /v2/pools',
      'customers.list CustomersList <- GET /v1/customers',
      'customers.create CustomersCreate <- POST /v1/customers',
      'customers.getCustomer CustomersGetCustomer <- GET /v1/customers/{id}',
      'issues.create IssuesCreate <- POST /repos/{owner}/{repo}/issues',
      'root.userRolesList RootUserRolesList <- GET /',
      'webhookReceivers.list WebhookReceiversList <- GET /webhook-receivers',
      'webhookReceivers.activate WebhookReceiversActivate <- POST /webhook-receivers/{id}/activate',
    ]);
  });

  it('names each resource once: property, class, file, source tag and its description', async () => {
    const { api } = await modelOf('grouping');
    const { operations: _, ...webhookReceivers } = api.resources.at(-1) ?? { operations: [] };
    expect(webhookReceivers).toEqual({
      propertyName: 'webhookReceivers',
      className: 'WebhookReceiversResource',
      fileName: 'webhook-receivers',
      sourceName: 'Webhook Receivers',
      description: 'Receivers of webhooks.',
    });
  });

  it('derives operationIds from method and path when the spec has none (list/get for collections), and says so', async () => {
    const { api } = await modelOf('grouping');
    const blocks = api.resources[0]?.operations ?? [];
    expect(blocks.map(({ operationId, derivedOperationId }) => [operationId, derivedOperationId])).toEqual([
      ['blocks.list', false],
      ['blocks-list', false],
      ['constructor', false],
      ['getBlocksHash', true],
      ['getBlocksHashTxs', true],
      ['getV2Pools', true],
    ]);
  });

  it('is deterministic: the same names whatever the order of paths in the document', async () => {
    const text = await readFile(fixture('model/grouping.yaml'), 'utf8');
    const document = parseYaml(text) as { paths: Record<string, unknown> };
    const reversed = { ...document, paths: Object.fromEntries(Object.entries(document.paths).reverse()) };
    const model = (given: object) => methodTable(buildModel(given as SpecNode, { sourceFile: 'grouping.yaml' }).api);
    expect(model(reversed)).toEqual(model(document));
  });

  it('reads title, version, description, OpenAPI version and servers as written', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 'T', version: '2.0', description: ' About. ' },
      servers: [{ url: 'https://api.example.com', description: 'Main' }, { url: '/relative' }, { nope: true }],
      paths: {},
    };
    const { api } = buildModel(document, { sourceFile: 'x.yaml' });
    expect(api).toEqual({
      title: 'T',
      version: '2.0',
      description: 'About.',
      openapiVersion: '3.1.0',
      envPrefix: 'T',
      clientName: 'TClient',
      servers: [
        { url: 'https://api.example.com', defaultUrl: 'https://api.example.com', description: 'Main' },
        { url: '/relative', defaultUrl: '/relative' },
      ],
      auth: [],
      resources: [],
      schemas: [],
    });
  });

  it('keeps a server URL template and substitutes the defaults of its variables', () => {
    const document = {
      servers: [
        {
          url: 'https://{region}.example.com/{version}/{tenant}',
          variables: {
            region: { default: 'eu-west', enum: ['eu-west', 'us-east'] },
            version: { default: 'v2' },
            tenant: { enum: ['a'] },
          },
        },
      ],
      paths: {},
    };
    expect(buildModel(document, { sourceFile: 'x.yaml' }).api.servers).toEqual([
      // tenant has no default (invalid, but seen): its placeholder stays
      { url: 'https://{region}.example.com/{version}/{tenant}', defaultUrl: 'https://eu-west.example.com/v2/{tenant}' },
    ]);
  });

  it.each<[string, { envPrefix?: string; want: string }]>([
    ['from the title', { want: 'ACME' }],
    ['configured', { envPrefix: 'SHOP', want: 'SHOP' }],
  ])('envPrefix: %s, shared by every auth option', (_name, { envPrefix, want }) => {
    const document = {
      info: { title: 'Acme Billing API' },
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
      paths: {},
    };
    const { api } = buildModel(document, { sourceFile: 'x.yaml', ...(envPrefix === undefined ? {} : { envPrefix }) });
    expect([api.envPrefix, api.auth.map((scheme) => (scheme.kind === 'basic' ? '' : scheme.option.envVar))]).toEqual([
      want,
      [`${want}_KEY`],
    ]);
  });

  const oddDocuments: { name: string; given: SpecNode }[] = [
    { name: 'empty document', given: {} },
    { name: 'paths is a list', given: { paths: [] } },
    { name: 'path item is a number', given: { paths: { '/a': 5 } } },
    { name: 'operation is a string', given: { paths: { '/a': { get: 'x' } } } },
    { name: 'parameters not a list', given: { paths: { '/a': { get: { parameters: { a: 1 }, responses: [] } } } } },
    {
      name: 'parameter is null',
      given: { paths: { '/a': { parameters: [null], get: { responses: { 200: null } } } } },
    },
    { name: 'ref cycle', given: { paths: { '/a': { $ref: '#/paths/~1b' }, '/b': { $ref: '#/paths/~1a' } } } },
    {
      name: 'odd security',
      given: { security: 'x', components: { securitySchemes: { a: 1, b: { type: 'http' } } }, paths: {} },
    },
    {
      name: 'odd pagination',
      given: { 'x-sdk-pagination': 'yes', paths: { '/a': { get: { 'x-sdk-pagination': [] } } } },
    },
    { name: 'tags not strings', given: { paths: { '/a': { get: { tags: [{}], operationId: 7 } } } } },
    {
      name: 'odd server variables',
      given: { servers: [{ url: '{a}{__proto__}{b}', variables: { a: 5, b: { default: 3 } } }], paths: {} },
    },
  ];
  it.each(oddDocuments)('never throws on odd input: $name', ({ given }) => {
    expect(() => buildModel(given, { sourceFile: 'odd.yaml' })).not.toThrow();
  });
});
