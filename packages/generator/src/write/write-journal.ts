/**
 * Makes a write of many files all-or-nothing across crashes. The new files are staged in a directory
 * beside the output (`.<name>.sdkgen-*`); renaming `journal.json` into that directory is the commit point.
 * Before it, the output is untouched and a leftover staging directory is simply deleted; after it, the
 * journal lists every move and removal, and replaying it (idempotent) completes the new output.
 *
 * A kill after the commit point leaves a mix (each file whole, old or new) until the next run replays the
 * journal: the generated files sit beside hand-written ones in one directory, and switching many entries
 * at once needs renameat2(RENAME_EXCHANGE), which Node does not offer. So every check that could fail
 * runs before the commit point, and after it the output only sees renames and unlinks.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isGenerated } from '../emit/header.js';
import { outputPath, type GeneratedFile } from './file-set.js';
import { startOf } from './output-state.js';

/** What a committed write does to the output directory: posix paths relative to it. */
export interface WritePlan {
  /** Staged files to move into place (new or changed). */
  move: string[];
  /** Stale generated files to delete. */
  remove: string[];
}

const JOURNAL = 'journal.json';
const STAGED_FILES = 'files';

function stagingPrefix(outDir: string): string {
  return `.${path.basename(path.resolve(outDir))}.sdkgen-`;
}

function parentOf(outDir: string): string {
  return path.dirname(path.resolve(outDir));
}

/** Writes `files` into a new staging directory beside `outDir` (same file system, so renames are atomic). */
export async function stageFiles(outDir: string, files: readonly GeneratedFile[]): Promise<string> {
  await mkdir(parentOf(outDir), { recursive: true });
  const dir = await mkdtemp(path.join(parentOf(outDir), stagingPrefix(outDir)));
  try {
    for (const file of files) {
      const target = outputPath(path.join(dir, STAGED_FILES), file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

/**
 * The commit point: from here on the new output is what a crash leads to. Returns the plan as committed
 * (see `checkedPlan`); when it refuses, the staging directory is deleted and the output left as it was.
 */
export async function commitPlan(outDir: string, stagingDir: string, plan: WritePlan): Promise<WritePlan> {
  try {
    const committed = await checkedPlan(outDir, plan);
    const pending = path.join(stagingDir, `${JOURNAL}.tmp`);
    await writeFile(pending, JSON.stringify(committed));
    await rename(pending, path.join(stagingDir, JOURNAL));
    return committed;
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    throw error;
  }
}

/** Carries out a committed plan, then deletes the staging directory. Safe to repeat after a crash. */
export async function applyPlan(outDir: string, stagingDir: string, plan: WritePlan): Promise<void> {
  const madeDirectories = new Set<string>();
  for (const file of plan.move) {
    const target = outputPath(outDir, file);
    if (!madeDirectories.has(path.dirname(target))) {
      await mkdir(path.dirname(target), { recursive: true });
      madeDirectories.add(path.dirname(target));
    }
    try {
      await rename(outputPath(path.join(stagingDir, STAGED_FILES), file), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // moved before a crash
    }
  }
  for (const file of plan.remove) await removeFile(outDir, file);
  await unlink(path.join(stagingDir, JOURNAL));
  await rm(stagingDir, { recursive: true, force: true });
}

/**
 * Finishes writes a crash interrupted (replays committed journals, deletes uncommitted staging
 * directories) and returns how many it found. Every write starts with this.
 */
export async function repairInterruptedWrites(outDir: string): Promise<number> {
  const leftovers = await stagingDirectories(outDir);
  for (const dir of leftovers) {
    const plan = await readPlan(dir);
    if (plan === undefined) {
      await rm(dir, { recursive: true, force: true });
    } else {
      await applyPlan(outDir, dir, await checkedPlan(outDir, plan)); // files may have changed since the crash
    }
  }
  return leftovers.length;
}

/** Staging directories whose journal is committed but not yet applied (`--check` reports them). */
export async function pendingWrites(outDir: string): Promise<string[]> {
  const pending: string[] = [];
  for (const dir of await stagingDirectories(outDir)) if ((await readPlan(dir)) !== undefined) pending.push(dir);
  return pending;
}

async function stagingDirectories(outDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(parentOf(outDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => name.startsWith(stagingPrefix(outDir)))
    .sort()
    .map((name) => path.join(parentOf(outDir), name));
}

/** The committed plan in a staging directory, or undefined when the write never reached its commit point. */
async function readPlan(stagingDir: string): Promise<WritePlan | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(stagingDir, JOURNAL), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const plan = JSON.parse(text) as Partial<WritePlan>;
  const isPathList = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (!isPathList(plan.move) || !isPathList(plan.remove)) throw new Error(`${stagingDir}: unreadable ${JOURNAL}`);
  return plan as WritePlan;
}

/**
 * The plan as it may be carried out now: refused when a hand-written file has appeared where a staged one
 * goes, and without the stale files that no longer carry the generated header (those are kept).
 */
async function checkedPlan(outDir: string, plan: WritePlan): Promise<WritePlan> {
  for (const file of plan.move) {
    const start = await startIfExists(outputPath(outDir, file));
    if (start !== undefined && !isGenerated(start))
      throw new Error(`${outputPath(outDir, file)} exists and was not written by sdkgen; not overwriting it`);
  }
  const remove: string[] = [];
  for (const file of plan.remove) {
    const start = await startIfExists(outputPath(outDir, file));
    if (start === undefined || isGenerated(start)) remove.push(file); // gone: a crash came after, not its parents
  }
  return { move: plan.move, remove };
}

async function startIfExists(file: string): Promise<string | undefined> {
  try {
    return await startOf(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Deletes a stale file (if a crash has not already), then the directories it leaves empty. */
async function removeFile(outDir: string, file: string): Promise<void> {
  try {
    await unlink(outputPath(outDir, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) {
    try {
      await rmdir(outputPath(outDir, dir));
    } catch {
      return; // not empty
    }
  }
}
