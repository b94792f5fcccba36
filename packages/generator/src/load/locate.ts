import { getAstNodeByPointer, type Source } from '@redocly/openapi-core';
// The version @redocly/openapi-core depends on, whose syntax trees getAstNodeByPointer reads.
import { safeLoad } from 'yaml-ast-parser';

import { jsonPointerOffsets, type OffsetOf } from './json-pointer-offsets.js';
import type { ParsedText } from './parse-spec.js';
import { valueAtPointer } from './json-pointer.js';

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

/**
 * A locator for one source. Redocly's own `getLineColLocation` rescans the text from the start for every
 * call, which is seconds on a 13 MB spec with a hundred problems; this finds offsets once per pointer (in
 * JSON text by scanning it, in YAML in a syntax tree parsed on first use) and binary-searches a table of
 * line starts.
 * @param root the source's parsed document, when pointers may not exist in it: the lookups answer with
 * the nearest existing ancestor instead of nothing.
 */
export function sourceLocator(source: Source, root?: ParsedText): Locate {
  let offsetOf: OffsetOf | undefined;
  let lineStarts: number[] | undefined;
  return (pointer, onKey = true) => {
    const existing = root === undefined ? pointer : nearestExisting(root.parsed, pointer);
    // The whole document starts at 1:1, even when it is empty.
    if (existing === '#') return { line: 1, column: 1 };
    offsetOf ??= root?.syntax === 'json' ? jsonPointerOffsets(source.body) : yamlTreeOffsets(source);
    const offset = offsetOf(existing, onKey);
    if (offset === undefined) return undefined;
    lineStarts ??= lineStartOffsets(source.body);
    return lineColumnOf(lineStarts, offset);
  };
}

/** `pointer`, or its nearest ancestor that exists in `document`. */
function nearestExisting(document: unknown, pointer: string): string {
  let existing = pointer;
  while (existing.startsWith('#/') && valueAtPointer(document, existing) === undefined) {
    existing = existing.slice(0, existing.lastIndexOf('/'));
  }
  return existing.startsWith('#/') ? existing : '#';
}

/** A locator for a valid JSON text that is not a spec, such as `sdkgen.config.json`. */
export function jsonLocator(text: string): Locate {
  const offsetOf = jsonPointerOffsets(text);
  const lineStarts = lineStartOffsets(text);
  return (pointer, onKey = true) => {
    const offset = offsetOf(pointer, onKey);
    return offset === undefined ? undefined : lineColumnOf(lineStarts, offset);
  };
}

function yamlTreeOffsets(source: Source): OffsetOf {
  return (pointer, onKey) => {
    const ast = source.getAst(safeLoad) as YamlAst | undefined;
    return ast === undefined ? undefined : getAstNodeByPointer(ast, pointer, onKey)?.startPosition;
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
