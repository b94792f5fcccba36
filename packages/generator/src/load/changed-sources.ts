import { readFile } from 'node:fs/promises';
import { isUrl } from './fetch-spec.js';

/** A file as it was read while loading a spec. */
export interface ReadSource {
  /** Absolute path, or URL (not checked: a response cannot change once read). */
  absoluteRef: string;
  body: string;
}

/**
 * The local files among `sources` whose contents on disk differ from what was read: an editor saved them
 * while the spec was loading, so the document mixes old and new text.
 */
export async function changedSources(sources: readonly ReadSource[]): Promise<string[]> {
  const changed: string[] = [];
  for (const { absoluteRef, body } of sources) {
    if (isUrl(absoluteRef)) continue;
    // Redocly reads `$ref`ed files with `\r\n` turned into `\n`.
    const now = await readFile(absoluteRef, 'utf8').catch(() => undefined);
    if (now !== body && now?.replace(/\r\n/g, '\n') !== body) changed.push(absoluteRef);
  }
  return changed;
}
