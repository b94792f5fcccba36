import path from 'node:path';
import type { GeneratedFile } from '../emit/file.js';

export type { GeneratedFile };

/**
 * Why a file set cannot be written as it is, one message per bad file: paths must be relative posix
 * paths that stay inside the output directory, appear once, and not also be another file's directory.
 */
export function fileSetProblems(files: readonly GeneratedFile[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { path: file } of files) {
    const normalized = path.posix.normalize(file);
    if (
      file === '' ||
      file.includes('\\') ||
      path.posix.isAbsolute(file) ||
      normalized !== file ||
      file === '.' ||
      file.split('/').includes('..')
    ) {
      problems.push(`${file}: not a relative posix path inside the output directory`);
    } else if (seen.has(file)) {
      problems.push(`${file}: produced twice`);
    } else {
      seen.add(file);
    }
  }
  for (const file of seen) {
    for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) {
      if (seen.has(dir)) problems.push(`${dir}: produced as a file and used as a directory by ${file}`);
    }
  }
  return problems;
}

/** The absolute path of an output file. */
export function outputPath(outDir: string, file: string): string {
  return path.resolve(outDir, ...file.split('/'));
}
