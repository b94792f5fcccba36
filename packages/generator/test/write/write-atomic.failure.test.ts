import { describe, expect, it, vi } from 'vitest';
import { writeFileSet } from '../../src/write/write-atomic.js';
import { generated, snapshotDir } from '../fixtures/output-dir.js';
import { tempDir } from '../fixtures/temp-dir.js';

/** The name of the staged file whose write fails (the disk is "full" from then on). */
const failure = vi.hoisted(() => ({ onFile: '' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    writeFile: async (...args: Parameters<typeof fs.writeFile>) => {
      if (failure.onFile !== '' && typeof args[0] === 'string' && args[0].endsWith(failure.onFile))
        throw new Error('ENOSPC: no space left on device');
      return fs.writeFile(...args);
    },
  };
});

describe('writeFileSet when writing fails', () => {
  it('leaves the previous output intact and cleans up the staging directory', async () => {
    const parent = await tempDir({
      'out/src/a.ts': generated('a v1'),
      'out/src/b.ts': generated('b v1'),
      'out/src/old.ts': generated('old'),
    });
    const before = await snapshotDir(parent);
    failure.onFile = 'b.ts';
    const result = await writeFileSet(`${parent}/out`, [
      { path: 'src/a.ts', contents: generated('a v2') },
      { path: 'src/b.ts', contents: generated('b v2') },
    ]);
    failure.onFile = '';
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('ENOSPC') }),
    ]);
    expect(await snapshotDir(parent)).toEqual(before);
  });
});
