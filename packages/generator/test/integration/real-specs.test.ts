import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/load/diagnostics.js';
import { loadSpec } from '../../src/load/load-spec.js';
import { buildModel } from '../../src/model/build-model.js';
import { isSafeIdentifier } from '../../src/model/naming.js';
import { HTTP_METHODS } from '../../src/model/operation-source.js';
import { asNode, entriesOf } from '../../src/model/spec-node.js';
import type { Api } from '../../src/model/types.js';
import { PUBLIC_SPECS } from '../fixtures/temp-dir.js';

function operation(api: Api, method: string, route: string) {
  return api.resources
    .flatMap((resource) => resource.operations.map((op) => ({ resource: resource.propertyName, ...op })))
    .find((op) => op.method === method && op.path === route);
}

/**
 * Every real spec with its operation count (from the corpus MANIFEST) and, for some, a few facts the
 * model must get right on it.
 */
const SPECS: { file: string; operations: number; facts?: (api: Api) => unknown[][] }[] = [
  {
    file: 'github-api.github.com.json',
    operations: 1223,
    facts: (api) => {
      const create = operation(api, 'POST', '/repos/{owner}/{repo}/issues');
      return [
        [create?.resource, create?.methodName, create?.typeName, create?.pathParams.map((param) => param.name)],
        [create?.errors.map((error) => `${error.status} ${error.className}`)],
        [create?.success.status, create?.success.headers.map((header) => header.wireName)],
      ];
    },
  },
  {
    file: 'stripe.com.json',
    operations: 452,
    facts: (api) => {
      const create = operation(api, 'POST', '/v1/customers');
      return [
        [api.auth.map((scheme) => scheme.kind)],
        [create?.resource, create?.body?.kind, create?.hasDefaultError, create?.errors],
      ];
    },
  },
  {
    file: 'box.com.json',
    operations: 260,
    facts: (api) => [[operation(api, 'POST', '/files/content')?.body?.kind]],
  },
  { file: 'vercel.com.json', operations: 113 },
  { file: 'figma-openapi.yaml', operations: 54 },
  { file: 'readme-api.yaml', operations: 54 },
  {
    file: 'okta-swagger2.yaml',
    operations: 340,
    facts: (api) => [[api.openapiVersion, api.auth]],
  },
  {
    file: 'blockfrost-openapi.yaml',
    operations: 129,
    facts: (api) => {
      const txs = operation(api, 'GET', '/blocks/{hash_or_number}/txs');
      return [
        [
          txs?.methodName,
          txs?.operationId,
          txs?.derivedOperationId,
          operation(api, 'GET', '/blocks/{hash_or_number}')?.methodName,
        ],
      ];
    },
  },
  { file: 'docker-engine.json', operations: 105 },
  { file: 'netlify.com.json', operations: 120 },
  { file: 'intellifi.nl.json', operations: 77 },
  { file: 'readme-parameters-style.yaml', operations: 25 },
  { file: 'multi-file-external-ref/has_external_ref.json', operations: 1 },
];

/** `METHOD path` of every operation in the loaded document. */
function documentOperations(document: object): string[] {
  return entriesOf(asNode(document)?.['paths']).flatMap(([route, item]) =>
    HTTP_METHODS.filter((method) => asNode(item)?.[method.toLowerCase()] !== undefined).map(
      (method) => `${method} ${route}`,
    ),
  );
}

function duplicates(names: string[]): string[] {
  return names.filter((name, index) => names.indexOf(name) !== index);
}

/** Names that must be unique or safe, broken ones only (so a failure lists the culprits). */
function namingProblems(api: Api): string[] {
  const operations = api.resources.flatMap((resource) => resource.operations);
  return [
    ...duplicates(api.resources.map((resource) => resource.propertyName)).map((name) => `duplicate resource ${name}`),
    ...duplicates(api.resources.map((resource) => resource.fileName.toLowerCase())).map(
      (name) => `duplicate file ${name}`,
    ),
    ...api.resources.flatMap((resource) =>
      duplicates(resource.operations.map((operation) => operation.methodName)).map(
        (name) => `duplicate method ${resource.propertyName}.${name}`,
      ),
    ),
    ...duplicates([
      ...operations.map((operation) => operation.typeName),
      ...api.schemas.map((schema) => schema.typeName),
      ...api.resources.map((resource) => resource.className),
    ]).map((name) => `duplicate type ${name}`),
    ...operations.flatMap((operation) =>
      operation.pathParams
        .filter((param) => !isSafeIdentifier(param.name))
        .map((param) => `unsafe argument ${param.name}`),
    ),
    ...operations.flatMap((operation) =>
      duplicates(operation.params.map((param) => param.name)).map(
        (name) => `duplicate param ${operation.operationId}.${name}`,
      ),
    ),
  ];
}

/** What `facts` must find, by spec. */
const WANT: Record<string, unknown[][]> = {
  'github-api.github.com.json': [
    ['issues', 'create', 'IssuesCreate', ['owner', 'repo']],
    [
      [
        '400 BadRequestError',
        '403 ForbiddenError',
        '404 NotFoundError',
        '410 GoneError',
        '422 UnprocessableEntityError',
        '503 ServiceUnavailableError',
      ],
    ],
    [201, ['Location']],
  ],
  'stripe.com.json': [[['basic', 'bearer']], ['customers', 'form', true, []]],
  'box.com.json': [['multipart']],
  'okta-swagger2.yaml': [
    [
      '3.0.0',
      [
        {
          kind: 'apiKey',
          schemeName: 'api_token',
          in: 'header',
          wireName: 'Authorization',
          option: { name: 'apiToken', envVar: 'OKTA_API_TOKEN', description: 'SSWS {API Token}' },
          required: false,
        },
      ],
    ],
  ],
  'blockfrost-openapi.yaml': [['getBlocksHashOrNumberTxs', 'getBlocksHashOrNumberTxs', true, 'get']],
};

describe.each(SPECS)('real spec $file', ({ file, operations, facts }) => {
  it('loads without errors and models every operation as a method with safe, unique names', async () => {
    const specPath = path.join(PUBLIC_SPECS, file);
    const loaded = await loadSpec(specPath);
    expect(hasErrors(loaded.diagnostics)).toBe(false);
    const document = loaded.document ?? {};
    const { api } = buildModel(document, { sourceFile: specPath });
    const modelled = api.resources.flatMap((resource) =>
      resource.operations.map((operation) => `${operation.method} ${operation.path}`),
    );
    expect(modelled).toHaveLength(operations);
    expect(modelled.sort()).toEqual(documentOperations(document).sort());
    expect(namingProblems(api)).toEqual([]);
    if (facts !== undefined) expect(facts(api)).toEqual(WANT[file]);
  });
});
