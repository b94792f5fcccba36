import { describe, expect, it } from 'vitest';
import { checkFileSet } from '../../src/write/check.js';
import { generated, snapshotDir } from '../fixtures/output-dir.js';
import { tempDir } from '../fixtures/temp-dir.js';

describe('checkFileSet', () => {
  it('lists every file that differs, is missing or is stale, and writes nothing', async () => {
    const out = await tempDir({
      'src/same.ts': generated('same'),
      'src/changed.ts': generated('old'),
      'src/hand.ts': 'hand-written',
      'src/stale.ts': generated('stale'),
      'README.md': '# not generated',
    });
    const before = await snapshotDir(out);
    const result = await checkFileSet(out, [
      { path: 'src/same.ts', contents: generated('same') },
      { path: 'src/changed.ts', contents: generated('new') },
      { path: 'src/hand.ts', contents: generated('hand') },
      { path: 'src/new.ts', contents: generated('new') },
    ]);
    expect(result).toEqual({
      differences: [
        { path: 'src/changed.ts', kind: 'differs' },
        { path: 'src/hand.ts', kind: 'differs' },
        { path: 'src/new.ts', kind: 'missing' },
        { path: 'src/stale.ts', kind: 'stale' },
      ],
      diagnostics: [],
    });
    expect(await snapshotDir(out)).toEqual(before);
  });

  it('finds nothing when the output is up to date, or every file missing when there is no output', async () => {
    const files = [{ path: 'a.ts', contents: generated('a') }];
    expect((await checkFileSet(await tempDir({ 'a.ts': generated('a') }), files)).differences).toEqual([]);
    expect((await checkFileSet(`${await tempDir()}/nowhere`, files)).differences).toEqual([
      { path: 'a.ts', kind: 'missing' },
    ]);
  });
});
