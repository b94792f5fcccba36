import path from 'node:path';
import type { CreateNodesContextV2, CreateNodesV2, ProjectConfiguration, TargetConfiguration } from '@nx/devkit';
import { describe, expect, it } from 'vitest';
import { createNodesV2 } from '../../nx/plugin.js';
import { tempDir } from '../fixtures/temp-dir.js';

// The plugin is plain JavaScript; this assignment checks its shape against nx's own type.
const plugin: CreateNodesV2 = createNodesV2;

const SPEC = 'openapi: 3.1.0\ninfo: { title: A, version: 1.0.0 }\npaths:\n  /a:\n    $ref: paths/a.yaml\n';

async function projectsOf(workspaceRoot: string, configFile = 'sdkgen.config.json') {
  const context: CreateNodesContextV2 = { workspaceRoot, nxJsonConfiguration: {} };
  const results = await plugin[1]([configFile], undefined, context);
  expect(results.map(([file]) => file)).toEqual([configFile]);
  return (results[0]?.[1].projects ?? {}) as Record<string, ProjectConfiguration>;
}

function target(project: ProjectConfiguration | undefined, name: string): TargetConfiguration {
  const found = project?.targets?.[name];
  if (found === undefined) throw new Error(`no ${name} target`);
  return found;
}

describe('the sdkgen nx plugin', () => {
  it('matches every sdkgen.config.json of the workspace', () => {
    expect(plugin[0]).toBe('**/sdkgen.config.json');
  });

  it('gives each configured SDK a project with cached generate, build, typecheck, lint and test targets', async () => {
    const workspace = await tempDir({
      'sdkgen.config.json': JSON.stringify({
        sdks: [
          { spec: 'specs/a/api.yaml', out: 'packages/a', name: '@x/a' },
          { spec: 'specs/b.yaml', out: 'packages/b', kind: 'webhooks' },
        ],
      }),
      'specs/a/api.yaml': SPEC,
      'specs/a/paths/a.yaml': 'get:\n  responses:\n    "200": { $ref: "../shared.yaml#/components/responses/Ok" }\n',
      'specs/a/shared.yaml': 'components: { responses: { Ok: { description: ok } } }\n',
      'specs/a/unused.yaml': 'not referenced',
      'specs/b.yaml': 'openapi: 3.1.0\n',
    });
    const projects = await projectsOf(workspace);
    expect(Object.keys(projects)).toEqual(['packages/a', 'packages/b']);
    expect(projects['packages/a']).toMatchObject({ name: '@x/a', root: 'packages/a' });
    // Without a name in the config, the project is named after its directory.
    expect(projects['packages/b']?.name).toBe('b');
    for (const name of ['generate', 'build', 'typecheck', 'lint', 'test'])
      expect(target(projects['packages/a'], name).cache, name).toBe(true);

    const generate = target(projects['packages/a'], 'generate');
    // The spec and every file its $refs reach (through other files too), and nothing else of the folder.
    expect(generate.inputs?.filter((input) => typeof input === 'string' && input.includes('/specs/'))).toEqual([
      '{workspaceRoot}/specs/a/api.yaml',
      '{workspaceRoot}/specs/a/paths/a.yaml',
      '{workspaceRoot}/specs/a/shared.yaml',
    ]);
    expect(generate.outputs).toContain('{projectRoot}/src');
    expect(generate.options).toMatchObject({
      sdkgenConfigEntry: JSON.stringify({ spec: 'specs/a/api.yaml', out: 'packages/a', name: '@x/a' }),
    });
    expect(generate.command).toMatch(/ generate --config sdkgen\.config\.json --sdk packages\/a$/);
    expect(target(projects['packages/a'], 'build').outputs).toEqual(['{projectRoot}/dist']);
    expect(target(projects['packages/a'], 'build').dependsOn).toEqual(['^build', 'generate']);
  });

  it("declares the generator's version, templates and build as inputs of generate, and builds it first", async () => {
    // The generator of this repository is a project of the workspace rooted at the repository.
    const repository = path.resolve(import.meta.dirname, '../../../..');
    const projects = await projectsOf(repository);
    const generate = target(projects['packages/client'], 'generate');
    expect(generate.inputs).toEqual(
      expect.arrayContaining([
        '{workspaceRoot}/openapi/revio.yaml',
        '{workspaceRoot}/packages/generator/package.json',
        '{workspaceRoot}/packages/generator/templates/**/*',
        { dependentTasksOutputFiles: '**/*', transitive: false },
      ]),
    );
    expect(generate.dependsOn).toEqual([{ projects: ['@revio-sdk/generator'], target: 'build' }]);
    expect(Object.keys(projects)).toEqual(['packages/client', 'packages/webhooks']);
  });

  it('never caches the generation of a spec behind a URL, whose content nx cannot hash', async () => {
    const workspace = await tempDir({
      'sdkgen.config.json': JSON.stringify({ sdks: [{ spec: 'https://example.test/api.yaml', out: 'remote' }] }),
    });
    const generate = target((await projectsOf(workspace))['remote'], 'generate');
    expect(generate.cache).toBe(false);
    expect(generate.inputs?.some((input) => typeof input === 'string' && input.includes('example.test'))).toBe(false);
  });

  it('finds configs in subfolders and resolves their paths against the config', async () => {
    const workspace = await tempDir({
      'sdks/sdkgen.config.json': JSON.stringify({ sdks: [{ spec: 'api.yaml', out: 'out/a' }] }),
      'sdks/api.yaml': 'openapi: 3.1.0\n',
    });
    const projects = await projectsOf(workspace, 'sdks/sdkgen.config.json');
    expect(Object.keys(projects)).toEqual(['sdks/out/a']);
    expect(target(projects['sdks/out/a'], 'generate').inputs).toContain('{workspaceRoot}/sdks/api.yaml');
  });
});
