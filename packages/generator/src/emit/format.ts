import { readFileSync } from 'node:fs';
import { createFromBuffer, type Formatter } from '@dprint/formatter';
import { getPath } from '@dprint/typescript';
import type { GeneratedFile } from './file.js';

/**
 * dprint's TypeScript plugin (WebAssembly, pinned) with a fixed style, never read from a config file, so the
 * same IR gives the same bytes on every machine: the repo's Prettier style (width 120, single quotes,
 * trailing commas). A type that does not fit breaks one union member, parameter or property per line, so a
 * spec change touches the lines it changes. dprint rather than Prettier: far less CPU time on large
 * clients (see BENCHMARKS.md).
 */
let formatter: Formatter | undefined;

function loadFormatter(): Formatter {
  if (formatter !== undefined) return formatter;
  formatter = createFromBuffer(readFileSync(getPath()));
  formatter.setConfig(
    { lineWidth: 120, indentWidth: 2, useTabs: false, newLineKind: 'lf' },
    {
      quoteStyle: 'alwaysSingle',
      trailingCommas: 'onlyMultiLine',
      'module.sortImportDeclarations': 'maintain',
      'module.sortExportDeclarations': 'maintain',
    },
  );
  return formatter;
}

/** Each file formatted; the WebAssembly module is loaded on first use only. */
export function formatTypeScript(files: readonly GeneratedFile[]): GeneratedFile[] {
  const loaded = loadFormatter();
  return files.map(({ path, contents }) => ({
    path,
    contents: loaded.formatText({ filePath: path, fileText: contents }),
  }));
}
