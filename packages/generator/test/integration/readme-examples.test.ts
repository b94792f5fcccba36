/**
 * The ```ts examples of the README compile against the package's API, as a user's module importing
 * `@revio-sdk/generator` (mapped to src/index.ts), under the repository's strict compiler options.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/temp-dir.js';

const PACKAGE_DIR = path.resolve(import.meta.dirname, '../..');

async function readmeExamples(): Promise<string[]> {
  const readme = await readFile(path.join(PACKAGE_DIR, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

/** The package's compiler options, and its declaration files (for untyped dependencies). */
function packageConfig(): { options: ts.CompilerOptions; declarations: string[] } {
  const configPath = path.join(PACKAGE_DIR, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  const { options, fileNames } = ts.parseJsonConfigFileContent(config, ts.sys, PACKAGE_DIR);
  const declarations = fileNames.filter((file) => file.endsWith('.d.ts'));
  return {
    declarations,
    options: {
      ...options,
      noEmit: true,
      typeRoots: [path.resolve(PACKAGE_DIR, '../../node_modules/@types')],
      paths: { '@revio-sdk/generator': [path.join(PACKAGE_DIR, 'src/index.ts')] },
    },
  };
}

describe('README examples', () => {
  it('has one for each of generate(), diff() and watch(), and each type-checks', async () => {
    const examples = await readmeExamples();
    for (const api of ['generate(', 'diff(', 'watch(']) expect(examples.some((code) => code.includes(api))).toBe(true);
    const dir = await tempDir();
    // `.mts`: ES modules wherever they are, so the examples' top-level `await` is allowed.
    const files = examples.map((_, index) => path.join(dir, `example-${index + 1}.mts`));
    await Promise.all(examples.map((code, index) => writeFile(files[index]!, code)));
    const { options, declarations } = packageConfig();
    const program = ts.createProgram([...files, ...declarations], options);
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) =>
      ts.formatDiagnostic(diagnostic, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => dir,
        getNewLine: () => '\n',
      }),
    );
    expect(problems).toEqual([]);
  });
});
