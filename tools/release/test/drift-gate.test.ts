/**
 * The drift gate of .ci/run on a real generated package: generated and committed, then hand-edited and
 * committed; regenerating (as the tests do) puts the generator's output back, and the gate fails on it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sdkgen = path.join(repoRoot, 'packages/generator/bin/sdkgen.js');
const gate = path.join(repoRoot, 'tools/scripts/drift-gate.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'drift-gate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.test', ...args], { cwd: dir });
}
function generate(): void {
  execFileSync(process.execPath, [sdkgen, 'generate', '--config', 'sdkgen.config.json'], { cwd: dir });
}
function runGate(after?: string) {
  const args = [gate, '--root', dir, ...(after === undefined ? [] : ['--after', after])];
  const { status, stdout } = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return { status, stdout };
}

describe('the drift gate', () => {
  it('passes on committed output that the generator reproduces', () => {
    copyFileSync(path.join(repoRoot, 'packages/generator/test/fixtures/petstore.yaml'), path.join(dir, 'api.yaml'));
    writeFileSync(path.join(dir, 'sdkgen.config.json'), JSON.stringify({ sdks: [{ spec: 'api.yaml', out: 'pets' }] }));
    git('init', '--quiet');
    generate();
    git('add', '.');
    git('commit', '--quiet', '-m', 'generated');
    generate();
    expect(runGate('7 passed, 0 failed')).toEqual({
      status: 0,
      stdout: 'drift gate: pets match the commit\n8 passed, 0 failed\n',
    });
  });

  it('fails, naming the file, when a hand edit to a generated file was committed', () => {
    const file = path.join(dir, 'pets/src/core.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nexport const handEdit = 1;\n`);
    git('commit', '--quiet', '-am', 'hand edit');
    generate();
    const { status, stdout } = runGate('7 passed, 0 failed');
    expect(status).toBe(1);
    expect(stdout).toContain(' M pets/src/core.ts\n');
    expect(stdout).toMatch(/drift gate: the files above differ from the commit .*run `npm run generate`/);
    expect(stdout.endsWith('7 passed, 1 failed\n')).toBe(true);
  });

  it('fails on a file the generator wrote that was never committed', () => {
    git('checkout', '--quiet', '--', '.');
    git('rm', '--quiet', '--cached', 'pets/README.md');
    git('commit', '--quiet', '-m', 'README.md left out');
    const { status, stdout } = runGate();
    expect(status).toBe(1);
    expect(stdout).toContain('?? pets/README.md\n');
  });
});
