import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../src/temp-dir.js';

describe('tempDir', () => {
  it('makes a new directory each time, holding the files given by posix paths', async () => {
    const [a, b] = [await tempDir({ 'x.txt': 'one', 'nested/deeper/y.txt': 'two' }), await tempDir()];
    expect(a).not.toBe(b);
    expect(await readFile(path.join(a, 'x.txt'), 'utf8')).toBe('one');
    expect(await readFile(path.join(a, 'nested', 'deeper', 'y.txt'), 'utf8')).toBe('two');
  });
});
