import type { OptionalKind, JSDocStructure, JSDocTagStructure } from 'ts-morph';
import { docText } from './escape.js';

/** The parts of a TSDoc comment, as raw text from the spec or the generator. */
export interface DocParts {
  summary?: string | undefined;
  description?: string | undefined;
  tags?: readonly { tagName: string; text?: string | undefined }[];
}

/**
 * A TSDoc comment as ts-morph `docs`, with every text escaped (`docText`); no comment when there is
 * nothing to say. Summary and description are separate paragraphs.
 */
export function tsDoc({ summary, description, tags = [] }: DocParts): OptionalKind<JSDocStructure>[] {
  const paragraphs = [summary, description].filter(hasText).map(docText);
  const tagStructures = tags.map(({ tagName, text }): OptionalKind<JSDocTagStructure> =>
    hasText(text) ? { tagName, text: docText(text) } : { tagName },
  );
  if (paragraphs.length === 0 && tagStructures.length === 0) return [];
  // A trailing newline puts a blank line between the text and the tags.
  const text = paragraphs.join('\n\n') + (paragraphs.length > 0 && tagStructures.length > 0 ? '\n' : '');
  return [{ description: text, tags: tagStructures }];
}

function hasText(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== '';
}
