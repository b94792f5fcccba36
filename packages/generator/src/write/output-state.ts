import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isGenerated } from '../emit/header.js';
import { outputPath, type GeneratedFile } from './file-set.js';

/** How a file set compares with what the output directory holds now. */
export interface OutputState {
  /** Files that do not exist yet. */
  missing: GeneratedFile[];
  /** Generated files whose contents differ. */
  changed: GeneratedFile[];
  /** Paths of files that already hold exactly the new contents. */
  unchanged: string[];
  /** Paths of files in the way that were not generated (no header): never overwritten. */
  handWritten: string[];
  /** Paths of generated files (with the header) that the file set no longer contains. */
  stale: string[];
}

/** Directories never looked into: installed and built artefacts, and dot-directories such as `.git`. */
function isSkippedDirectory(name: string): boolean {
  return name === 'node_modules' || name === 'dist' || name.startsWith('.');
}

/** How far into a file the generated header is looked for (as `isGenerated` does). */
const HEADER_BYTES = 400;

/** The first bytes of a file, where the generated header is. */
export async function startOf(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEADER_BYTES), 0, HEADER_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Posix paths (relative to `outDir`) of every file under it that carries the generated header, or with
 * `generated` false, that does not (files sdkgen did not write). A missing `outDir` has none.
 */
export async function filesIn(outDir: string, generated = true, dir = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(outDir, dir), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: string[] = [];
  for (const entry of entries) {
    const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory() && !isSkippedDirectory(entry.name))
      found.push(...(await filesIn(outDir, generated, relative)));
    if (entry.isFile() && isGenerated(await startOf(path.join(outDir, relative))) === generated) found.push(relative);
  }
  return found;
}

async function currentContents(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Compares `files` with the output directory (which may not exist yet). Reads, never writes. */
export async function readOutputState(outDir: string, files: readonly GeneratedFile[]): Promise<OutputState> {
  const state: OutputState = { missing: [], changed: [], unchanged: [], handWritten: [], stale: [] };
  for (const file of files) {
    const current = await currentContents(outputPath(outDir, file.path));
    if (current === undefined) state.missing.push(file);
    else if (!isGenerated(current)) state.handWritten.push(file.path);
    else if (current === file.contents) state.unchanged.push(file.path);
    else state.changed.push(file);
  }
  const produced = new Set(files.map((file) => file.path));
  state.stale = (await filesIn(outDir)).filter((file) => !produced.has(file)).sort();
  return state;
}
