/**
 * A third SDK through the config alone, in a temporary copy of the workspace: one entry added to
 * sdkgen.config.json gives a project that nx generates, builds and type-checks, and a change to a file its
 * spec `$ref`s makes it, and no other SDK, affected. The copy shares node_modules (by symlinks) and the
 * built generator and runtime, so only the new SDK's own tasks run.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/temp-dir.js';

const run = promisify(execFile);
const REPOSITORY = path.resolve(import.meta.dirname, '../../../..');
const SPEC_DIR = 'tools/spec-corpus/specs/multi-file-external-ref';
const THIRD = { spec: `${SPEC_DIR}/has_external_ref.json`, out: 'packages/third', name: '@revio-sdk/third' };

/** The workspace's files as git sees them (committed and new, ignored ones left out), with the built dists. */
async function copyWorkspace(): Promise<string> {
  const copy = await tempDir();
  const { stdout } = await run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: REPOSITORY,
    maxBuffer: 64 * 1024 * 1024,
  });
  const files = stdout.split('\0').filter((file) => file !== '');
  await Promise.all(
    files.map(async (file) => {
      await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
      await cp(path.join(REPOSITORY, file), path.join(copy, file)).catch(() => undefined); // deleted, not staged
    }),
  );
  for (const dist of ['packages/generator/dist', 'packages/runtime/dist'])
    await cp(path.join(REPOSITORY, dist), path.join(copy, dist), { recursive: true });
  await linkNodeModules(copy);
  return copy;
}

/** node_modules of the copy: each entry links to the workspace's, except the workspace packages, which link into the copy. */
async function linkNodeModules(copy: string): Promise<void> {
  const modules = path.join(copy, 'node_modules');
  await mkdir(path.join(modules, '@revio-sdk'), { recursive: true });
  for (const entry of await readdir(path.join(REPOSITORY, 'node_modules'))) {
    if (entry === '@revio-sdk' || entry === '.cache') continue;
    await symlink(path.join(REPOSITORY, 'node_modules', entry), path.join(modules, entry));
  }
  for (const name of await readdir(path.join(REPOSITORY, 'node_modules/@revio-sdk')))
    await symlink(path.join(copy, 'packages', name), path.join(modules, '@revio-sdk', name));
  for (const name of await readdir(path.join(REPOSITORY, 'packages'))) {
    const nested = path.join(REPOSITORY, 'packages', name, 'node_modules');
    await symlink(nested, path.join(copy, 'packages', name, 'node_modules')).catch(() => undefined); // none
  }
}

describe('a third SDK added to sdkgen.config.json', () => {
  it('is generated, built and type-checked by nx, and only it is affected by a change to its spec', async () => {
    const copy = await copyWorkspace();
    const nx = (...args: string[]) =>
      run('npx', ['nx', ...args], {
        cwd: copy,
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
        maxBuffer: 64 * 1024 * 1024,
      });
    const git = (...args: string[]) =>
      run('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: copy });

    const configPath = path.join(copy, 'sdkgen.config.json');
    const config = JSON.parse(await readFile(configPath, 'utf8')) as { sdks: object[] };
    config.sdks.push(THIRD);
    await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`);

    // The generator and runtime are copied built; their own tasks are not what this test is about.
    await nx('run', `${THIRD.name}:generate`, '--excludeTaskDependencies', '--outputStyle=static');
    await nx(
      'run-many',
      '-t',
      'build',
      'typecheck',
      '-p',
      THIRD.name,
      '--excludeTaskDependencies',
      '--outputStyle=static',
    );
    const built = await readdir(path.join(copy, THIRD.out, 'dist'));
    expect(built).toEqual(expect.arrayContaining(['index.js', 'index.cjs', 'index.d.ts']));

    await git('init', '-q', '-b', 'main');
    await git('add', '-A');
    await git('commit', '-qm', 'base');
    const referenced = path.join(copy, SPEC_DIR, 'external_ref.json');
    const schema = JSON.parse(await readFile(referenced, 'utf8')) as object;
    await writeFile(referenced, JSON.stringify({ ...schema, description: 'changed' }));
    await git('commit', '-qam', 'change a file the third spec $refs');
    const { stdout } = await nx('show', 'projects', '--affected', '--base=HEAD~1', '--head=HEAD', '--json');
    const affected = JSON.parse(stdout) as string[];
    const { stdout: sdkProjects } = await nx('show', 'projects', '--projects', 'tag:sdkgen', '--json');
    expect((JSON.parse(sdkProjects) as string[]).sort()).toEqual([
      '@revio-sdk/client',
      '@revio-sdk/third',
      '@revio-sdk/webhooks',
    ]);
    expect(affected.filter((project) => (JSON.parse(sdkProjects) as string[]).includes(project))).toEqual([THIRD.name]);
    // Nor are the apps on the other SDKs. (Projects whose own inputs hold the corpus, such as the corpus
    // itself and the generator's tests, are affected too, as they should be.)
    for (const app of ['example-app', 'web-app']) expect(affected).not.toContain(app);
    expect(affected).toContain('spec-corpus');
  }, 600_000);
});
