import type { GeneratedFile } from './file.js';

/**
 * The one style of every generated TypeScript module, fixed here rather than read from any config file, so
 * the same IR gives the same bytes on every machine. A type that does not fit the width breaks one union
 * member, parameter or property per line, so a spec change touches the lines it changes.
 */
const FORMAT_OPTIONS = { parser: 'typescript', printWidth: 120, singleQuote: true, trailingComma: 'all' } as const;

/**
 * Each file through Prettier's standalone build (no config lookup, no plugin discovery). Loaded on first
 * use: the CLI's other commands never pay for it.
 */
export async function formatTypeScript(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const [{ format }, typescript, estree] = await Promise.all([
    import('prettier/standalone'),
    import('prettier/plugins/typescript'),
    import('prettier/plugins/estree'),
  ]);
  const plugins = [typescript, estree];
  return Promise.all(
    files.map(async (file) => ({ path: file.path, contents: await format(file.contents, { ...FORMAT_OPTIONS, plugins }) })),
  );
}
