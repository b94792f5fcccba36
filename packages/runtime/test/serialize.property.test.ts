/**
 * Property tests (fast-check): whatever a value holds, it stays inside its own path segment or query
 * parameter. URLs are read back with WHATWG `URL` and `URLSearchParams`, as servers and proxies do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodePath, serializeParams, type ParamStyle, type RequestDraft } from '../src/serialize.js';

/** Characters that mean something in a URL, mixed into any unicode text. */
const URL_SYNTAX = [
  '/',
  '\\',
  '?',
  '#',
  '&',
  '=',
  '%',
  '%2F',
  '%00',
  '.',
  '..',
  ';',
  ',',
  '[',
  ']',
  '+',
  ' ',
  '\n',
  '@',
  ':',
];
const hostileText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...URL_SYNTAX), fc.string({ unit: 'binary', maxLength: 1 })) }),
);
const RUNS = { numRuns: 1000, seed: 19 };

function emptyDraft(): RequestDraft {
  return { query: [], headers: {}, cookies: [], body: null, replayable: true };
}

/** The URL a request for `path` and `query` pairs goes to, parsed back. */
function sentUrl(path: string, query: readonly string[] = []): URL {
  return new URL(`https://api.example/v1${path}${query.length > 0 ? `?${query.join('&')}` : ''}`);
}

describe('encodePath', () => {
  it(`keeps any value in its own path segment (${RUNS.numRuns} runs)`, () => {
    fc.assert(
      fc.property(hostileText, hostileText, (first, second) => {
        fc.pre(![first, second].some((value) => value === '.' || value === '..'));
        const url = sentUrl(encodePath`/items/${first}/parts/${second}`);
        expect(url.pathname.split('/').map(decodeURIComponent)).toEqual(['', 'v1', 'items', first, 'parts', second]);
        expect(url.search).toBe('');
        expect(url.hash).toBe('');
      }),
      RUNS,
    );
  });

  it('refuses the dot-segments `.` and `..`, which URL parsers resolve even when encoded', () => {
    expect(() => encodePath`/items/${'.'}`).toThrow(TypeError);
    expect(() => encodePath`/items/${'..'}`).toThrow(TypeError);
  });
});

const scalar = fc.oneof(hostileText, fc.integer(), fc.double({ noNaN: true }), fc.boolean());
const styles: ParamStyle[] = ['form', 'spaceDelimited', 'pipeDelimited'];

describe('serializeParams', () => {
  it(`keeps any scalar in its own query parameter, beside another one (${RUNS.numRuns} runs)`, () => {
    fc.assert(
      fc.property(hostileText, scalar, hostileText, (name, value, neighbour) => {
        fc.pre(name !== 'after');
        const draft = emptyDraft();
        serializeParams(draft, { [name]: value, after: neighbour }, undefined);
        const url = sentUrl('/items', draft.query);
        expect([...url.searchParams]).toEqual([
          [name, String(value)],
          ['after', neighbour],
        ]);
        expect(url.pathname).toBe('/v1/items');
        expect(url.hash).toBe('');
      }),
      RUNS,
    );
  });

  it(`keeps every item of an array in its parameter, exploded or joined (${RUNS.numRuns} runs)`, () => {
    fc.assert(
      fc.property(
        hostileText,
        fc.array(hostileText, { minLength: 1 }),
        fc.constantFrom(...styles),
        fc.boolean(),
        (name, items, style, explode) => {
          const draft = emptyDraft();
          serializeParams(draft, { [name]: items }, { [name]: { style, explode } });
          const entries = [...sentUrl('/items', draft.query).searchParams];
          if (explode) expect(entries).toEqual(items.map((item) => [name, item]));
          else {
            const delimiter = { form: ',', spaceDelimited: ' ', pipeDelimited: '|' }[style as 'form'];
            expect(entries).toEqual([[name, items.join(delimiter)]]);
          }
        },
      ),
      RUNS,
    );
  });

  it(`keeps every key and value of a deepObject under its parameter (${RUNS.numRuns} runs)`, () => {
    fc.assert(
      fc.property(hostileText, fc.dictionary(hostileText, hostileText, { minKeys: 1 }), (name, object) => {
        const draft = emptyDraft();
        serializeParams(draft, { [name]: object }, { [name]: { style: 'deepObject' } });
        const entries = [...sentUrl('/items', draft.query).searchParams];
        expect(entries).toEqual(Object.entries(object).map(([key, value]) => [`${name}[${key}]`, value]));
      }),
      RUNS,
    );
  });
});
