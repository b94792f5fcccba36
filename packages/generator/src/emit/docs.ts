import type { Api } from '../model/types.js';
import { packageView, type DocsOptions } from './docs-view.js';
import type { GeneratedFile } from './file.js';
import { markdownHeader, type HeaderInfo } from './header.js';
import type { DocTemplates } from './templates.js';

/**
 * The Markdown docs: `README.md` (install, options, calls, errors, retries, pagination),
 * `docs/<fileName>.md` per resource and `docs/errors.md`, each starting with the generated header.
 */
export function emitDocs(
  api: Api,
  options: DocsOptions & { header: HeaderInfo },
  templates: DocTemplates,
): GeneratedFile[] {
  const header = markdownHeader(options.header).trimEnd();
  const view = { ...packageView(api, options), header };
  return [
    { path: 'README.md', contents: page(templates.readme(view)) },
    ...view.resources.map((resource) => ({
      path: `docs/${resource.fileName}.md`,
      contents: page(templates.resource({ header, resource })),
    })),
    { path: 'docs/errors.md', contents: page(templates.errors(view)) },
  ];
}

/** One trailing newline and no runs of blank lines, whatever the template's conditionals left. */
function page(markdown: string): string {
  return `${markdown.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
