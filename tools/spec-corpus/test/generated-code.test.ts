import { describe, expect, it } from 'vitest';
import { methodsInSource } from '../src/generated-code.js';
import { resourceSource } from './fixtures/pets-document.js';

describe('methodsInSource', () => {
  it('reads each method’s @see operation and the statuses of its error union', () => {
    const methods = methodsInSource('pets.ts', resourceSource);
    expect(
      methods.map(({ operation, methodName, errorType, errorStatuses, hasCommonError, unknownMembers }) => ({
        operation,
        methodName,
        errorType,
        errorStatuses,
        hasCommonError,
        unknownMembers,
      })),
    ).toEqual([
      {
        operation: 'GET /pets',
        methodName: 'list',
        errorType: 'PetsListError',
        errorStatuses: [404],
        hasCommonError: true,
        unknownMembers: [],
      },
      {
        operation: 'POST /pets',
        methodName: 'create',
        errorType: 'PetsCreateError',
        errorStatuses: [400, 599],
        hasCommonError: false,
        unknownMembers: ['Weird'],
      },
      {
        operation: 'GET /pets/{id}',
        methodName: 'get',
        errorType: 'PetsGetError',
        errorStatuses: [418],
        hasCommonError: true,
        unknownMembers: [],
      },
    ]);
    expect(methods.map((m) => m.parameters)).toEqual([['options'], ['options'], ['id']]);
  });
});
