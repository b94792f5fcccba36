import { describe, expect, it } from 'vitest';
import { tsDoc, type DocParts } from '../../src/emit/tsdoc.js';

describe('tsDoc', () => {
  it.each<[string, { given: DocParts; want: ReturnType<typeof tsDoc> }]>([
    ['nothing to say: no comment', { given: { summary: ' ', description: undefined }, want: [] }],
    ['summary only', { given: { summary: 'Hi.' }, want: [{ description: 'Hi.', tags: [] }] }],
    ['paragraphs', { given: { summary: 'A', description: 'B' }, want: [{ description: 'A\n\nB', tags: [] }] }],
    [
      'blank line before tags; tag text escaped',
      {
        given: { summary: 'A', tags: [{ tagName: 'see', text: 'x */' }, { tagName: 'deprecated' }] },
        want: [{ description: 'A\n', tags: [{ tagName: 'see', text: 'x *\\/' }, { tagName: 'deprecated' }] }],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(tsDoc(given)).toEqual(want);
  });
});
