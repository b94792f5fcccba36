import { describe, expect, it } from 'vitest';
import { modelOf, operationAt } from '../fixtures/model-fixtures.js';

describe('schemas', () => {
  it('gives each components/schemas entry a safe type name, unique in the API', async () => {
    const { api } = await modelOf('schemas', { clientName: 'Client' });
    expect(api.schemas).toEqual([
      { sourceName: 'Pet', typeName: 'Pet', description: 'A pet.' },
      { sourceName: 'pet', typeName: 'PetSchema' },
      { sourceName: 'Error', typeName: 'ErrorSchema' },
      { sourceName: 'PetsListParams', typeName: 'PetsListParams' },
      { sourceName: '2fa-config', typeName: '_2faConfig' },
      { sourceName: 'Café', typeName: 'Cafe' },
      { sourceName: 'Client', typeName: 'ClientSchema' },
    ]);
  });

  it('keeps operation type names and their suffixed forms clear of schema names', async () => {
    const { api } = await modelOf('schemas');
    expect(operationAt(api, 'GET', '/pets').typeName).toBe('PetsList2');
  });

  it('types a success response behind an unresolvable $ref as unknown, with a warning', async () => {
    const { api, diagnostics } = await modelOf('schemas');
    expect(operationAt(api, 'GET', '/pets').success).toEqual({
      status: 200,
      kind: 'json',
      type: 'unknown',
      shown: { text: 'unknown', schemas: [] },
      headers: [],
    });
    expect(diagnostics.map(({ pointer }) => pointer)).toEqual(['#/paths/~1pets/get/responses/200']);
  });
});
