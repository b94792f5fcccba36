import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyPlan,
  commitPlan,
  pendingWrites,
  repairInterruptedWrites,
  stageFiles,
  type WritePlan,
} from '../../src/write/write-journal.js';
import { generated, snapshotDir } from '../fixtures/output-dir.js';
import { tempDir } from '../fixtures/temp-dir.js';

const OLD = { 'out/src/a.ts': generated('a v1'), 'out/src/gone.ts': generated('gone'), 'out/notes.md': 'mine' };
const NEW_A = generated('a v2');
const PLAN: WritePlan = { move: ['src/a.ts', 'src/b/c.ts'], remove: ['src/gone.ts'] };

/** An output holding OLD, with the new `src/a.ts` and `src/b/c.ts` staged beside it. */
async function staged(): Promise<{ parent: string; out: string; stagingDir: string }> {
  const parent = await tempDir(OLD);
  const out = path.join(parent, 'out');
  const stagingDir = await stageFiles(out, [
    { path: 'src/a.ts', contents: NEW_A },
    { path: 'src/b/c.ts', contents: generated('c') },
  ]);
  return { parent, out, stagingDir };
}

const NEW_OUTPUT = { 'out/src/a.ts': NEW_A, 'out/src/b/c.ts': generated('c'), 'out/notes.md': 'mine' };

describe('write journal', () => {
  it('commits, then moves staged files in, removes stale ones and deletes the staging directory', async () => {
    const { parent, out, stagingDir } = await staged();
    await commitPlan(out, stagingDir, PLAN);
    expect(await pendingWrites(out)).toEqual([stagingDir]);
    await applyPlan(out, stagingDir, PLAN);
    expect(await snapshotDir(parent)).toEqual(NEW_OUTPUT);
  });

  it('refuses before the commit point when a hand-written file appeared where a staged one goes', async () => {
    const { parent, out, stagingDir } = await staged();
    await writeFile(path.join(out, 'src/a.ts'), 'written by hand meanwhile');
    await expect(commitPlan(out, stagingDir, PLAN)).rejects.toThrow('src/a.ts exists and was not written by sdkgen');
    expect(await snapshotDir(parent)).toEqual({ ...OLD, 'out/src/a.ts': 'written by hand meanwhile' });
    expect(await pendingWrites(out)).toEqual([]);
  });

  it('keeps, and leaves out of the journal, a stale file that lost its generated header before the commit point', async () => {
    const { parent, out, stagingDir } = await staged();
    await writeFile(path.join(out, 'src/gone.ts'), 'adopted by hand');
    const committed = await commitPlan(out, stagingDir, PLAN);
    expect(committed).toEqual({ move: PLAN.move, remove: [] });
    await applyPlan(out, stagingDir, committed);
    expect(await snapshotDir(parent)).toEqual({ ...NEW_OUTPUT, 'out/src/gone.ts': 'adopted by hand' });
  });

  it('repair deletes a staging directory whose write never reached the commit point', async () => {
    const { parent, out } = await staged();
    expect(await repairInterruptedWrites(out)).toBe(1);
    expect(await snapshotDir(parent)).toEqual(OLD);
  });

  it('repair completes a committed write interrupted halfway, and repeating it changes nothing', async () => {
    const { parent, out, stagingDir } = await staged();
    await commitPlan(out, stagingDir, PLAN);
    // What a crash right after the first move leaves.
    await rename(path.join(stagingDir, 'files/src/a.ts'), path.join(out, 'src/a.ts'));
    expect(await repairInterruptedWrites(out)).toBe(1);
    expect(await snapshotDir(parent)).toEqual(NEW_OUTPUT);
    expect(await repairInterruptedWrites(out)).toBe(0);
    expect(await snapshotDir(parent)).toEqual(NEW_OUTPUT);
  });

  it('repair refuses to replace a hand-written file put in place since the crash, and keeps the journal', async () => {
    const { out, stagingDir } = await staged();
    await commitPlan(out, stagingDir, PLAN);
    await writeFile(path.join(out, 'src/a.ts'), 'written by hand after the crash');
    await expect(repairInterruptedWrites(out)).rejects.toThrow('not written by sdkgen');
    expect(await pendingWrites(out)).toEqual([stagingDir]);
  });
});
