import { describe, expect, it } from 'vitest';
import { compareSchema } from '../../src/diff/compare-schema.js';

const none = { old: {}, new: {} };
const obj = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
});
const str = { type: 'string' };

describe('compareSchema', () => {
  it.each<[string, { old: unknown; new: unknown; want: string[] }]>([
    ['equal schemas', { old: obj({ a: str }), new: obj({ a: str }), want: [] }],
    ['an optional property added', { old: obj({}), new: obj({ a: str }), want: ['property-added-optional a'] }],
    ['a required property added', { old: obj({}), new: obj({ a: str }, ['a']), want: ['property-added-required a'] }],
    ['a property removed', { old: obj({ a: str }), new: obj({}), want: ['property-removed a'] }],
    [
      'a property made required',
      { old: obj({ a: str }), new: obj({ a: str }, ['a']), want: ['property-made-required a'] },
    ],
    [
      'a property made optional',
      { old: obj({ a: str }, ['a']), new: obj({ a: str }), want: ['property-made-optional a'] },
    ],
    [
      'a nested property, named by its path',
      {
        old: obj({ address: obj({ city: str }) }),
        new: obj({ address: obj({}) }),
        want: ['property-removed address.city'],
      },
    ],
    ['integer widened to number', { old: { type: 'integer' }, new: { type: 'number' }, want: ['type-widened '] }],
    ['string changed to number', { old: str, new: { type: 'number' }, want: ['type-changed '] }],
    ['null allowed (3.1)', { old: str, new: { type: ['string', 'null'] }, want: ['type-widened '] }],
    ['an enum value added', { old: { enum: ['a'] }, new: { enum: ['a', 'b'] }, want: ['enum-value-added '] }],
    ['an enum value removed', { old: { enum: ['a', 'b'] }, new: { enum: ['a'] }, want: ['enum-value-removed '] }],
    [
      'a longer maxLength',
      { old: { ...str, maxLength: 5 }, new: { ...str, maxLength: 9 }, want: ['constraint-loosened '] },
    ],
    [
      'a minimum added',
      { old: { type: 'integer' }, new: { type: 'integer', minimum: 1 }, want: ['constraint-tightened '] },
    ],
    [
      'a description changed',
      { old: { ...str, description: 'A' }, new: { ...str, description: 'B' }, want: ['schema-docs-changed '] },
    ],
    ['deprecated', { old: str, new: { ...str, deprecated: true }, want: ['schema-deprecated '] }],
    ['an x- extension changed', { old: str, new: { ...str, 'x-a': 1 }, want: ['schema-extension-changed '] }],
    ['another keyword changed', { old: str, new: { ...str, format: 'date' }, want: ['schema-keyword-changed '] }],
    [
      'array items, named with []',
      {
        old: { type: 'array', items: str },
        new: { type: 'array', items: { type: 'number' } },
        want: ['type-changed []'],
      },
    ],
  ])('%s', (_name, { old, new: next, want }) => {
    expect(compareSchema(old, next, none).map(({ kind, path }) => `${kind} ${path}`)).toEqual(want);
  });

  it('compares the targets of different $refs by content, so moving a schema is no change', () => {
    const documents = {
      old: { components: { schemas: { Pet: obj({ a: str }) } } },
      new: { components: { schemas: { Animal: obj({ a: str }) } } },
    };
    expect(
      compareSchema({ $ref: '#/components/schemas/Pet' }, { $ref: '#/components/schemas/Animal' }, documents),
    ).toEqual([]);
    expect(compareSchema({ $ref: '#/components/schemas/Pet' }, obj({ a: str }), documents)).toEqual([]);
  });

  it('does not follow a $ref that is the same on both sides (the named schema is compared once elsewhere)', () => {
    const documents = {
      old: { components: { schemas: { Pet: obj({ a: str }) } } },
      new: { components: { schemas: { Pet: obj({}) } } },
    };
    const ref = { $ref: '#/components/schemas/Pet' };
    expect(compareSchema(obj({ pet: ref }), obj({ pet: ref }), documents)).toEqual([]);
  });

  it('ends on recursive schemas, reporting each change once', () => {
    const tree = (name: string, leaf: unknown) => ({
      components: {
        schemas: {
          [name]: obj({ children: { type: 'array', items: { $ref: `#/components/schemas/${name}` } }, leaf }),
        },
      },
    });
    const documents = { old: tree('Node', str), new: tree('Tree', { type: 'number' }) };
    const changes = compareSchema(
      { $ref: '#/components/schemas/Node' },
      { $ref: '#/components/schemas/Tree' },
      documents,
    );
    expect(changes.map(({ kind, path }) => `${kind} ${path}`)).toEqual(['type-changed leaf']);
  });
});
