import { describe, expect, it } from 'vitest';
import { namedImports, schemaNamesUsed } from '../../src/emit/imports.js';
import { print } from './print.js';

describe('namedImports', () => {
  it('sorts and dedupes names, and imports nothing without names', () => {
    expect(print(namedImports('m', ['b', 'a', 'b'], { typeOnly: true }))).toBe("import type { a, b } from 'm';\n");
    expect(namedImports('m', [], { typeOnly: false })).toEqual([]);
  });
});

describe('schemaNamesUsed', () => {
  it.each<[string, { given: string[]; want: string[] }]>([
    ['both', { given: ['paths["/a"]', 'components["schemas"]["A"]'], want: ['components', 'paths'] }],
    ['neither', { given: ['string', 'Blob'], want: [] }],
    ['not a prefix match', { given: ['mypaths'], want: [] }],
    ['not a word inside a path string', { given: ['paths["/v1/components/{key}"]["get"]'], want: ['paths'] }],
  ])('%s', (_name, { given, want }) => {
    expect(schemaNamesUsed(given)).toEqual(want);
  });
});
