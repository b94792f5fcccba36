/**
 * Type-checks examples as a user's modules would compile: each example is its own ES module importing
 * the generated package by its npm name (and its `/core` and `/funcs` subpaths), resolved to the package's
 * source, under the repository's strict compiler options. An example that imports nothing is a fragment:
 * it gets the client's import and `const client = new <Client>()` in front, as a reader would assume.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { Example } from './extract.js';

/** The generated package the examples use. */
export interface TargetPackage {
  /** npm name the examples import, e.g. `@revio-sdk/client`. */
  name: string;
  /** Its directory, holding `src/index.ts`, `src/core.ts` and `src/funcs/index.ts`. */
  dir: string;
  /** The client class a fragment is given. */
  clientName: string;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Every compiler error of every example, as `file:line:col: message` at the example's own place in its
 * README, docs page or source file; empty when all compile. `workDir` is emptied and receives the modules.
 */
export function exampleProblems(examples: readonly Example[], target: TargetPackage, workDir: string): string[] {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const modules = examples.map((example, index) => {
    const prelude = fragmentPrelude(example.code, target);
    const file = path.join(workDir, `example-${index + 1}.mts`);
    writeFileSync(file, prelude + example.code);
    return { file, example, preludeLines: prelude === '' ? 0 : prelude.split('\n').length - 1 };
  });
  const program = ts.createProgram(
    modules.map(({ file }) => file),
    compilerOptions(target),
  );
  const byFile = new Map(modules.map((module) => [path.resolve(module.file), module]));
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const module = diagnostic.file && byFile.get(path.resolve(diagnostic.file.fileName));
    if (diagnostic.file === undefined || module === undefined) {
      const where = diagnostic.file ? path.relative(REPO_ROOT, diagnostic.file.fileName) : 'tsc';
      return `${where}: ${message}`;
    }
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const { example, preludeLines } = module;
    return `${example.file}:${example.line + line - preludeLines}:${character + 1}: ${message}`;
  });
}

function fragmentPrelude(code: string, { name, clientName }: TargetPackage): string {
  if (/^\s*import\s/m.test(code)) return '';
  return `import { ${clientName} } from '${name}';\nconst client = new ${clientName}();\n`;
}

/** The repository's strict options, with the package name and its subpaths mapped to its source. */
function compilerOptions(target: TargetPackage): ts.CompilerOptions {
  const configPath = path.join(REPO_ROOT, 'tsconfig.base.json');
  const { config } = ts.parseConfigFileTextToJson(configPath, readFileSync(configPath, 'utf8')) as { config: object };
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, REPO_ROOT);
  const source = path.join(target.dir, 'src');
  return {
    ...options,
    noEmit: true,
    declaration: false,
    sourceMap: false,
    // An example may show a value it does not use afterwards.
    noUnusedLocals: false,
    types: [],
    paths: {
      [target.name]: [path.join(source, 'index.ts')],
      [`${target.name}/core`]: [path.join(source, 'core.ts')],
      [`${target.name}/funcs`]: [path.join(source, 'funcs', 'index.ts')],
    },
  };
}
