/**
 * Every TypeScript example a user of the Rev.io client reads compiles against the generated package:
 * packages/client's README, its docs/ pages and the `@example`s of its source, and the root README.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleProblems } from '../src/check.js';
import { clientClassName } from '../src/client-class.js';
import { markdownExamples } from '../src/extract.js';
import { packageExamples } from '../src/package-examples.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const CLIENT_DIR = path.join(REPO_ROOT, 'packages', 'client');
const WORK_DIR = path.join(import.meta.dirname, '..', '.out', 'revio-client');

describe('the Rev.io client examples', () => {
  const examples = [
    ...packageExamples(CLIENT_DIR, REPO_ROOT),
    ...markdownExamples('README.md', readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')),
  ];

  it('come from the README, every docs page, and the root README', () => {
    const files = new Set(examples.map((example) => example.file));
    expect(files).toContain('README.md');
    expect(files).toContain(path.join('packages', 'client', 'README.md'));
    expect(files).toContain(path.join('packages', 'client', 'docs', 'customers.md'));
    expect(files).toContain(path.join('packages', 'client', 'docs', 'errors.md'));
  });

  it('all type-check against the generated package', () => {
    const target = { name: '@revio-sdk/client', dir: CLIENT_DIR, clientName: clientClassName(CLIENT_DIR) };
    expect(exampleProblems(examples, target, WORK_DIR)).toEqual([]);
  });
});
