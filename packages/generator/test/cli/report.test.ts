/** `--quiet` prints errors only; `--verbose` adds each stage's time and what happened to every file. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sdkgen } from '../fixtures/sdkgen-cli.js';
import { fixture, tempDir } from '../fixtures/temp-dir.js';

const TIME = '\\d+\\.\\d\\d s';

describe('sdkgen generate verbosity', () => {
  it('--quiet prints nothing on success, errors but not warnings on failure', async () => {
    const dir = await tempDir();
    const ok = await sdkgen([
      'generate',
      '--quiet',
      '--spec',
      fixture('untransformable-schema.yaml'),
      '--out',
      path.join(dir, 'a'),
    ]);
    expect(ok).toEqual({ code: 0, stdout: '', stderr: '' });
    const normal = await sdkgen([
      'generate',
      '--spec',
      fixture('untransformable-schema.yaml'),
      '--out',
      path.join(dir, 'b'),
    ]);
    expect(normal.stderr).toContain('warning:');

    const failed = await sdkgen([
      'generate',
      '--quiet',
      '--spec',
      fixture('bad-refs.yaml'),
      '--out',
      path.join(dir, 'c'),
    ]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain("Can't resolve $ref '#/components/parameters/Missing'");
    expect(failed.stderr).not.toContain('warning:');
  });

  it('--verbose prints the time of each stage and every file as new, changed or unchanged', async () => {
    const dir = await tempDir();
    const spec = path.join(dir, 'petstore.yaml');
    const out = path.join(dir, 'pets');
    await writeFile(spec, await readFile(fixture('petstore.yaml'), 'utf8'));
    const first = await sdkgen(['generate', '--verbose', '--spec', spec, '--out', out]);
    expect(first.code).toBe(0);
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^sdkgen: 2 operations, \d+ files written in /);
    expect(lines[1]).toMatch(new RegExp(`^  stages: load ${TIME}, model ${TIME}, emit ${TIME}, write ${TIME}$`));
    expect(lines.slice(2)).toContain('  new       src/index.ts');
    expect(lines.slice(2).every((line) => line.startsWith('  new       '))).toBe(true);

    await writeFile(spec, (await readFile(spec, 'utf8')).replace('operationId: pets.get', 'operationId: pets.fetch'));
    const second = await sdkgen(['generate', '--verbose', '--spec', spec, '--out', out]);
    expect(second.stdout).toContain('\n  changed   src/resources/pets.ts\n');
    expect(second.stdout).toContain('\n  unchanged package.json\n');
  });

  it('refuses --quiet with --verbose', async () => {
    const run = await sdkgen(['generate', '--quiet', '--verbose', '--spec', 'a.yaml', '--out', 'b']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--quiet and --verbose exclude each other');
  });
});
