import { createRequire } from 'node:module';
import { getAstNodeByPointer, type Source } from '@redocly/openapi-core';
import { valueAtPointer } from '../model/spec-node.js';

/** 1-based line and column in a text file. */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * The position of a JSON pointer's node (of its key when `onKey`, the default) in a source file, when the
 * pointer exists there.
 */
export type Locate = (pointer: string, onKey?: boolean) => LineColumn | undefined;

type YamlAst = Parameters<typeof getAstNodeByPointer>[0];
type SafeLoad = Parameters<Source['getAst']>[0];

/** yaml-ast-parser, resolved from @redocly/openapi-core so it is the copy Redocly uses for its locations. */
function loadYamlAstParser(): SafeLoad {
  const redoclyRequire = createRequire(createRequire(import.meta.url).resolve('@redocly/openapi-core'));
  return (redoclyRequire('yaml-ast-parser') as { safeLoad: SafeLoad }).safeLoad;
}

const safeLoad = loadYamlAstParser();

/**
 * A locator for one source. Redocly's own `getLineColLocation` rescans the text from the start for every
 * call, which is seconds on a 13 MB spec with a hundred problems; this parses the position tree once (on
 * first use) and binary-searches a table of line starts.
 * @param parsed the source's parsed document, when pointers may not exist in it: Redocly's tree lookup
 * answers with the nearest existing ancestor instead of nothing.
 */
export function sourceLocator(source: Source, parsed?: unknown): Locate {
  let ast: YamlAst | undefined;
  let lineStarts: number[] | undefined;
  return (pointer, onKey = true) => {
    if (parsed !== undefined && valueAtPointer(parsed, pointer) === undefined) return undefined;
    ast ??= source.getAst(safeLoad) as YamlAst | undefined;
    if (ast === undefined) return undefined;
    const node = getAstNodeByPointer(ast, pointer, onKey);
    if (node === undefined) return undefined;
    lineStarts ??= lineStartOffsets(source.body);
    return lineColumnOf(lineStarts, node.startPosition);
  };
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function lineColumnOf(lineStarts: readonly number[], offset: number): LineColumn {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}
