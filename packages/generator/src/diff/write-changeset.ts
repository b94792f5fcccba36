/**
 * The changeset a spec diff writes: front matter naming the package and its bump, then one line per
 * change, breaking ones first. The file name is a hash of the content, so running the diff again on the
 * same specs finds the file already there instead of adding a second one.
 * @see https://github.com/changesets/changesets/blob/main/docs/adding-a-changeset.md
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Bump } from './api-change.js';
import { releaseBump, type ClassifiedChange } from './classify-change.js';

/** File names of changesets written by `sdkgen diff` start with this. */
export const CHANGESET_PREFIX = 'spec-diff-';

const SECTIONS: readonly [Bump, string][] = [
  ['major', 'Breaking changes'],
  ['minor', 'Additions'],
  ['patch', 'Documentation and fixes'],
];

/** What the changeset says. */
export interface ChangesetInput {
  /** The npm package the changeset bumps. */
  packageName: string;
  /** The changes, classified; the bump is the highest of theirs. */
  changes: readonly ClassifiedChange[];
  /** The spec, as the summary names it (a posix path relative to the repository). */
  spec: string;
}

/** The changeset's Markdown: `---\n"<package>": <bump>\n---\n\n<summary>`. */
export function renderChangeset({ packageName, changes, spec }: ChangesetInput): string {
  return renderPackagesChangeset({ packages: [{ packageName, changes }], spec });
}

/**
 * One changeset for several packages generated from one spec: each package and its bump in the front
 * matter, then each package's changes under its name (no heading when there is one package).
 */
export function renderPackagesChangeset({
  packages,
  spec,
}: {
  packages: readonly Omit<ChangesetInput, 'spec'>[];
  spec: string;
}): string {
  const lines = [
    '---',
    ...packages.map(({ packageName, changes }) => `${JSON.stringify(packageName)}: ${releaseBump(changes) ?? 'patch'}`),
    '---',
    '',
    `API changes from \`${spec}\`:`,
  ];
  for (const { packageName, changes } of packages) {
    if (packages.length > 1) lines.push('', `### ${packageName}`);
    for (const [bump, title] of SECTIONS) {
      const messages = changes.filter((change) => change.bump === bump).map((change) => `- ${change.message}`);
      if (messages.length > 0) lines.push('', `${title}:`, '', ...messages);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `spec-diff-<12 hex digits of the content's SHA-256>.md`. */
export function changesetFileName(content: string): string {
  return `${CHANGESET_PREFIX}${createHash('sha256').update(content).digest('hex').slice(0, 12)}.md`;
}

/** Where a changeset went; `written` is false when the same file was already there. */
export interface WrittenChangeset {
  path: string;
  written: boolean;
}

/** Writes `content` into `dir` (created if needed) under its content-hash name, unless it is already there. */
export async function writeChangeset(dir: string, content: string): Promise<WrittenChangeset> {
  const file = path.join(dir, changesetFileName(content));
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing === content) return { path: file, written: false };
  await mkdir(dir, { recursive: true });
  await writeFile(file, content);
  return { path: file, written: true };
}

/** Names of the changesets in `dir` that `sdkgen diff` wrote for `packageName`. */
export async function generatedChangesets(dir: string, packageName: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => []);
  const frontMatterLine = `${JSON.stringify(packageName)}:`;
  const found: string[] = [];
  for (const name of names
    .filter((candidate) => candidate.startsWith(CHANGESET_PREFIX) && candidate.endsWith('.md'))
    .sort()) {
    const text = await readFile(path.join(dir, name), 'utf8').catch(() => '');
    const frontMatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    if (frontMatter.split('\n').some((line) => line.startsWith(frontMatterLine))) found.push(name);
  }
  return found;
}
