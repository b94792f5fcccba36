import { describe, expect, it } from 'vitest';
import { collectRefs, componentSchemaName, refOf, resolveRef, sameJson } from '../../src/diff/json-refs.js';

const document = {
  components: {
    schemas: {
      Pet: { type: 'object', properties: { owner: { $ref: '#/components/schemas/Owner' } } },
      Owner: { type: 'object', properties: { pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } },
      Alias: { $ref: '#/components/schemas/Pet' },
      Loop: { $ref: '#/components/schemas/Loop' },
      'a/b': { type: 'string' },
    },
  },
};

describe('refOf', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a local reference', { $ref: '#/components/schemas/Pet' }, '#/components/schemas/Pet'],
    ['an external reference', { $ref: 'other.yaml#/Pet' }, undefined],
    ['a schema', { type: 'string' }, undefined],
    ['not an object', 'x', undefined],
  ])('%s', (_name, value, want) => {
    expect(refOf(value)).toBe(want);
  });
});

describe('resolveRef', () => {
  it.each<[string, unknown, unknown]>([
    ['a value that is no reference', { type: 'string' }, { type: 'string' }],
    ['one hop', { $ref: '#/components/schemas/a~1b' }, { type: 'string' }],
    ['a chain of references', { $ref: '#/components/schemas/Alias' }, document.components.schemas.Pet],
    ['a dangling reference', { $ref: '#/components/schemas/Nope' }, undefined],
    ['a reference loop', { $ref: '#/components/schemas/Loop' }, undefined],
  ])('%s', (_name, value, want) => {
    expect(resolveRef(value, document)).toEqual(want);
  });
});

describe('collectRefs', () => {
  it('follows references transitively and stops at cycles', () => {
    expect([...collectRefs({ $ref: '#/components/schemas/Alias' }, document)].sort()).toEqual([
      '#/components/schemas/Alias',
      '#/components/schemas/Owner',
      '#/components/schemas/Pet',
    ]);
  });

  it('finds nothing in a value without references', () => {
    expect(collectRefs({ type: 'object', properties: { a: { type: 'string' } } }, document).size).toBe(0);
  });
});

describe('componentSchemaName', () => {
  it.each<[string, string | undefined]>([
    ['#/components/schemas/Pet', 'Pet'],
    ['#/components/schemas/Pet/properties/id', 'Pet'],
    ['#/components/schemas/a~1b', 'a/b'],
    ['#/components/schemas/Caf%C3%A9', 'Café'],
    ['#/components/responses/NotFound', undefined],
  ])('%s', (pointer, want) => {
    expect(componentSchemaName(pointer)).toBe(want);
  });
});

describe('sameJson', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['equal scalars', 1, 1, true],
    ['different scalars', 1, '1', false],
    ['objects in another key order', { a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    ['an extra key', { a: 1 }, { a: 1, b: undefined }, false],
    ['arrays in another order', [1, 2], [2, 1], false],
    ['an array and an object', [], {}, false],
    ['null and an object', null, {}, false],
  ])('%s', (_name, a, b, want) => {
    expect(sameJson(a, b)).toBe(want);
  });
});
