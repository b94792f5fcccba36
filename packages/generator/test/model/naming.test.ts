import { describe, expect, it } from 'vitest';
import {
  NameScope,
  camelCase,
  coreClassName,
  defaultClientName,
  defaultEnvPrefix,
  isSafeIdentifier,
  kebabCase,
  operationFunctionName,
  pascalCase,
  splitWords,
  toFileName,
  toParamPropertyName,
  toPropertyName,
  toTypeName,
  toVariableName,
} from '../../src/model/naming.js';

describe('splitWords', () => {
  const cases: { given: string; want: string[] }[] = [
    { given: 'customers.list', want: ['customers', 'list'] },
    { given: 'issues/create', want: ['issues', 'create'] },
    { given: 'webhookReceivers', want: ['webhook', 'Receivers'] },
    { given: 'getHTTPStatus', want: ['get', 'HTTP', 'Status'] },
    { given: 'APIs', want: ['APIs'] },
    { given: 'listURLsByID', want: ['list', 'URLs', 'By', 'ID'] },
    { given: 'search.page_size', want: ['search', 'page', 'size'] },
    { given: 'X-Registry-Auth', want: ['X', 'Registry', 'Auth'] },
    { given: 'v2Api', want: ['v2', 'Api'] },
    { given: 'Café Crème', want: ['Cafe', 'Creme'] },
    { given: 'ﬁle²', want: ['file2'] },
    { given: '用户 列表', want: ['用户', '列表'] },
    { given: '🙂 -- 🙂', want: [] },
  ];
  it.each(cases)('$given', ({ given, want }) => expect(splitWords(given)).toEqual(want));
});

describe('case conversions', () => {
  const cases: { given: string; camel: string; pascal: string; kebab: string }[] = [
    {
      given: 'Webhook Receivers',
      camel: 'webhookReceivers',
      pascal: 'WebhookReceivers',
      kebab: 'webhook-receivers',
    },
    { given: 'clientCode', camel: 'clientCode', pascal: 'ClientCode', kebab: 'client-code' },
    {
      given: 'get_files_id',
      camel: 'getFilesId',
      pascal: 'GetFilesId',
      kebab: 'get-files-id',
    },
    { given: 'GitHub', camel: 'gitHub', pascal: 'GitHub', kebab: 'git-hub' },
  ];
  it.each(cases)('$given', ({ given, camel, pascal, kebab }) => {
    expect([camelCase(given), pascalCase(given), kebabCase(given)]).toEqual([camel, pascal, kebab]);
  });
});

describe('safe names', () => {
  const cases: { given: string; property: string; variable: string; type: string; file: string }[] = [
    { given: 'customers', property: 'customers', variable: 'customers', type: 'Customers', file: 'customers' },
    { given: 'delete', property: 'delete', variable: 'delete_', type: 'Delete', file: 'delete' },
    { given: 'class', property: 'class', variable: 'class_', type: 'Class', file: 'class' },
    { given: 'ticket-id', property: 'ticketId', variable: 'ticketId', type: 'TicketId', file: 'ticket-id' },
    { given: 'search.name', property: 'searchName', variable: 'searchName', type: 'SearchName', file: 'search-name' },
    { given: 'a/b/c', property: 'aBC', variable: 'aBC', type: 'ABC', file: 'a-b-c' },
    { given: '2fa', property: '_2fa', variable: '_2fa', type: '_2fa', file: '2fa' },
    { given: '3D Secure', property: '_3DSecure', variable: '_3DSecure', type: '_3DSecure', file: '3-d-secure' },
    { given: 'Ñandú', property: 'nandu', variable: 'nandu', type: 'Nandu', file: 'nandu' },
    { given: '', property: 'fallback', variable: 'fallback', type: 'Fallback', file: 'fallback' },
    { given: '$$$', property: 'fallback', variable: 'fallback', type: 'Fallback', file: 'fallback' },
  ];
  it.each(cases)('"$given"', ({ given, property, variable, type, file }) => {
    expect(toPropertyName(given, 'fallback')).toBe(property);
    expect(toVariableName(given, 'fallback')).toBe(variable);
    expect(toTypeName(given, 'Fallback')).toBe(type);
    expect(toFileName(given, 'fallback')).toBe(file);
    expect(isSafeIdentifier(variable)).toBe(true);
  });
});

describe('isSafeIdentifier', () => {
  const cases: { given: string; want: boolean }[] = [
    { given: 'id', want: true },
    { given: '_id', want: true },
    { given: 'café', want: true },
    { given: 'await', want: false },
    { given: 'undefined', want: false },
    { given: '1a', want: false },
    { given: 'a-b', want: false },
    { given: '', want: false },
  ];
  it.each(cases)('"$given" -> $want', ({ given, want }) => expect(isSafeIdentifier(given)).toBe(want));
});

describe('toParamPropertyName', () => {
  const cases: { given: string; want: string }[] = [
    { given: 'search.name', want: 'search.name' },
    { given: 'X-Request-Id', want: 'X-Request-Id' },
    { given: '__proto__', want: '__proto___' },
    { given: '', want: '_' },
  ];
  it.each(cases)('"$given"', ({ given, want }) => expect(toParamPropertyName(given)).toBe(want));
});

describe('NameScope', () => {
  it('hands out numeric suffixes to later claims of a taken name', () => {
    const scope = new NameScope(['then']);
    expect(['list', 'list', 'then', 'list'].map((name) => scope.claim(name))).toEqual([
      'list',
      'list2',
      'then2',
      'list3',
    ]);
  });

  it('compares case-insensitively when asked (file names)', () => {
    const scope = new NameScope(['index'], true);
    expect(['Customers', 'customers', 'INDEX'].map((name) => scope.claim(name))).toEqual([
      'Customers',
      'customers2',
      'INDEX2',
    ]);
  });

  it('skips candidates whose derived names are not free', () => {
    const scope = new NameScope(['PetsListParams']);
    expect(scope.claim('PetsList', (name) => !scope.has(`${name}Params`))).toBe('PetsList2');
  });
});

describe('defaults from the API title', () => {
  const cases: { title: string; envPrefix: string; clientName: string }[] = [
    { title: 'GitHub v3 REST API', envPrefix: 'GITHUB', clientName: 'GitHubClient' },
    { title: 'Blockfrost.io ~ API Documentation', envPrefix: 'BLOCKFROSTIO', clientName: 'BlockfrostioClient' },
    { title: 'Müller Shop', envPrefix: 'MULLER', clientName: 'MullerClient' },
    { title: "GitHub's v3 REST API", envPrefix: 'GITHUB', clientName: 'GitHubClient' },
    { title: 'Netlify’s API documentation', envPrefix: 'NETLIFY', clientName: 'NetlifyClient' },
    { title: 'Stats API', envPrefix: 'STATS', clientName: 'StatsClient' },
    { title: '3scale API', envPrefix: 'API_3SCALE', clientName: 'Api3scaleClient' },
    { title: '   ', envPrefix: 'API', clientName: 'ApiClient' },
  ];
  it.each(cases)('$title', ({ title, envPrefix, clientName }) => {
    expect(defaultEnvPrefix(title)).toBe(envPrefix);
    expect(defaultClientName(title)).toBe(clientName);
  });
});

describe('names of the core class and the standalone functions', () => {
  it.each([
    ['RevioClient', 'RevioCore'],
    ['Client', 'ClientCore'],
    ['ShopApi', 'ShopApiCore'],
  ])('%s -> %s', (clientName, core) => {
    expect(coreClassName(clientName)).toBe(core);
  });

  it.each([
    ['CustomersGet', 'customersGet'],
    ['V1CustomersList', 'v1CustomersList'],
    ['Delete', 'delete_'],
    ['EncodePath', 'encodePath_'],
    ['RequestPage', 'requestPage_'],
    ['SerializeParams', 'serializeParams_'],
    ['CreatedResult', 'createdResult_'],
    ['_3dModelsGet', '_3dModelsGet'],
  ])('%s -> %s', (typeName, functionName) => {
    expect(operationFunctionName(typeName)).toBe(functionName);
  });
});
