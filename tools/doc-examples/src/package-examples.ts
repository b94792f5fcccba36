import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { markdownExamples, sourceExamples, type Example } from './extract.js';

/**
 * openapi-typescript's output: its `@example` tags are the spec's sample values (`@example 42`), not code.
 */
const SCHEMA_MODULE = path.join('src', 'schema.ts');

/**
 * Every TypeScript example of a generated package: its README, each page under `docs/`, and each
 * `@example` in its source. Files are named relative to `relativeTo`, in a stable order.
 */
export function packageExamples(packageDir: string, relativeTo: string): Example[] {
  const name = (file: string) => path.relative(relativeTo, file);
  const markdown = [path.join(packageDir, 'README.md'), ...filesUnder(path.join(packageDir, 'docs'), '.md')];
  const sources = filesUnder(path.join(packageDir, 'src'), '.ts').filter(
    (file) => path.relative(packageDir, file) !== SCHEMA_MODULE,
  );
  return [
    ...markdown.flatMap((file) => markdownExamples(name(file), readFileSync(file, 'utf8'))),
    ...sources.flatMap((file) => sourceExamples(name(file), readFileSync(file, 'utf8'))),
  ];
}

/** Files ending in `extension` under `dir`, recursively, sorted; none when `dir` does not exist. */
function filesUnder(dir: string, extension: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.endsWith(extension))
    .sort()
    .map((entry) => path.join(dir, entry));
}
