/** A broken example fails the check, and the failure names the example's own file, line and column. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleProblems } from '../src/check.js';
import { markdownExamples, sourceExamples } from '../src/extract.js';

const CLIENT_DIR = path.resolve(import.meta.dirname, '../../../packages/client');
const TARGET = { name: '@revio-sdk/client', dir: CLIENT_DIR, clientName: 'RevioClient' };
const WORK_DIR = path.join(import.meta.dirname, '..', '.out', 'broken-example');

const README = [
  '# A page',
  '',
  '```ts',
  "import { RevioClient } from '@revio-sdk/client';",
  '',
  'const client = new RevioClient();',
  "await client.customers.get('not a number');",
  '```',
  '',
  '```sh',
  'this is not TypeScript and is not checked',
  '```',
  '',
  '```ts',
  'await client.customers.nope();',
  '```',
].join('\n');

const SOURCE = [
  'export class Thing {',
  '  /**',
  '   * Gets a customer.',
  '   * @param id - the id',
  '   * @example',
  '   * ```ts',
  '   * const customer = await client.customers.get(1001);',
  "   * await client.customers.get('1001');",
  '   * ```',
  '   * @returns the customer',
  '   */',
  '  get() {}',
  '}',
].join('\n');

describe('a broken example', () => {
  it('fails with its place in the README: a wrong argument, and a fragment calling a missing method', () => {
    const problems = exampleProblems(markdownExamples('docs/page.md', README), TARGET, WORK_DIR);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^docs\/page\.md:7:\d+: Argument of type 'string' is not assignable/);
    expect(problems[1]).toMatch(/^docs\/page\.md:15:\d+: Property 'nope' does not exist/);
  });

  it('fails with its place in the source file for an @example', () => {
    const examples = sourceExamples('src/thing.ts', SOURCE);
    expect(examples).toEqual([
      {
        file: 'src/thing.ts',
        line: 7,
        code: "const customer = await client.customers.get(1001);\nawait client.customers.get('1001');",
      },
    ]);
    const problems = exampleProblems(examples, TARGET, WORK_DIR);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^src\/thing\.ts:8:28: Argument of type 'string' is not assignable/);
  });

  it('passes once fixed', () => {
    const fixed = README.replace("'not a number'", '1001').replace('nope()', 'get(1001)');
    expect(exampleProblems(markdownExamples('docs/page.md', fixed), TARGET, WORK_DIR)).toEqual([]);
  });
});
