/** `sdkgen init`: from flags, from answers piped to its questions, and its refusal of hand-written files. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotDir } from '../fixtures/output-dir.js';
import { sdkgen } from '../fixtures/sdkgen-cli.js';
import { fixture, tempDir } from '../fixtures/temp-dir.js';

async function workspace(files: Record<string, string> = {}): Promise<string> {
  return tempDir({ 'openapi/pets.yaml': await readFile(fixture('petstore.yaml'), 'utf8'), ...files });
}

async function packageName(dir: string): Promise<unknown> {
  return (JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { name: unknown }).name;
}

// One at a time: each test starts a CLI, and several at once time out on a loaded machine.
describe('sdkgen init', () => {
  it('with flags, adds the SDK to the config keeping its formatting, generates it and prints the next commands', async () => {
    const existing = '{\n    "sdks": [\n        { "spec": "openapi/shop.yaml", "out": "packages/shop" }\n    ]\n}\n';
    const root = await workspace({ 'sdkgen.config.json': existing });
    const run = await sdkgen(
      ['init', '--spec', 'openapi/pets.yaml', '--out', 'packages/pets', '--name', '@acme/pets'],
      {
        cwd: root,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await readFile(path.join(root, 'sdkgen.config.json'), 'utf8')).toBe(
      [
        '{',
        '    "sdks": [',
        '        {',
        '            "spec": "openapi/shop.yaml",',
        '            "out": "packages/shop"',
        '        },',
        '        {',
        '            "spec": "openapi/pets.yaml",',
        '            "out": "packages/pets",',
        '            "name": "@acme/pets"',
        '        }',
        '    ]',
        '}',
        '',
      ].join('\n'),
    );
    expect(await packageName(path.join(root, 'packages/pets'))).toBe('@acme/pets');
    expect(run.stdout).toMatch(/^sdkgen: 2 operations, \d+ files written in /);
    expect(run.stdout).toContain('sdkgen: updated sdkgen.config.json with the SDK in packages/pets\nNext:\n');
    expect(run.stdout).toContain('npx sdkgen generate --config sdkgen.config.json --watch');
  });

  it('asks for what the flags leave out, reading the answers from stdin', async () => {
    const root = await workspace();
    const run = await sdkgen(['init'], { cwd: root, input: 'openapi/pets.yaml\npackages/pets\n@acme/pets\n' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'OpenAPI spec (file or http(s) URL): Package directory: npm package name (empty: pets): sdkgen: 2 operations',
    );
    expect(JSON.parse(await readFile(path.join(root, 'sdkgen.config.json'), 'utf8'))).toEqual({
      sdks: [{ spec: 'openapi/pets.yaml', out: 'packages/pets', name: '@acme/pets' }],
    });
    expect(await packageName(path.join(root, 'packages/pets'))).toBe('@acme/pets');
  });

  it('says what is missing when the input ends before the answers', async () => {
    const root = await workspace();
    const run = await sdkgen(['init'], { cwd: root, input: 'openapi/pets.yaml\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('init needs a spec and a package directory');
  });

  it('refuses a directory of hand-written files, changing nothing', async () => {
    const root = await workspace({ 'packages/pets/src/index.ts': 'export const mine = 1;\n' });
    const before = await snapshotDir(root);
    const run = await sdkgen(['init', '--spec', 'openapi/pets.yaml', '--out', 'packages/pets'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'sdkgen: packages/pets holds 1 file(s) sdkgen did not write (src/index.ts); init does not overwrite them: choose an empty directory\n',
    );
    expect(await snapshotDir(root)).toEqual(before);
  });
});
