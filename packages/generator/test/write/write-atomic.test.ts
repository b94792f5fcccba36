import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileSet } from '../../src/write/write-atomic.js';
import { generated, snapshotDir } from '../fixtures/output-dir.js';
import { tempDir } from '../fixtures/temp-dir.js';

const packageJson = (version: string) => `{\n  "//": "${generated('').trim()}",\n  "version": "${version}"\n}\n`;

describe('writeFileSet', () => {
  it('writes a new output directory', async () => {
    const out = path.join(await tempDir(), 'packages/client');
    const result = await writeFileSet(out, [
      { path: 'src/index.ts', contents: generated('export {};') },
      { path: 'package.json', contents: packageJson('1.0.0') },
    ]);
    expect(result).toEqual({
      written: ['package.json', 'src/index.ts'],
      created: ['package.json', 'src/index.ts'],
      unchanged: [],
      removed: [],
      diagnostics: [],
    });
    expect(await snapshotDir(out)).toEqual({
      'package.json': packageJson('1.0.0'),
      'src/index.ts': generated('export {};'),
    });
  });

  it('overwrites generated files, keeps identical ones, removes stale ones, never touches hand-written files', async () => {
    const out = await tempDir({
      'package.json': packageJson('1.0.0'),
      'src/index.ts': generated('old'),
      'src/same.ts': generated('same'),
      'src/resources/gone.ts': generated('stale'),
      'test/client.test.ts': 'hand-written test',
      'CHANGELOG.md': '# Changelog',
      'project.json': '{}',
      'node_modules/x/index.ts': generated('installed'),
      'dist/index.js': generated('built'),
    });
    const result = await writeFileSet(out, [
      { path: 'package.json', contents: packageJson('1.1.0') },
      { path: 'src/index.ts', contents: generated('new') },
      { path: 'src/same.ts', contents: generated('same') },
    ]);
    expect(result).toEqual({
      written: ['package.json', 'src/index.ts'],
      created: [],
      unchanged: ['src/same.ts'],
      removed: ['src/resources/gone.ts'],
      diagnostics: [],
    });
    expect(await snapshotDir(out)).toEqual({
      'package.json': packageJson('1.1.0'),
      'src/index.ts': generated('new'),
      'src/same.ts': generated('same'),
      'test/client.test.ts': 'hand-written test',
      'CHANGELOG.md': '# Changelog',
      'project.json': '{}',
      'node_modules/x/index.ts': generated('installed'),
      'dist/index.js': generated('built'),
    });
  });

  it('refuses to overwrite a hand-written file, and then writes nothing at all', async () => {
    const out = await tempDir({ 'src/index.ts': 'hand-written', 'src/client.ts': generated('old client') });
    const before = await snapshotDir(out);
    const result = await writeFileSet(out, [
      { path: 'src/client.ts', contents: generated('new client') },
      { path: 'src/index.ts', contents: generated('generated index') },
    ]);
    expect(result.written).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: path.join(out, 'src/index.ts'),
        message: expect.stringContaining('not written by sdkgen'),
      }),
    ]);
    expect(await snapshotDir(out)).toEqual(before);
  });

  it('leaves no staging directory behind', async () => {
    const parent = await tempDir();
    await writeFileSet(path.join(parent, 'out'), [{ path: 'a.ts', contents: generated('a') }]);
    expect(await readdir(parent)).toEqual(['out']);
  });

  const badSets: { name: string; given: string[] }[] = [
    { name: 'an absolute path', given: ['/etc/passwd'] },
    { name: 'a path leaving the directory', given: ['../escape.ts'] },
    { name: 'the directory itself', given: ['..'] },
    { name: 'a Windows path', given: ['src\\index.ts'] },
    { name: 'a duplicate', given: ['a.ts', 'a.ts'] },
    { name: 'a file used as a directory', given: ['a', 'a/b.ts'] },
  ];
  it.each(badSets)('refuses a file set with $name', async ({ given }) => {
    const out = await tempDir({ 'keep.ts': generated('keep') });
    const result = await writeFileSet(
      out,
      given.map((file) => ({ path: file, contents: generated(file) })),
    );
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(await snapshotDir(out)).toEqual({ 'keep.ts': generated('keep') });
  });
});
