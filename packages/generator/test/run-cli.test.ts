import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sdkgen } from './fixtures/sdkgen-cli.js';
import { fixture, tempDir } from './fixtures/temp-dir.js';

describe.concurrent('sdkgen CLI', () => {
  it('documents every flag of generate', async () => {
    const { code, stdout } = await sdkgen(['generate', '--help']);
    expect(code).toBe(0);
    for (const flag of [
      '--spec <file|url>',
      '--out <dir>',
      '--name',
      '--client-name',
      '--env-prefix',
      '--config <file>',
      '--check',
      '--no-tests',
      '--watch',
      '--quiet',
      '--verbose',
      '--header <Name: value>',
      '--timeout <seconds>',
    ])
      expect(stdout).toContain(flag);
  });

  it('generates, then checks, ending with a one-line summary (exit 0)', async () => {
    const out = path.join(await tempDir(), 'pets');
    const generated = await sdkgen(['generate', '--spec', fixture('petstore.yaml'), '--out', out]);
    expect(generated).toMatchObject({ code: 0, stderr: '' });
    expect(generated.stdout).toMatch(/^sdkgen: 2 operations, \d+ files written in \d+\.\d\d s\n$/);
    const checked = await sdkgen(['generate', '--spec', fixture('petstore.yaml'), '--out', out, '--check']);
    expect(checked.stdout).toMatch(/^sdkgen: 2 operations, \d+ files up to date in \d+\.\d\d s\n$/);
    expect(JSON.parse(await readFile(path.join(out, 'package.json'), 'utf8'))).toMatchObject({ name: 'pets' });
  });

  it('emits the contract tests unless --no-tests, which removes the ones generated before', async () => {
    const out = path.join(await tempDir(), 'pets');
    await sdkgen(['generate', '--spec', fixture('petstore.yaml'), '--out', out]);
    expect((await readdir(path.join(out, 'test/generated'))).sort()).toEqual([
      'contract.json',
      'contract.test.ts',
      'mock-server.ts',
    ]);
    const withoutTests = await sdkgen(['generate', '--spec', fixture('petstore.yaml'), '--out', out, '--no-tests']);
    expect(withoutTests).toMatchObject({ code: 0, stderr: '' });
    expect(withoutTests.stdout).toContain('3 stale files removed');
    expect(existsSync(path.join(out, 'test/generated'))).toBe(false);
  });

  it('prints each diagnostic as file:line:col pointer: message and exits 1', async () => {
    const { code, stderr, stdout } = await sdkgen([
      'generate',
      '--spec',
      fixture('bad-refs.yaml'),
      '--out',
      await tempDir(),
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${fixture('bad-refs.yaml')}:9:11 #/paths/~1pets/get/parameters/0: Can't resolve $ref '#/components/parameters/Missing'\n`,
    );
    expect(stdout).toMatch(/^sdkgen: 2 errors, nothing written \(\d+\.\d\d s\)\n$/);
  });

  const misuses: { name: string; args: string[] }[] = [
    { name: 'no command', args: [] },
    { name: 'an unknown flag', args: ['generate', '--bogus'] },
    { name: 'no --out', args: ['generate', '--spec', 'a.yaml'] },
    {
      name: 'an invalid client name',
      args: ['generate', '--spec', 'a.yaml', '--out', 'b', '--client-name', 'my-client'],
    },
    {
      name: 'a client name that clashes with a runtime export',
      args: ['generate', '--spec', 'a.yaml', '--out', 'b', '--client-name', 'APIError'],
    },
  ];
  it.each(misuses)('exits 2 on wrong usage: $name', async ({ args }) => {
    expect((await sdkgen([...args])).code).toBe(2);
  });
});
