import { describe, expect, it } from 'vitest';
import { childPointer, decodePointerSegment, pointerSegments, valueAtPointer } from '../../src/load/json-pointer.js';

describe('childPointer', () => {
  it.each<[string, { pointer: string; segments: (string | number)[]; want: string }]>([
    ['a plain key', { pointer: '#/paths', segments: ['x'], want: '#/paths/x' }],
    ['a path with slashes', { pointer: '#/paths', segments: ['/a/{id}', 'get'], want: '#/paths/~1a~1{id}/get' }],
    ['a tilde', { pointer: '#', segments: ['a~b'], want: '#/a~0b' }],
    ['an array index', { pointer: '#/tags', segments: [0], want: '#/tags/0' }],
    ['nothing to add', { pointer: '#/info', segments: [], want: '#/info' }],
  ])('%s', (_name, { pointer, segments, want }) => {
    expect(childPointer(pointer, ...segments)).toBe(want);
  });
});

describe('decodePointerSegment', () => {
  it.each([
    ['~1a~1{id}', '/a/{id}'],
    ['a~0b', 'a~b'],
    // `~01` is an escaped tilde followed by 1, not a slash.
    ['~01', '~1'],
    ['%7Bid%7D', '{id}'],
    ['100%', '100%'],
  ])('%s -> %s', (segment, want) => {
    expect(decodePointerSegment(segment)).toBe(want);
  });

  it('undoes childPointer for any key', () => {
    for (const key of ['/a/{id}', 'a~b', '~1', 'plain', '']) {
      expect(pointerSegments(childPointer('#', key))).toEqual([key]);
    }
  });
});

describe('pointerSegments', () => {
  it.each<[string, string[] | undefined]>([
    ['#', []],
    ['#/a/b~1c', ['a', 'b/c']],
    ['other.yaml#/a', undefined],
    ['#a', undefined],
  ])('%s', (pointer, want) => {
    expect(pointerSegments(pointer)).toEqual(want);
  });
});

describe('valueAtPointer', () => {
  const document = { paths: { '/a/{id}': { get: { tags: ['x'] } } }, 'a~b': 1, empty: null };
  it.each<[string, unknown]>([
    ['#', document],
    ['#/paths/~1a~1{id}/get/tags/0', 'x'],
    ['#/a~0b', 1],
    ['#/empty', null],
    ['#/missing', undefined],
    ['#/empty/below', undefined],
    ['#/paths/~1a~1{id}/get/tags/toString', undefined],
    ['file.yaml#/paths', undefined],
  ])('%s', (pointer, want) => {
    expect(valueAtPointer(document, pointer)).toEqual(want);
  });
});
