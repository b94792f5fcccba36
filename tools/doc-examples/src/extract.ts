/**
 * Finds the TypeScript examples a reader sees: the ```ts (or ```typescript) blocks of a Markdown file and
 * the `@example` tags of the TSDoc comments in a TypeScript file, each with the line it starts on.
 */

/** One example: its code and where its first line is. */
export interface Example {
  file: string;
  /** 1-based line of the example's first code line in `file`. */
  line: number;
  code: string;
}

const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})\s*(ts|typescript)\s*$/;

/** The TypeScript code blocks of a Markdown document. */
export function markdownExamples(file: string, markdown: string): Example[] {
  return fencedBlocks(markdown.split('\n'), file, 1);
}

/**
 * The TypeScript fenced blocks among `lines`; `firstLine` is the file line of `lines[0]`. A block is
 * closed by a fence of the same character at least as long; an unclosed block runs to the end.
 */
function fencedBlocks(lines: readonly string[], file: string, firstLine: number): Example[] {
  const examples: Example[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = FENCE_OPEN.exec(lines[index]!);
    if (open === null) continue;
    const [, indent = '', fence = ''] = open;
    const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const start = index + 1;
    let end = start;
    while (end < lines.length && !close.test(lines[end]!)) end++;
    const code = lines
      .slice(start, end)
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
      .join('\n');
    examples.push({ file, line: firstLine + start, code });
    index = end;
  }
  return examples;
}

/**
 * The `@example` tags of the TSDoc comments in a TypeScript source. A tag's body is fenced (```ts) or
 * plain code up to the next tag or the end of the comment.
 */
export function sourceExamples(file: string, source: string): Example[] {
  const examples: Example[] = [];
  for (const comment of source.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const commentLine = lineOf(source, comment.index);
    const lines = comment[0].split('\n').map(commentText);
    for (let index = 0; index < lines.length; index++) {
      const tag = /^@example\b\s*(.*)$/.exec(lines[index]!);
      if (tag === null) continue;
      let end = index + 1;
      while (end < lines.length && !/^@\w/.test(lines[end]!)) end++;
      const body = lines.slice(index + 1, end);
      const fenced = fencedBlocks(body, file, commentLine + index + 1);
      if (fenced.length > 0) examples.push(...fenced);
      else if (body.some((line) => line.trim() !== ''))
        examples.push({ file, line: commentLine + index + 1, code: body.join('\n').trimEnd() });
      index = end - 1;
    }
  }
  return examples;
}

/** A comment line without its `/**`, ` * ` or `*\/` decoration. */
function commentText(line: string): string {
  return line
    .replace(/^\s*\/\*\*\s?/, '')
    .replace(/\s*\*\/\s*$/, '')
    .replace(/^\s*\* ?/, '');
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}
