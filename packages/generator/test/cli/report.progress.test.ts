/**
 * The CLI's stage progress: shown on one rewritten line only when stdout is a terminal (and, for a
 * single --spec, only when the spec is large), never in output that goes to a pipe or a file. The
 * terminal is real: the CLI runs under util-linux `script`, which gives it a pseudo-terminal.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sdkgen } from '../fixtures/sdkgen-cli.js';
import { fixture, tempDir } from '../fixtures/temp-dir.js';

const CLEAR_LINE = '\r\x1b[K';

/** A workspace with the petstore spec (`description` appended to it) and a config generating `pets`. */
async function workspace(description = ''): Promise<string> {
  const spec = (await readFile(fixture('petstore.yaml'), 'utf8')).replace(
    'info: { title: Petstore API, version: 1.0.0 }',
    `info: { title: Petstore API, version: 1.0.0, description: ${JSON.stringify(description)} }`,
  );
  const root = await tempDir({ 'petstore.yaml': spec });
  await writeFile(
    path.join(root, 'sdkgen.config.json'),
    JSON.stringify({ sdks: [{ spec: 'petstore.yaml', out: 'pets' }] }),
  );
  return root;
}

/** `--spec <petstore> --out <pets>` in a fresh workspace. */
async function specArgs(description?: string): Promise<string[]> {
  const root = await workspace(description);
  return ['--spec', path.join(root, 'petstore.yaml'), '--out', path.join(root, 'pets')];
}

const STAGES = ['loading and validating the spec', 'building the model', 'emitting code and docs', 'writing files'];
const SUMMARY = /pets: 2 operations, \d+ files written in \d+\.\d\d s\n$/;

describe.concurrent('sdkgen CLI progress', () => {
  it('on a terminal, shows each stage on one rewritten line with the times of the stages done, clears it, then prints the summary', async () => {
    const { code, stdout } = await sdkgen(
      ['generate', '--config', path.join(await workspace(), 'sdkgen.config.json')],
      { terminal: true },
    );
    expect(code).toBe(0);
    const done = ['', ' \\(load \\d+\\.\\d\\d s\\)', ' \\(load \\S+ s, model \\d+\\.\\d\\d s\\)'];
    done.push(' \\(load \\S+ s, model \\S+ s, emit \\d+\\.\\d\\d s\\)');
    const progress = STAGES.map((label, index) => `\\r\\x1b\\[Ksdkgen: ${label}\\.\\.\\.${done[index]}`).join('');
    expect(stdout).toMatch(new RegExp(`^${progress}\\r\\x1b\\[Ksdkgen: `));
    expect(stdout).toMatch(SUMMARY);
  });

  it('on a pipe, prints only the summary line', async () => {
    const { code, stdout } = await sdkgen(['generate', '--config', path.join(await workspace(), 'sdkgen.config.json')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^sdkgen: \S+pets: 2 operations, \d+ files written in \d+\.\d\d s\n$/);
  });

  it('with --spec on a terminal, shows progress only for a large spec', async () => {
    const small = await sdkgen(['generate', ...(await specArgs())], { terminal: true });
    expect(small.code).toBe(0);
    expect(small.stdout).toMatch(/^sdkgen: 2 operations, \d+ files written in \d+\.\d\d s\n$/);
    const large = await sdkgen(['generate', ...(await specArgs('x'.repeat(1_000_000)))], { terminal: true });
    expect(large.code).toBe(0);
    expect(large.stdout.startsWith(`${CLEAR_LINE}sdkgen: ${STAGES[0]}...`)).toBe(true);
    // eslint-disable-next-line no-control-regex -- the terminal's erase-line sequence is what is asserted
    expect(large.stdout).toMatch(/\r\x1b\[Ksdkgen: 2 operations, \d+ files written in \d+\.\d\d s\n$/);
  });
});
