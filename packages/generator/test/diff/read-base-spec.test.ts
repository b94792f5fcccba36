import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/diff.js';
import { tempDir } from '../fixtures/temp-dir.js';
import { sdkgen } from '../fixtures/sdkgen-cli.js';
import { spec } from './diff-fixtures.js';

/** Commits made by the tests, with no user or system git configuration involved. */
const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await promisify(execFile)('git', args, { cwd, env: gitEnv })).stdout.trim();
}

/** A new repository on `main` whose first commit holds `files`. */
async function repository(files: Record<string, string>): Promise<string> {
  const dir = await tempDir(files);
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'add', '.');
  await git(dir, 'commit', '-q', '-m', 'first');
  return dir;
}

/** The items API with `parameters` (YAML flow list) on its list operation. */
function itemsApi(parameters = '[]', more = ''): string {
  return spec(`
paths:
  /items:
    get:
      operationId: items.list
      parameters: ${parameters}
      responses: { "200": { description: OK } }
${more}`);
}

const SPEC = 'openapi/api.yaml';
const expand = '[{ name: expand, in: query, schema: { type: string } }]';

function messages(result: Awaited<ReturnType<typeof diff>>): string[] {
  return result.changes.map((change) => `${change.bump} ${change.message}`);
}

describe('diff against a git ref', () => {
  it("compares the working tree's spec with the spec at the ref, and a later run replaces its own changeset", async () => {
    const kept = '---\n"@acme/shop": minor\n---\n\nReleased with the last spec change.\n';
    const dir = await repository({ [SPEC]: itemsApi(), '.changeset/spec-diff-000000000000.md': kept });
    const options = {
      base: 'HEAD',
      spec: path.join(dir, SPEC),
      name: '@acme/shop',
      changesetDir: path.join(dir, '.changeset'),
    };
    await writeFile(path.join(dir, SPEC), itemsApi(expand));
    const first = await diff(options);
    expect(first).toMatchObject({ ok: true, bump: 'minor', base: expect.stringMatching(/^HEAD \([0-9a-f]{7}\)$/) });
    expect(messages(first)).toEqual(['minor items.list: parameter `expand` added (optional)']);
    expect(first.changeset?.content).toContain('API changes from `openapi/api.yaml`:');

    await writeFile(
      path.join(dir, SPEC),
      itemsApi(
        '[{ name: expand, in: query, schema: { type: string } }, { name: q, in: query, schema: { type: string } }]',
      ),
    );
    const second = await diff(options);
    expect(messages(second)).toEqual([
      'minor items.list: parameter `expand` added (optional)',
      'minor items.list: parameter `q` added (optional)',
    ]);
    // The first run's changeset is new since HEAD: the second one covers it. The committed one stays.
    expect(second.changeset?.replaced).toEqual([first.changeset?.path]);
    expect((await readdir(options.changesetDir)).sort()).toEqual(
      ['spec-diff-000000000000.md', path.basename(second.changeset?.path ?? '')].sort(),
    );
  });

  it('reads every file a multi-file spec refers to as it was at the ref', async () => {
    const api = spec(`
paths:
  /items:
    get:
      operationId: items.list
      responses: { "200": { description: OK, content: { application/json: { schema: { $ref: './schemas/item.yaml' } } } } }`);
    const item = (properties: string) => `type: object\nproperties: ${properties}\n`;
    const dir = await repository({ [SPEC]: api, 'openapi/schemas/item.yaml': item('{ id: { type: string } }') });
    await writeFile(
      path.join(dir, 'openapi/schemas/item.yaml'),
      item('{ id: { type: string }, name: { type: string } }'),
    );
    const result = await diff({ base: 'HEAD', spec: path.join(dir, SPEC), name: '@acme/shop', dryRun: true });
    expect(result.diagnostics).toEqual([]);
    expect(messages(result)).toEqual([expect.stringMatching(/^minor .*property `name` added \(optional\)$/)]);
  });

  it('compares a branch with where it left the base branch, not with what the base branch did since', async () => {
    const dir = await repository({ [SPEC]: itemsApi() });
    await git(dir, 'checkout', '-q', '-b', 'feature');
    await git(dir, 'checkout', '-q', 'main');
    const withCreate = itemsApi(
      '[]',
      '    post: { operationId: items.create, responses: { "201": { description: Created } } }',
    );
    await writeFile(path.join(dir, SPEC), withCreate);
    await git(dir, 'commit', '-q', '-am', 'main adds items.create');
    await git(dir, 'checkout', '-q', 'feature');
    await writeFile(path.join(dir, SPEC), itemsApi(expand));
    const result = await diff({ base: 'main', spec: path.join(dir, SPEC), name: '@acme/shop', dryRun: true });
    expect(result.base).toMatch(/^main \(merge base [0-9a-f]{7}\)$/);
    expect(messages(result)).toEqual(['minor items.list: parameter `expand` added (optional)']);
  });

  it('fails clearly when the ref has no such spec, or is no ref at all', async () => {
    const dir = await repository({ 'README.md': 'empty\n' });
    await writeFile(path.join(dir, 'api.yaml'), itemsApi());
    const missing = await diff({ base: 'HEAD', spec: path.join(dir, 'api.yaml'), name: '@acme/shop' });
    expect(missing.ok).toBe(false);
    expect(missing.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringMatching(/^api\.yaml does not exist at HEAD \([0-9a-f]{7}\)$/),
    ]);
    const unknown = await diff({ base: 'no-such-branch', spec: path.join(dir, 'api.yaml'), name: '@acme/shop' });
    expect(unknown.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      '--base no-such-branch is neither a file nor a git commit',
    ]);
  });

  it('runs from the CLI in the repository, writing into .changeset', async () => {
    const dir = await repository({ [SPEC]: itemsApi() });
    await writeFile(path.join(dir, SPEC), itemsApi(expand));
    const { code, stdout, stderr } = await sdkgen(['diff', '--base', 'HEAD', '--spec', SPEC, '--name', '@acme/shop'], {
      cwd: dir,
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(
      /^minor {2}items\.list: parameter `expand` added \(optional\)\nsdkgen: 1 change since HEAD \([0-9a-f]{7}\) \(1 minor\): minor release; wrote \.changeset\/spec-diff-[0-9a-f]{12}\.md\n$/,
    );
    const [file] = await readdir(path.join(dir, '.changeset'));
    expect(await readFile(path.join(dir, '.changeset', file ?? ''), 'utf8')).toBe(
      '---\n"@acme/shop": minor\n---\n\nAPI changes from `openapi/api.yaml`:\n\nAdditions:\n\n- items.list: parameter `expand` added (optional)\n',
    );
  });
});
