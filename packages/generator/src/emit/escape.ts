/**
 * Escaping for every string that travels from the spec into generated code or docs. Each function
 * targets one context; callers pick the one matching where the text lands. Nothing from a spec may
 * close a comment, end a string, start a TSDoc tag, break a Markdown table or inject HTML.
 */

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;
const ASCII_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Normalises every line terminator (CRLF, CR, U+2028, U+2029) to `\n`. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(LINE_BREAK, '\n');
}

/**
 * Text for a TSDoc comment body or tag. `*\/` would end the comment; `/*` is harmless to TypeScript but
 * makes ts-morph's writer believe a comment opened, and it then "closes" it with a stray `*\/`; an `@`
 * at the start of a line or after whitespace starts a tag in TypeScript's JSDoc parser (so
 * `see @deprecated` would deprecate the symbol), hence `\@`. Trailing whitespace is dropped so
 * comments print stably.
 */
export function docText(text: string): string {
  return normalizeLineBreaks(text)
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(/(^|\s)@/g, '$1\\@')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

/** A single-quoted TypeScript string literal (JSON escaping, then quotes swapped). */
export function stringLiteral(value: string): string {
  const body = JSON.stringify(value)
    .slice(1, -1)
    // In JSON output every `"` is escaped, so `\"` is always an escaped quote, never a `\\` pair's tail.
    .replace(/\\"|'/g, (match) => (match === "'" ? "\\'" : '"'))
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `'${body}'`;
}

/** True for names usable unquoted as a property key or binding (ASCII only, to stay predictable). */
export function isIdentifier(name: string): boolean {
  return ASCII_IDENTIFIER.test(name);
}

/** A property name for an object literal, interface or type: bare when an identifier, else quoted. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : stringLiteral(name);
}

/** Literal text inside a template literal: backslashes, backticks and `${` are escaped. */
export function templateLiteralText(text: string): string {
  return text.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${');
}

/**
 * Multi-line Markdown prose from the spec (descriptions). Markdown formatting is kept, but raw HTML is
 * shown as text and code fences are escaped, so a description cannot swallow the rest of the page.
 */
export function markdownBlock(text: string): string {
  return normalizeLineBreaks(text)
    .replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^( {0,3})(`{3,}|~{3,})/gm, '$1\\$2')
    .trim();
}

/** One line of Markdown prose (headings, list items): a block with its line breaks folded. */
export function markdownInline(text: string): string {
  return markdownBlock(text).replace(/\s*\n\s*/g, ' ');
}

/** Prose in a Markdown table cell: pipes escaped, paragraphs separated by `<br>`, soft line wraps joined. */
export function markdownTableCell(text: string): string {
  return markdownBlock(text)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*\n\s*/g, '<br>')
    .replace(/\s*\n\s*/g, ' ');
}

/** An inline code span whose fence is longer than any backtick run inside it. */
export function markdownCode(text: string): string {
  const code = normalizeLineBreaks(text).replace(/\n/g, ' ');
  const fence = '`'.repeat(longestRun(code, '`') + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

/** An inline code span inside a table cell: GFM requires `\|` even inside code spans there. */
export function markdownTableCode(text: string): string {
  return markdownCode(text).replace(/\|/g, '\\|');
}

/** A fenced code block whose fence cannot be closed by the code. */
export function markdownCodeBlock(code: string, language: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  return `${fence}${language}\n${normalizeLineBreaks(code).trimEnd()}\n${fence}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
