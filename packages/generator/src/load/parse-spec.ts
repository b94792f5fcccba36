import { parseYaml } from '@redocly/openapi-core';
import type { Diagnostic } from '../model/types.js';
import { errorAt } from './diagnostics.js';

/** A spec file's parsed document, and which syntax its text was read as. */
export interface ParsedText {
  parsed: unknown;
  syntax: 'json' | 'yaml';
}

/** The parsed document, or the diagnostic saying where the text stops being JSON or YAML. */
export type ParseResult = ({ ok: true } & ParsedText) | { ok: false; diagnostic: Diagnostic };

/**
 * Parses a spec file's text with the YAML schema Redocly uses (no timestamps, so dates stay strings).
 * JSON goes through `JSON.parse` first, which is much faster on multi-megabyte specs; when that fails, the
 * YAML parser (JSON is YAML) either accepts the text or says where it breaks, which `JSON.parse` does not.
 * @param file the path shown in diagnostics
 */
export function parseSpecText(text: string, file: string): ParseResult {
  const looksLikeJson = /^\s*[{[]/.test(text);
  if (looksLikeJson) {
    try {
      return { ok: true, parsed: JSON.parse(text), syntax: 'json' };
    } catch {
      // located below
    }
  }
  return parseYamlText(text, file, looksLikeJson ? 'JSON' : 'YAML');
}

/** The 0-based position js-yaml attaches to its parse errors. */
interface YamlErrorMark {
  line: number;
  column: number;
}

function yamlErrorMark(error: unknown): YamlErrorMark | undefined {
  const mark: unknown = (error as { mark?: unknown } | undefined)?.mark;
  const { line, column } = (mark ?? {}) as Partial<YamlErrorMark>;
  return typeof line === 'number' && typeof column === 'number' ? { line, column } : undefined;
}

function parseYamlText(text: string, file: string, format: 'JSON' | 'YAML'): ParseResult {
  try {
    return { ok: true, parsed: parseYaml(text), syntax: 'yaml' };
  } catch (error) {
    const reason = (error as { reason?: unknown }).reason;
    const message = typeof reason === 'string' ? reason : error instanceof Error ? error.message : String(error);
    const mark = yamlErrorMark(error);
    const position = mark === undefined ? { line: 1, column: 1 } : { line: mark.line + 1, column: mark.column + 1 };
    return { ok: false, diagnostic: errorAt({ file, pointer: '#', ...position }, `invalid ${format}: ${message}`) };
  }
}
