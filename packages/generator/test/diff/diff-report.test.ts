import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/temp-dir.js';
import { sdkgen } from '../fixtures/sdkgen-cli.js';
import { spec } from './diff-fixtures.js';

const oldSpec = spec(`
paths:
  /items:
    get:
      operationId: items.list
      parameters: [{ name: page, in: query, schema: { type: integer } }]
      responses: { "200": { description: OK, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } } }
  /items/{id}:
    delete:
      operationId: items.delete
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { "204": { description: Deleted } }
components:
  schemas:
    Item: { type: object, properties: { id: { type: string } } }`);

const newSpec = spec(`
paths:
  /items:
    get:
      operationId: items.list
      summary: List items
      parameters: [{ name: page, in: query, schema: { type: integer } }, { name: expand, in: query, schema: { type: string } }]
      responses: { "200": { description: OK, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } } }
components:
  schemas:
    Item: { type: object, properties: { id: { type: string }, name: { type: string } } }`);

const changeLines = [
  'major  items.delete: operation removed (DELETE /items/{id})',
  'minor  items.list: parameter `expand` added (optional)',
  'minor  Item: property `name` added (optional)',
  'patch  items.list: summary changed',
];

async function specFiles(): Promise<string> {
  return tempDir({ 'old.yaml': oldSpec, 'new.yaml': newSpec, 'broken.yaml': 'openapi: 3.1.0\npaths: {' });
}

// Sequential: each run starts the CLI through tsx, which is CPU-heavy on a busy machine.
describe('sdkgen diff', () => {
  it('documents its flags', async () => {
    const { code, stdout } = await sdkgen(['diff', '--help']);
    expect(code).toBe(0);
    for (const flag of [
      '--base <ref|file>',
      '--spec <file>',
      '--name',
      '--config',
      '--changeset-dir',
      '--dry-run',
      '--json',
    ])
      expect(stdout).toContain(flag);
  });

  it('prints the classified changes and the bump, and writes the changeset once', async () => {
    const dir = await specFiles();
    const args = [
      'diff',
      '--base',
      'old.yaml',
      '--spec',
      'new.yaml',
      '--name',
      '@acme/shop',
      '--changeset-dir',
      'changes',
    ];
    const first = await sdkgen(args, { cwd: dir });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1)).toEqual(changeLines);
    expect(lines.at(-1)).toMatch(
      /^sdkgen: 4 changes since old\.yaml \(1 major, 2 minor, 1 patch\): major release; wrote changes\/spec-diff-[0-9a-f]{12}\.md$/,
    );

    const files = await readdir(path.join(dir, 'changes'));
    expect(files).toHaveLength(1);
    const changeset = await readFile(path.join(dir, 'changes', files[0] ?? ''), 'utf8');
    expect(changeset.startsWith('---\n"@acme/shop": major\n---\n\nAPI changes from `new.yaml`:\n')).toBe(true);
    for (const line of changeLines) expect(changeset).toContain(`\n- ${line.slice(7)}\n`);

    const again = await sdkgen(args, { cwd: dir });
    expect(again.stdout).toContain(`changes/${files[0] ?? ''} is already there`);
    expect(await readdir(path.join(dir, 'changes'))).toEqual(files);
  });

  it('writes nothing with --dry-run, and prints JSON with --json', async () => {
    const dir = await specFiles();
    const { code, stdout } = await sdkgen(
      ['diff', '--base', 'old.yaml', '--spec', 'new.yaml', '--name', '@acme/shop', '--dry-run', '--json'],
      { cwd: dir },
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      bump: string;
      changes: { bump: string; message: string; kind: string }[];
      changeset: { path: string; written: boolean };
    };
    expect(result.bump).toBe('major');
    expect(result.changes.map((change) => `${change.bump.padEnd(5)}  ${change.message}`)).toEqual(changeLines);
    expect(result.changes[0]?.kind).toBe('operation-removed');
    expect(result.changeset).toMatchObject({ written: false, path: expect.stringMatching(/^\.changeset\/spec-diff-/) });
    expect(await readdir(dir)).not.toContain('.changeset');
  });

  it('exits 1 with the diagnostics when a spec cannot be loaded', async () => {
    const dir = await specFiles();
    const { code, stderr, stdout } = await sdkgen(
      ['diff', '--base', 'broken.yaml', '--spec', 'new.yaml', '--name', '@acme/shop'],
      { cwd: dir },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/^broken\.yaml:\d+:\d+ #: invalid YAML/);
    expect(stdout).toBe('sdkgen: 1 error, nothing compared\n');
  });

  it('exits 2 on wrong usage', async () => {
    expect((await sdkgen(['diff', '--base', 'old.yaml', '--spec', 'new.yaml'])).code).toBe(2);
  });
});
