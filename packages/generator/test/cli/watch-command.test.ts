/**
 * `sdkgen generate --watch`, spawned as users run it, through three edits: a valid change in a `$ref`ed
 * file, a broken spec (diagnostics, output untouched), the fix. Ctrl-C then stops it cleanly.
 */
import type { ChildProcess } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotDir } from '../fixtures/output-dir.js';
import { finished } from '@revio-sdk/test-utils';
import { startSdkgen } from '../fixtures/sdkgen-cli.js';
import { fixture, tempDir } from '../fixtures/temp-dir.js';

/** Resolves with stdout's next line that matches `pattern` (lines already seen are skipped). */
function lineReader(child: ChildProcess) {
  const lines: string[] = [];
  let buffer = '';
  let waiting: (() => void) | undefined;
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
    waiting?.();
  });
  let seen = 0;
  return async (pattern: RegExp): Promise<string> => {
    for (;;) {
      while (seen < lines.length) {
        const line = lines[seen++]!;
        if (pattern.test(line)) return line;
      }
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  };
}

const SUMMARY = /^sdkgen: \d+ operations?, .* in \d+\.\d\d s$|^sdkgen: \d+ errors?, nothing written/;

describe('sdkgen generate --watch', () => {
  it('regenerates on each edit, keeps the last good output while broken, and stops on SIGINT', async () => {
    const dir = await tempDir();
    const spec = path.join(dir, 'api.yaml');
    const schemas = path.join(dir, 'schemas.yaml');
    const out = path.join(dir, 'pets');
    const petstore = (await readFile(fixture('petstore.yaml'), 'utf8')).replaceAll(
      "'#/components/schemas/Pet'",
      "'./schemas.yaml#/Pet'",
    );
    await writeFile(spec, petstore);
    await writeFile(schemas, 'Pet: { type: object, properties: { id: { type: integer } } }\n');

    const child = startSdkgen(['generate', '--watch', '--spec', spec, '--out', out], { cwd: dir });
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const exited = finished(child);
    const nextLine = lineReader(child);
    try {
      expect(await nextLine(SUMMARY)).toMatch(/^sdkgen: 2 operations, \d+ files written in /);
      await nextLine(/^sdkgen: watching for changes \(Ctrl-C stops\)$/);

      // 1. A valid edit of the $ref'ed file.
      await writeFile(
        schemas,
        'Pet: { type: object, properties: { id: { type: integer }, nickname: { type: string } } }\n',
      );
      expect(await nextLine(SUMMARY)).toMatch(/^sdkgen: 2 operations, \d+ files? written, \d+ unchanged in /);
      expect(await readFile(path.join(out, 'src/schema.ts'), 'utf8')).toContain('nickname');
      const good = await snapshotDir(out);

      // 2. A broken spec: diagnostics, and the output stays as it was.
      await writeFile(spec, `${petstore}\n  broken: [unclosed\n`);
      expect(await nextLine(SUMMARY)).toMatch(/^sdkgen: 1 error, nothing written/);
      expect(stderr.join('')).toMatch(
        new RegExp(`${spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ #: invalid YAML`),
      );
      expect(await snapshotDir(out)).toEqual(good);

      // 3. The fix.
      await writeFile(spec, petstore.replace('operationId: pets.get', 'operationId: pets.fetch'));
      expect(await nextLine(SUMMARY)).toMatch(/^sdkgen: 2 operations, \d+ files? written, \d+ unchanged in /);
      expect(await readFile(path.join(out, 'src/resources/pets.ts'), 'utf8')).toContain('fetch(');
    } finally {
      child.kill('SIGINT');
    }
    const { code, stdout } = await exited;
    expect(code).toBe(0);
    expect(stdout.endsWith('sdkgen: stopped watching\n')).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['api.yaml', 'pets', 'schemas.yaml']);
  });
});
