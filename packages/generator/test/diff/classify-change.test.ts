import { describe, expect, it } from 'vitest';
import type { ApiChange, Bump } from '../../src/diff/api-change.js';
import { classifyChange, classifyChanges, releaseBump } from '../../src/diff/classify-change.js';

describe('classifyChange', () => {
  const cases: { name: string; given: ApiChange; want: { bump: Bump; message: string } }[] = [
    {
      name: 'subject, then the sentence',
      given: { kind: 'parameter-added-optional', subject: 'customers.get', name: 'expand', in: 'query' },
      want: { bump: 'minor', message: 'customers.get: parameter `expand` added (optional)' },
    },
    {
      name: 'a schema change inside an operation names where it is',
      given: {
        kind: 'property-added-required',
        subject: 'notes.create',
        location: 'request body',
        name: 'body',
        direction: 'request',
      },
      want: { bump: 'major', message: 'notes.create: request body: property `body` added (required)' },
    },
    {
      name: 'a schema used both ways takes the higher bump of the two directions',
      given: { kind: 'property-made-optional', subject: 'Customer', name: 'email', direction: 'both' },
      want: { bump: 'major', message: 'Customer: property `email` made optional' },
    },
    {
      name: 'a schema without a known direction counts as used both ways',
      given: { kind: 'type-widened', subject: 'Customer', name: 'id', from: 'integer', to: 'number' },
      want: { bump: 'major', message: 'Customer: property `id` type widened from integer to number' },
    },
    {
      name: 'the success status decides by itself whether it crosses 201',
      given: { kind: 'success-status-changed', subject: 'notes.create', from: '200', to: '201' },
      want: { bump: 'major', message: 'notes.create: success status changed from 200 to 201' },
    },
    {
      name: 'an unknown kind is major',
      given: { kind: 'something-new' as ApiChange['kind'], subject: 'API' },
      want: { bump: 'major', message: 'API: something-new' },
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(classifyChange(given)).toMatchObject(want);
  });
});

describe('releaseBump', () => {
  const cases: { given: Bump[]; want: Bump | undefined }[] = [
    { given: [], want: undefined },
    { given: ['patch'], want: 'patch' },
    { given: ['patch', 'minor', 'patch'], want: 'minor' },
    { given: ['minor', 'major', 'patch'], want: 'major' },
  ];
  it.each(cases)('$given -> $want', ({ given, want }) => {
    expect(releaseBump(given.map((bump) => ({ bump })))).toBe(want);
  });
});

it('classifyChanges lists breaking changes first, keeping the order within a bump', () => {
  const changes: ApiChange[] = [
    { kind: 'operation-docs-changed', subject: 'a.list', name: 'summary' },
    { kind: 'operation-added', subject: 'a.create', to: 'POST /a' },
    { kind: 'operation-removed', subject: 'a.delete', from: 'DELETE /a/{id}' },
    { kind: 'operation-added', subject: 'a.update', to: 'PATCH /a/{id}' },
  ];
  expect(classifyChanges(changes).map((change) => change.subject)).toEqual([
    'a.delete',
    'a.create',
    'a.update',
    'a.list',
  ]);
});
