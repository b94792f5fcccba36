import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isGenerated } from '../emit/header.js';
import { isSkippedDirectory, startOf } from '../write/output-state.js';

/**
 * Posix paths (relative to `dir`) of the files under it that sdkgen did not write (no generated header),
 * skipping what `write/` never touches either (node_modules, dist, dot-directories). A missing `dir` has none.
 */
export async function handWrittenFiles(dir: string, relative = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(dir, relative), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: string[] = [];
  for (const entry of entries) {
    const file = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory() && !isSkippedDirectory(entry.name)) found.push(...(await handWrittenFiles(dir, file)));
    if (entry.isFile() && !isGenerated(await startOf(path.join(dir, file)))) found.push(file);
  }
  return found.sort();
}
