import { describe, expect, it } from 'vitest';
import { rawOperations } from '../src/raw-spec.js';
import { petsDocument } from './fixtures/pets-document.js';

describe('rawOperations', () => {
  it('counts HTTP-method keys only, and numeric 4xx/5xx response keys only', () => {
    const operations = rawOperations(petsDocument, '/specs/pets.json');
    expect(operations.map((o) => [o.method, o.path, o.errorStatuses])).toEqual([
      ['GET', '/pets', [404]],
      ['POST', '/pets', [400, 500]],
      ['GET', '/pets/{id}', [418]],
    ]);
    expect(operations[1]?.parameters.map((p) => p['name'])).toEqual(['q', 'trace']);
    expect(operations[2]?.pathParams).toEqual(['id']);
  });
});
