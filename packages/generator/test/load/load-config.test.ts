import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { generateFromConfig } from '../../src/index.js';
import { loadConfig } from '../../src/load/load-config.js';
import { tempDir } from '../fixtures/temp-dir.js';

const SPEC = 'openapi: 3.1.0\ninfo: { title: A, version: 1.0.0 }\npaths: {}\n';

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
      'openapi/a.yaml': SPEC,
      'b.json': '{}',
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
    const dir = await tempDir({ 'sdkgen.config.json': given, 'a.yaml': SPEC, 'b.yaml': SPEC });
    const result = await loadConfig(path.join(dir, 'sdkgen.config.json'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', file: path.join(dir, 'sdkgen.config.json'), pointer }),
    ]);
  });

  const conflicting: { name: string; sdks: object[]; pointer: string; message: string }[] = [
    {
      name: 'a spec that does not exist',
      sdks: [{ spec: 'missing.yaml', out: 'a' }],
      pointer: '#/sdks/0/spec',
      message: 'the spec missing.yaml does not exist',
    },
    {
      name: 'two SDKs with one package name',
      sdks: [
        { spec: 'a.yaml', out: 'a', name: '@x/a' },
        { spec: 'a.yaml', out: 'b', name: '@x/a' },
      ],
      pointer: '#/sdks/1/name',
      message: 'the SDK at #/sdks/0 has the same "name"',
    },
    {
      name: 'two SDKs writing into one directory',
      sdks: [
        { spec: 'a.yaml', out: 'packages/a' },
        { spec: 'a.yaml', out: 'packages/x/../a', kind: 'webhooks' },
      ],
      pointer: '#/sdks/1/out',
      message: 'the SDK at #/sdks/0 has the same "out"',
    },
    {
      name: 'an output directory outside the workspace',
      sdks: [{ spec: 'a.yaml', out: '../elsewhere' }],
      pointer: '#/sdks/0/out',
      message: 'is not inside',
    },
    {
      name: 'a field the config does not have',
      sdks: [{ spec: 'a.yaml', out: 'a', output: 'b' }],
      pointer: '#/sdks/0/output',
      message: 'unknown field "output"',
    },
    {
      name: 'a kind that is not client or webhooks',
      sdks: [{ spec: 'a.yaml', out: 'a', kind: 'server' }],
      pointer: '#/sdks/0/kind',
      message: '"kind" must be "client" or "webhooks"',
    },
  ];
  it.each(conflicting)('reports $name, naming the entry', async ({ sdks, pointer, message }) => {
    const dir = await tempDir({ 'sdkgen.config.json': JSON.stringify({ sdks }), 'a.yaml': SPEC });
    const result = await loadConfig(path.join(dir, 'sdkgen.config.json'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', pointer, message: expect.stringContaining(message) }),
    ]);
  });

  it('generates nothing when an entry is wrong, not even the SDKs whose entries are right', async () => {
    const dir = await tempDir({
      'sdkgen.config.json': JSON.stringify({
        sdks: [
          { spec: 'a.yaml', out: 'good' },
          { spec: 'missing.yaml', out: 'bad' },
        ],
      }),
      'a.yaml': SPEC,
    });
    const { results, diagnostics } = await generateFromConfig(path.join(dir, 'sdkgen.config.json'));
    expect(results).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ pointer: '#/sdks/1/spec' })]);
    expect(existsSync(path.join(dir, 'good'))).toBe(false);
  });

  it("accepts the repository's own config, which the JSON Schema also accepts", async () => {
    const configPath = path.resolve(import.meta.dirname, '../../../../sdkgen.config.json');
    expect((await loadConfig(configPath)).diagnostics).toEqual([]);
    const schema = JSON.parse(
      await readFile(path.resolve(import.meta.dirname, '../../sdkgen.config.schema.json'), 'utf8'),
    ) as object;
    const validate = new Ajv2020({ strict: true }).compile(schema);
    expect(validate(JSON.parse(await readFile(configPath, 'utf8')))).toBe(true);
    expect(validate({ sdks: [{ spec: 'a.yaml', out: 'a', kind: 'server' }] })).toBe(false);
  });

  it('reports the line and column of the field in the config file', async () => {
    const dir = await tempDir({
      'sdkgen.config.json': JSON.stringify({ sdks: [{ spec: 'a.yaml', out: 'a', clientName: 'APIError' }] }, null, 2),
      'a.yaml': SPEC,
    });
    const result = await loadConfig(path.join(dir, 'sdkgen.config.json'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ pointer: '#/sdks/0/clientName', line: 6, column: 7 }),
    ]);
  });
});
