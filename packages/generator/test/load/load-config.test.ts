import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/load/load-config.js';
import { tempDir } from '../fixtures/temp-dir.js';

describe('loadConfig', () => {
  it('resolves spec and out against the config file and keeps the optional fields', async () => {
    const dir = await tempDir({
      'sdkgen.config.json': JSON.stringify({
        sdks: [
          {
            spec: 'openapi/a.yaml',
            out: 'packages/a',
            name: '@x/a',
            clientName: 'AClient',
            envPrefix: 'A',
            license: 'MIT',
            repository: 'git+https://example.test/acme/sdks.git',
          },
          { spec: 'b.json', out: 'b', tests: false },
        ],
      }),
    });
    expect(await loadConfig(path.join(dir, 'sdkgen.config.json'))).toEqual({
      sdks: [
        {
          spec: path.join(dir, 'openapi/a.yaml'),
          out: path.join(dir, 'packages/a'),
          name: '@x/a',
          clientName: 'AClient',
          envPrefix: 'A',
          license: 'MIT',
          // The package's folder in the repository: `out` as seen from the config file.
          repository: { url: 'git+https://example.test/acme/sdks.git', directory: 'packages/a' },
        },
        { spec: path.join(dir, 'b.json'), out: path.join(dir, 'b'), tests: false },
      ],
      diagnostics: [],
    });
  });

  it('keeps a spec URL as it is', async () => {
    const dir = await tempDir({
      'sdkgen.config.json': JSON.stringify({ sdks: [{ spec: 'https://api.example.com/openapi.yaml', out: 'client' }] }),
    });
    expect((await loadConfig(path.join(dir, 'sdkgen.config.json'))).sdks).toEqual([
      { spec: 'https://api.example.com/openapi.yaml', out: path.join(dir, 'client') },
    ]);
  });

  it('keeps absolute spec and out paths as they are', async () => {
    const elsewhere = await tempDir({});
    const dir = await tempDir({
      'sdkgen.config.json': JSON.stringify({
        sdks: [{ spec: path.join(elsewhere, 'api.yaml'), out: path.join(elsewhere, 'client') }],
      }),
    });
    expect((await loadConfig(path.join(dir, 'sdkgen.config.json'))).sdks).toEqual([
      { spec: path.join(elsewhere, 'api.yaml'), out: path.join(elsewhere, 'client') },
    ]);
  });

  const broken: { name: string; given: string; pointer: string }[] = [
    { name: 'not JSON', given: '{ sdks: [] ', pointer: '#' },
    { name: 'no sdks list', given: '{ "sdk": [] }', pointer: '#/sdks' },
    { name: 'an entry without out', given: '{ "sdks": [{ "spec": "a.yaml" }] }', pointer: '#/sdks/0/out' },
    {
      name: 'a non-string option',
      given: '{ "sdks": [{ "spec": "a.yaml", "out": "a", "envPrefix": 3 }] }',
      pointer: '#/sdks/0/envPrefix',
    },
    {
      name: 'a tests switch that is not a boolean',
      given: '{ "sdks": [{ "spec": "a.yaml", "out": "a", "tests": "no" }] }',
      pointer: '#/sdks/0/tests',
    },
    {
      name: 'a client name that is not an identifier',
      given: '{ "sdks": [{ "spec": "a.yaml", "out": "a", "clientName": "my-client" }] }',
      pointer: '#/sdks/0/clientName',
    },
    {
      name: 'a client name that clashes with a runtime export',
      given: '{ "sdks": [{ "spec": "a.yaml", "out": "a", "clientName": "APIError" }] }',
      pointer: '#/sdks/0/clientName',
    },
    {
      name: 'an unusable environment prefix',
      given: '{ "sdks": [{ "spec": "a.yaml", "out": "a" }, { "spec": "b.yaml", "out": "b", "envPrefix": "RE-VIO" }] }',
      pointer: '#/sdks/1/envPrefix',
    },
  ];
  it.each(broken)('reports $name as an error at its pointer', async ({ given, pointer }) => {
    const dir = await tempDir({ 'sdkgen.config.json': given });
    const result = await loadConfig(path.join(dir, 'sdkgen.config.json'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', file: path.join(dir, 'sdkgen.config.json'), pointer }),
    ]);
  });

  it('reports the line and column of the field in the config file', async () => {
    const dir = await tempDir({
      'sdkgen.config.json': JSON.stringify({ sdks: [{ spec: 'a.yaml', out: 'a', clientName: 'APIError' }] }, null, 2),
    });
    const result = await loadConfig(path.join(dir, 'sdkgen.config.json'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ pointer: '#/sdks/0/clientName', line: 6, column: 7 }),
    ]);
  });
});
