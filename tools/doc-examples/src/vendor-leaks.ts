import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Words that belong to the Rev.io API and have no business in another API's docs. */
const REVIO_WORDS = [/rev\.io/i, /revio/i, /customer/i, /clientCode/i];

/**
 * Each `file: word` where a Rev.io word appears in the README or docs/ of the package at `packageDir`
 * although the spec it was generated from (`specText`) never uses it.
 */
export function vendorLeaks(packageDir: string, specText: string): string[] {
  const words = REVIO_WORDS.filter((word) => !word.test(specText));
  const docs = ['README.md', ...readdirSync(path.join(packageDir, 'docs')).map((file) => path.join('docs', file))];
  return docs.flatMap((file) => {
    const text = readFileSync(path.join(packageDir, file), 'utf8');
    return words.filter((word) => word.test(text)).map((word) => `${file}: ${word.source}`);
  });
}
