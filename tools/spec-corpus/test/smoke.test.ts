import { describe, expect, it } from 'vitest';
import { rawOperations, RefResolver } from '../src/raw-spec.js';
import { localRefClosure, planSmoke, reducedDocument, simpleValue } from '../src/smoke.js';
import { petsDocument } from './fixtures/pets-document.js';

describe('the smoke plan', () => {
  const operations = rawOperations(petsDocument, '/specs/pets.json');

  it('calls a GET without required non-path parameters, fewest path parameters first', () => {
    expect(planSmoke(operations, petsDocument, '/specs/pets.json')).toMatchObject({
      operation: { method: 'GET', path: '/pets' },
      pathValues: [],
      jsonSuccess: false,
    });
    const withPathOnly = operations.filter((o) => o.path === '/pets/{id}');
    expect(planSmoke(withPathOnly, petsDocument, '/specs/pets.json')).toMatchObject({
      pathValues: [1],
      jsonSuccess: true,
    });
    expect(
      planSmoke(
        operations.filter((o) => o.method === 'POST'),
        petsDocument,
        '/specs/pets.json',
      ),
    ).toBeUndefined();
  });

  it('fills path values from the example, the enum, the type and the format', () => {
    const resolver = new RefResolver(petsDocument, '/specs/pets.json');
    expect(simpleValue({ type: 'string', example: 'abc' }, resolver)).toBe('abc');
    expect(simpleValue({ type: 'string', enum: ['b', 'a'] }, resolver)).toBe('b');
    expect(simpleValue({ type: ['integer', 'null'], minimum: 5 }, resolver)).toBe(5);
    expect(simpleValue({ type: 'string', format: 'uuid' }, resolver)).toMatch(/^[0-9a-f-]{36}$/);
    expect(simpleValue({ type: 'string' }, resolver)).toBe('x');
  });

  it('reduces a document to one operation without its default response, and the components it reaches', () => {
    const operation = operations.find((o) => o.path === '/pets/{id}')!;
    const reduced = reducedDocument(petsDocument, operation);
    expect(Object.keys(reduced['paths'] as object)).toEqual(['/pets/{id}']);
    expect(
      Object.keys(
        (reduced['paths'] as Record<string, Record<string, { responses: object }>>)['/pets/{id}']!['get']!.responses,
      ),
    ).toEqual(['200', '418']);
    const list = reducedDocument(petsDocument, operations[0]!);
    expect(
      Object.keys((list['paths'] as Record<string, Record<string, { responses: object }>>)['/pets']!['get']!.responses),
    ).toEqual(['200', '404', '4XX']);
    expect(reduced['components']).toEqual({
      parameters: {},
      schemas: { Pet: petsDocument.components.schemas.Pet, Owner: petsDocument.components.schemas.Owner },
    });
    expect(localRefClosure(reduced['paths'], petsDocument)).toEqual(
      new Set(['#/components/schemas/Pet', '#/components/schemas/Owner']),
    );
  });
});
