import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { GeneratedFile } from '../../src/emit/file.js';

/** `packages/generator/.tmp`: inside the workspace, so `@revio-sdk/runtime` resolves; gitignored. */
const TMP = join(dirname(fileURLToPath(import.meta.url)), '../../.tmp');

/** Writes a generated package (plus extra files, e.g. tests) to `.tmp/<name>`, replacing what was there. */
export function writePackage(name: string, files: readonly GeneratedFile[]): string {
  const directory = join(TMP, name);
  rmSync(directory, { recursive: true, force: true });
  for (const file of files) {
    const path = join(directory, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents);
  }
  return directory;
}

/** Type-checks a package with its own tsconfig.json, as `tsc -p <dir> --noEmit` would; returns the errors. */
export function typeCheck(directory: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(directory, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`Cannot read ${directory}/tsconfig.json`);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}:${line + 1}:${character + 1} ${message}`;
  });
}
