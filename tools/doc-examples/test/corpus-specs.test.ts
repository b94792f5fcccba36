/**
 * Three public specs of the corpus (tools/spec-corpus/specs: a Swagger 2.0 one, parameter styles, an API
 * key): the SDK generated from each has examples that all compile, and docs that say nothing of Rev.io.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@revio-sdk/generator';
import { describe, expect, it } from 'vitest';
import { exampleProblems } from '../src/check.js';
import { clientClassName } from '../src/client-class.js';
import { packageExamples } from '../src/package-examples.js';
import { vendorLeaks } from '../src/vendor-leaks.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const SPECS_DIR = path.join(REPO_ROOT, 'tools', 'spec-corpus', 'specs');
// Inside the repository, so the generated code resolves @revio-sdk/runtime through the workspace.
const OUT_DIR = path.join(import.meta.dirname, '..', '.out');
const SPECS = ['intellifi.nl.json', 'netlify.com.json', 'readme-parameters-style.yaml'];

describe.each(SPECS)('the SDK generated from %s', (spec) => {
  const out = path.join(OUT_DIR, path.parse(spec).name);
  const packageName = `@corpus/${path.parse(spec).name.replace(/\W+/g, '-')}`;
  const generated = generate({ spec: path.join(SPECS_DIR, spec), out, name: packageName, tests: false });

  it('has examples in its README and docs, and every one type-checks', async () => {
    const result = await generated;
    expect(result.ok, JSON.stringify(result.diagnostics.slice(0, 5))).toBe(true);
    const examples = packageExamples(out, OUT_DIR);
    expect(examples.some((example) => example.file.endsWith('README.md'))).toBe(true);
    expect(examples.some((example) => example.file.includes(`${path.sep}docs${path.sep}`))).toBe(true);
    const target = { name: packageName, dir: out, clientName: clientClassName(out) };
    expect(exampleProblems(examples, target, path.join(OUT_DIR, `${path.parse(spec).name}.examples`))).toEqual([]);
  });

  it('has docs that name nothing of Rev.io that the spec does not', async () => {
    expect((await generated).ok).toBe(true);
    expect(vendorLeaks(out, readFileSync(path.join(SPECS_DIR, spec), 'utf8'))).toEqual([]);
  });
});

describe('the vendor-leak check', () => {
  it("finds Rev.io's words in the Rev.io client's docs when the spec does not use them", () => {
    const leaks = vendorLeaks(path.join(REPO_ROOT, 'packages', 'client'), 'openapi: 3.1.0');
    expect(leaks).toContain('README.md: revio');
    expect(leaks).toContain('docs/customers.md: customer');
  });
});
