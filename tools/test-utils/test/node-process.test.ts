import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../src/node-process.js';
import { tempDir } from '../src/temp-dir.js';

const SCRIPT = `
const input: string = await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk: Buffer) => (text += chunk.toString()));
  process.stdin.on('end', () => resolve(text));
});
process.stdout.write(\`args=\${process.argv.slice(2).join(' ')} cwd=\${process.cwd()} env=\${process.env['GREETING']}\\n\`);
process.stderr.write(\`input=\${input}\\n\`);
process.exitCode = 3;
`;

describe('runScript', () => {
  it('runs a TypeScript file and returns its exit code, stdout and stderr', async () => {
    const dir = await tempDir();
    const script = path.join(dir, 'script.mts');
    await writeFile(script, SCRIPT);
    const run = await runScript(script, ['a', 'b c'], { cwd: dir, env: { GREETING: 'hi' }, input: 'typed' });
    expect(run).toEqual({ code: 3, stdout: `args=a b c cwd=${dir} env=hi\n`, stderr: 'input=typed\n' });
  });
});
