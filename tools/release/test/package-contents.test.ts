/** What each publishable package puts in its tarball and says about itself, as `npm pack` sees it. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_PACKAGES } from '../src/publish.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const rootLicense = readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8');

describe.each(PUBLISHED_PACKAGES.map((name) => ({ name, dir: path.join(repoRoot, 'packages', name.split('/')[1]!) })))(
  '$name',
  ({ dir }) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;

    it('declares license, repository, engines, sideEffects and files', () => {
      expect(manifest['license']).toBe('MIT');
      expect(manifest['repository']).toMatchObject({
        type: 'git',
        url: expect.stringMatching(/^git\+https:\/\//),
        directory: path.relative(repoRoot, dir),
      });
      expect(manifest['engines']).toMatchObject({ node: expect.stringMatching(/^>=20/) });
      expect(manifest).toHaveProperty('sideEffects');
      expect(manifest['files']).toEqual(expect.arrayContaining(['dist', 'README.md']));
    });

    it('packs the MIT LICENSE of the repo, its CHANGELOG.md and its build', () => {
      const [pack] = JSON.parse(
        execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' }),
      ) as [{ files: { path: string }[] }];
      const files = pack.files.map((file) => file.path);
      expect(files).toEqual(expect.arrayContaining(['LICENSE', 'CHANGELOG.md', 'README.md', 'package.json']));
      expect(files.some((file) => file.startsWith('dist/') && file.endsWith('.d.ts'))).toBe(true);
      expect(readFileSync(path.join(dir, 'LICENSE'), 'utf8')).toBe(rootLicense);
      expect(readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8')).toMatch(/^# @revio-sdk\/\S+\n\n## \d+\.\d+\.\d+\n/);
    });
  },
);

describe('the published packages', () => {
  it('are the Changesets fixed group, which versions them together', () => {
    const config = JSON.parse(readFileSync(path.join(repoRoot, '.changeset/config.json'), 'utf8')) as {
      fixed: string[][];
    };
    expect([...PUBLISHED_PACKAGES].sort()).toEqual([...(config.fixed[0] ?? [])].sort());
  });
});
