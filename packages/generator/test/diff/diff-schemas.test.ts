import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/diff/api-change.js';
import { classifyChanges } from '../../src/diff/classify-change.js';
import { diffSchemas, schemaUsage } from '../../src/diff/diff-schemas.js';
import { changesBetween, parse, spec } from './diff-fixtures.js';

type Usage = Direction | 'unused';

const ref = "{ $ref: '#/components/schemas/Item' }";

/** A document whose one operation sends and/or receives `Item` (as `usage` says), with `schemas` (YAML) as components. */
function withItem(usage: Usage, schemas: string): string {
  const body =
    usage === 'request' || usage === 'both'
      ? `\n      requestBody: { content: { application/json: { schema: ${ref} } } }`
      : '';
  const response =
    usage === 'response' || usage === 'both' ? `, content: { application/json: { schema: ${ref} } }` : '';
  return spec(`
paths:
  /items:
    post:
      operationId: items.create${body}
      responses: { "200": { description: OK${response} } }
components:
  schemas:
${schemas.trim().replace(/^/gm, '    ')}`);
}

interface Case {
  name: string;
  usage: Usage;
  old: string;
  new: string;
  want: string[];
}

const cases: Case[] = [
  {
    name: 'an optional property added to a response',
    usage: 'response',
    old: 'Item: { type: object, properties: { id: { type: string } } }',
    new: 'Item: { type: object, properties: { id: { type: string }, note: { type: string } } }',
    want: ['minor Item: property `note` added (optional)'],
  },
  ...(['request', 'response', 'both', 'unused'] as const).map((usage): Case => ({
    name: `a required property added, used as ${usage}`,
    usage,
    old: 'Item: { type: object, properties: { id: { type: string } } }',
    new: 'Item: { type: object, required: [name], properties: { id: { type: string }, name: { type: string } } }',
    want: [`${usage === 'response' ? 'minor' : 'major'} Item: property \`name\` added (required)`],
  })),
  {
    name: 'a property removed',
    usage: 'response',
    old: 'Item: { type: object, properties: { id: { type: string }, note: { type: string } } }',
    new: 'Item: { type: object, properties: { id: { type: string } } }',
    want: ['major Item: property `note` removed'],
  },
  {
    name: 'a response property made optional',
    usage: 'response',
    old: 'Item: { type: object, required: [id], properties: { id: { type: string } } }',
    new: 'Item: { type: object, properties: { id: { type: string } } }',
    want: ['major Item: property `id` made optional'],
  },
  {
    name: 'a request property made optional',
    usage: 'request',
    old: 'Item: { type: object, required: [id], properties: { id: { type: string } } }',
    new: 'Item: { type: object, properties: { id: { type: string } } }',
    want: ['minor Item: property `id` made optional'],
  },
  {
    name: "a property's type changed",
    usage: 'request',
    old: 'Item: { type: object, properties: { id: { type: string } } }',
    new: 'Item: { type: object, properties: { id: { type: integer } } }',
    want: ['major Item: property `id` type changed from string to integer'],
  },
  {
    name: 'null allowed in a request: widened, minor',
    usage: 'request',
    old: 'Item: { type: object, properties: { note: { type: string } } }',
    new: 'Item: { type: object, properties: { note: { type: [string, "null"] } } }',
    want: ['minor Item: property `note` type widened from string to null | string'],
  },
  {
    name: 'null allowed in a response: readers must handle it, major',
    usage: 'response',
    old: 'Item: { type: object, properties: { note: { type: string } } }',
    new: 'Item: { type: object, properties: { note: { type: [string, "null"] } } }',
    want: ['major Item: property `note` type widened from string to null | string'],
  },
  {
    name: 'an enum value added to a request',
    usage: 'request',
    old: 'Item: { type: string, enum: [a, b] }',
    new: 'Item: { type: string, enum: [a, b, c] }',
    want: ['minor Item: enum value "c" added'],
  },
  {
    name: 'an enum value added to a response: minor, with a note',
    usage: 'response',
    old: 'Item: { type: object, properties: { status: { type: string, enum: [active] } } }',
    new: 'Item: { type: object, properties: { status: { type: string, enum: [active, closed] } } }',
    want: [
      'minor Item: property `status` enum value "closed" added (responses may carry it: exhaustive switches need a new case)',
    ],
  },
  {
    name: 'an enum value removed',
    usage: 'response',
    old: 'Item: { type: string, enum: [a, b] }',
    new: 'Item: { type: string, enum: [a] }',
    want: ['major Item: enum value "b" removed'],
  },
  {
    name: 'descriptions and examples only',
    usage: 'both',
    old: 'Item: { type: object, description: An item., properties: { id: { type: string } } }',
    new: 'Item: { type: object, description: One item., properties: { id: { type: string, example: x1 } } }',
    want: ['patch Item: description changed', 'patch Item: property `id` example changed'],
  },
  {
    name: 'a longer maxLength accepted in a request',
    usage: 'request',
    old: 'Item: { type: string, maxLength: 50 }',
    new: 'Item: { type: string, maxLength: 100 }',
    want: ['minor Item: constraint loosened from maxLength 50 to maxLength 100'],
  },
  {
    name: 'a minimum added to a request',
    usage: 'request',
    old: 'Item: { type: integer }',
    new: 'Item: { type: integer, minimum: 1 }',
    want: ['major Item: constraint tightened from no minimum to minimum 1'],
  },
  {
    name: 'a keyword outside the known subset (format): major',
    usage: 'response',
    old: 'Item: { type: string, format: date }',
    new: 'Item: { type: string, format: date-time }',
    want: ['major Item: changed from format "date" to format "date-time"'],
  },
  {
    name: 'nested properties and array items are named by path',
    usage: 'response',
    old: 'Item: { type: object, properties: { address: { type: object, properties: { city: { type: string } } }, tags: { type: array, items: { type: object, properties: { id: { type: string } } } } } }',
    new: 'Item: { type: object, properties: { address: { type: object, properties: { city: { type: integer } } }, tags: { type: array, items: { type: object } } } }',
    want: [
      'major Item: property `address.city` type changed from string to integer',
      'major Item: property `tags[].id` removed',
    ],
  },
  {
    name: 'a default changed, a property deprecated, an extension changed',
    usage: 'request',
    old: 'Item: { type: object, x-internal: false, properties: { size: { type: integer, default: 10 } } }',
    new: 'Item: { type: object, x-internal: true, properties: { size: { type: integer, default: 20, deprecated: true } } }',
    want: [
      'minor Item: property `size` deprecated',
      'minor Item: property `size` default changed from 10 to 20',
      'patch Item: extension x-internal changed',
    ],
  },
  {
    name: 'a oneOf that gained a member: widened',
    usage: 'request',
    old: 'Item: { oneOf: [{ type: string }] }',
    new: 'Item: { oneOf: [{ type: string }, { type: integer }] }',
    want: ['minor Item: type widened from oneOf of 1 to oneOf of 2'],
  },
];

function schemaChanges(usage: Usage, oldSchemas: string, newSchemas: string): string[] {
  const oldDocument = parse(withItem(usage, oldSchemas));
  const newDocument = parse(withItem(usage, newSchemas));
  return classifyChanges(diffSchemas(oldDocument, newDocument)).map((change) => `${change.bump} ${change.message}`);
}

describe('diffSchemas', () => {
  it.each(cases)('$name', ({ usage, old, new: next, want }) => {
    expect(schemaChanges(usage, old, next)).toEqual(want);
  });

  it('reports a change inside a referenced schema once, under that schema', () => {
    const old =
      'Item: { type: object, properties: { tag: { $ref: "#/components/schemas/Tag" } } }\nTag: { type: object, properties: { id: { type: string } } }';
    const next =
      'Item: { type: object, properties: { tag: { $ref: "#/components/schemas/Tag" } } }\nTag: { type: object, properties: { id: { type: integer } } }';
    expect(schemaChanges('response', old, next)).toEqual([
      'major Tag: property `id` type changed from string to integer',
    ]);
  });

  it('compares the description beside a $ref, not what it points to', () => {
    const old =
      'Item: { type: object, properties: { tag: { $ref: "#/components/schemas/Tag" } } }\nTag: { type: string }';
    const next =
      'Item: { type: object, properties: { tag: { $ref: "#/components/schemas/Tag", description: The tag. } } }\nTag: { type: string }';
    expect(schemaChanges('response', old, next)).toEqual(['patch Item: property `tag` description changed']);
  });

  it('ends on recursive schemas', () => {
    const old =
      'Item: { type: object, properties: { children: { type: array, items: { $ref: "#/components/schemas/Item" } } } }';
    const next =
      'Item: { type: object, properties: { name: { type: string }, children: { type: array, items: { $ref: "#/components/schemas/Item" } } } }';
    expect(schemaChanges('response', old, next)).toEqual(['minor Item: property `name` added (optional)']);
  });

  it('treats an inline schema moved into components as unchanged', () => {
    const inline = spec(`
paths:
  /items:
    get: { operationId: items.list, responses: { "200": { description: OK, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } } }`);
    const named = spec(`
paths:
  /items:
    get: { operationId: items.list, responses: { "200": { description: OK, content: { application/json: { schema: ${ref} } } } } }
components:
  schemas:
    Item: { type: object, properties: { id: { type: string } } }`);
    expect(changesBetween(inline, named)).toEqual(['minor Item: type added']);
  });
});

describe('schemaUsage', () => {
  it('follows $refs through parameters, responses and other schemas', () => {
    const document = parse(
      spec(`
paths:
  /items:
    parameters: [{ $ref: '#/components/parameters/Filter' }]
    get:
      responses: { "200": { $ref: '#/components/responses/Items' } }
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
      responses: { "201": { description: Created } }
components:
  parameters:
    Filter: { name: filter, in: query, schema: { $ref: '#/components/schemas/Filter' } }
  responses:
    Items: { description: OK, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Item' } } } } }
  schemas:
    Filter: { type: string }
    Item: { type: object, properties: { tag: { $ref: '#/components/schemas/Tag' } } }
    Tag: { type: string }
    Unused: { type: string }`),
    );
    expect(Object.fromEntries(schemaUsage(document))).toEqual({ Filter: 'request', Item: 'both', Tag: 'both' });
  });
});
