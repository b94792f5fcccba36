/**
 * Kills a process with SIGKILL at seeded random moments while it writes a new output over an old one.
 * Right after each kill the directory holds the complete old output or the complete new one, unless the
 * kill landed after the commit point: then it holds a committed journal and a mix in which every file is
 * whole (its old or its new bytes), `--check` reports the unfinished write, and the repair every run
 * starts with completes the new output. After the repair it is always complete old or complete new, and
 * the next run writes whatever it is asked to in full. (Why a mix cannot be ruled out: write-journal.ts.)
 */
import { spawn } from 'node:child_process';
import { cp, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkFileSet } from '../../src/write/check.js';
import type { GeneratedFile } from '../../src/write/file-set.js';
import { writeFileSet } from '../../src/write/write-atomic.js';
import { pendingWrites, repairInterruptedWrites } from '../../src/write/write-journal.js';
import { generated, snapshotDir } from '../fixtures/output-dir.js';
import { tempDir } from '../fixtures/temp-dir.js';

const ITERATIONS = 40;
const SEED = 0x19b;

/** mulberry32: a tiny seeded generator, so a failing kill moment can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Old and new outputs that differ in every way a write can: changed, added, removed and unchanged files. */
function fileSets(): { old: GeneratedFile[]; next: GeneratedFile[] } {
  const old: GeneratedFile[] = [];
  const next: GeneratedFile[] = [];
  for (let i = 0; i < 90; i++) {
    const file = `src/resources/r${i}.ts`;
    const body = `export const r${i} = ${'1'.repeat(2000)};`;
    if (i < 60) old.push({ path: file, contents: generated(`${body} // v1`) });
    if (i >= 30) next.push({ path: file, contents: generated(`${body} // v2`) });
  }
  for (let i = 0; i < 10; i++) {
    old.push({ path: `docs/d${i}.md`, contents: generated(`same ${i}`) });
    next.push({ path: `docs/d${i}.md`, contents: generated(`same ${i}`) });
  }
  return { old, next };
}

const HAND_WRITTEN = { 'test/client.test.ts': 'hand-written test', 'project.json': '{}' };

/** Paths whose contents are neither the old nor the new ones (a file missing from both counts as absent). */
function neitherOldNorNew(
  after: Record<string, string>,
  old: Record<string, string>,
  next: Record<string, string>,
): string[] {
  const paths = new Set([...Object.keys(after), ...Object.keys(old), ...Object.keys(next)]);
  return [...paths].filter((file) => after[file] !== old[file] && after[file] !== next[file]);
}

function startWriter(out: string, fileSet: string): { started: Promise<void>; exited: Promise<void>; kill(): void } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'crash-writer.ts'), out, fileSet],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('writing') && resolve());
    child.on('error', reject);
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { started, exited, kill: () => child.kill('SIGKILL') };
}

describe('writeFileSet killed with SIGKILL', () => {
  it(
    `leaves the old or the new output (or whole files and a journal the repair completes), ${ITERATIONS} kills`,
    { timeout: 600_000 },
    async () => {
      const { old, next } = fileSets();
      const work = await tempDir();
      const template = path.join(work, 'template');
      const out = path.join(work, 'out');
      await cp(await tempDir(HAND_WRITTEN), template, { recursive: true });
      expect((await writeFileSet(template, old)).diagnostics).toEqual([]);
      const oldSnapshot = await snapshotDir(template);
      const newSnapshot = { ...oldSnapshot };
      for (const file of old) delete newSnapshot[file.path];
      for (const file of next) newSnapshot[file.path] = file.contents;
      const fileSet = path.join(work, 'next.json');
      await writeFile(fileSet, JSON.stringify(next));

      // An uninterrupted run measures how long the write takes, so kills can be spread over it.
      await cp(template, out, { recursive: true });
      let writer = startWriter(out, fileSet);
      await writer.started;
      const writeStarted = performance.now();
      await writer.exited;
      const writeMs = performance.now() - writeStarted;
      expect(await snapshotDir(out)).toEqual(newSnapshot);

      const random = seededRandom(SEED);
      const outcomes = { old: 0, new: 0, committed: 0 };
      for (let i = 0; i < ITERATIONS; i++) {
        await rm(out, { recursive: true, force: true });
        await cp(template, out, { recursive: true });
        writer = startWriter(out, fileSet);
        await writer.started;
        await new Promise((resolve) => setTimeout(resolve, random() * writeMs * 1.2));
        writer.kill();
        await writer.exited;

        const after = await snapshotDir(out);
        const pending = await pendingWrites(out);
        const state = pending.length > 0 ? 'committed' : isDeepStrictEqual(after, oldSnapshot) ? 'old' : 'new';
        if (state === 'new') expect(after, `kill ${i}: neither old nor new`).toEqual(newSnapshot);
        if (state === 'committed') {
          expect(neitherOldNorNew(after, oldSnapshot, newSnapshot), `kill ${i}: torn or foreign files`).toEqual([]);
          const check = await checkFileSet(out, next);
          expect(
            check.diagnostics.map((diagnostic) => diagnostic.message),
            `kill ${i}: --check`,
          ).toEqual(['an interrupted write is committed but not finished; run generate to finish it']);
        }
        outcomes[state]++;

        await repairInterruptedWrites(out);
        expect(await snapshotDir(out), `kill ${i}, after repair`).toEqual(state === 'old' ? oldSnapshot : newSnapshot);
        expect(await readdir(work), `kill ${i}: no staging directory left`).toEqual(['next.json', 'out', 'template']);

        // The next run, writing either version, leaves exactly that version.
        const [nextRun, nextSnapshot] = i % 2 === 0 ? [next, newSnapshot] : [old, oldSnapshot];
        expect((await writeFileSet(out, nextRun)).diagnostics, `kill ${i}: next run`).toEqual([]);
        expect(await snapshotDir(out), `kill ${i}, after the next run`).toEqual(nextSnapshot);
      }
      console.log(`write-crash: ${ITERATIONS} kills over a ${writeMs.toFixed(0)} ms write:`, outcomes);
    },
  );
});
