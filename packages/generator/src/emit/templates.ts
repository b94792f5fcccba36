import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

/** A compiled template: view in, Markdown out. */
export type DocTemplate = (view: object) => string;

/** The compiled Markdown templates, one per kind of page. */
export interface DocTemplates {
  readme: DocTemplate;
  resource: DocTemplate;
  errors: DocTemplate;
}

const TEMPLATE_FILES = { readme: 'README.md.hbs', resource: 'resource.md.hbs', errors: 'errors.md.hbs' } as const;

/**
 * Reads and compiles `packages/generator/templates/*.hbs` once per run. Templates get no HTML escaping
 * (`noEscape`): the views they render are escaped for Markdown already (see `docs-view.ts`); `strict`
 * makes a misspelt field an error instead of an empty string.
 */
export async function loadDocTemplates(directory = templatesDirectory()): Promise<DocTemplates> {
  const handlebars = Handlebars.create();
  const compile = async (file: string): Promise<DocTemplate> => {
    const source = await readFile(join(directory, file), 'utf8');
    return handlebars.compile(source, { noEscape: true, strict: true });
  };
  const [readme, resource, errors] = await Promise.all([
    compile(TEMPLATE_FILES.readme),
    compile(TEMPLATE_FILES.resource),
    compile(TEMPLATE_FILES.errors),
  ]);
  return { readme, resource, errors };
}

/**
 * `templates/` of this package: found from this module's location by walking up to the package root,
 * which works from `src/emit/` (tests) and from the bundled `dist/` alike.
 */
export function templatesDirectory(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('sdkgen: cannot find the package root holding templates/');
    directory = parent;
  }
  return join(directory, 'templates');
}
