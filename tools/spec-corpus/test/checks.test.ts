/**
 * The corpus test's own instruments, on inputs made to break them: each check must be able to fail.
 */
import { describe, expect, it } from 'vitest';
import { compareSchemaTypes, differentFiles, operationProblems, tscErrors } from '../src/checks.js';
import { methodsInSource } from '../src/generated-code.js';
import { rawOperations } from '../src/raw-spec.js';
import { petsDocument, resourceSource } from './fixtures/pets-document.js';

describe('operationProblems', () => {
  const operations = rawOperations(petsDocument, '/specs/pets.json');
  const methods = methodsInSource('pets.ts', resourceSource);

  it('names each missing status, undocumented status, odd member and missing CommonError', () => {
    expect(operationProblems(operations, methods)).toEqual([
      'POST /pets (PetsResource.create): PetsCreateError lacks documented 500',
      'POST /pets (PetsResource.create): PetsCreateError has undocumented 599',
      'POST /pets (PetsResource.create): PetsCreateError has unexpected members Weird',
      'POST /pets (PetsResource.create): PetsCreateError lacks CommonError',
    ]);
  });

  it('names an operation without a method, one with two, and a method for no operation', () => {
    const [list, , get] = methods;
    const stray = { ...list!, operation: 'DELETE /pets' };
    expect(operationProblems(operations, [list!, get!, { ...get!, methodName: 'again' }, stray])).toEqual([
      'POST /pets: 0 methods',
      'GET /pets/{id}: 2 methods (PetsResource.get, PetsResource.again)',
      'DELETE /pets: 1 methods for an operation the spec does not have',
    ]);
  });
});

describe('differentFiles', () => {
  it('names files whose bytes differ or that only one run wrote', () => {
    const first = new Map([
      ['a.ts', '1'],
      ['b.ts', '2'],
      ['c.ts', '3'],
    ]);
    const second = new Map([
      ['a.ts', '1'],
      ['b.ts', 'X'],
      ['d.ts', '4'],
    ]);
    expect(differentFiles(first, second)).toEqual(['b.ts', 'c.ts', 'd.ts']);
    expect(differentFiles(first, new Map(first))).toEqual([]);
  });
});

describe('tscErrors and compareSchemaTypes', () => {
  it('picks the tsc errors of one file out of tsc’s output', () => {
    const output = [
      "out/pkg/src/schema.ts(12,7): error TS2339: Property 'items' does not exist on type 'X[] | undefined'.",
      "out/pkg/src/resources/pools.ts(3,1): error TS2304: Cannot find name 'Pool'.",
      "  Type '\"id\"' is not assignable to type 'never'.",
      "out\\pkg\\src\\schema.ts(20,1): error TS2344: Type '\"id\"' does not satisfy the constraint 'never'.",
      "out/pkg/src/my-schema.ts(1,1): error TS1005: ';' expected.",
    ].join('\n');
    expect(tscErrors(output, 'src/schema.ts')).toHaveLength(2);
    expect(tscErrors(output, 'src/resources/pools.ts')).toEqual([
      "out/pkg/src/resources/pools.ts(3,1): error TS2304: Cannot find name 'Pool'.",
    ]);
    expect(tscErrors('', 'src/schema.ts')).toEqual([]);
  });

  it('calls our schema types worse only where they have tsc errors and openapi-typescript’s have none', () => {
    expect(compareSchemaTypes(2, 0, false)).toEqual({
      worse: true,
      summary: 'ours 2 tsc errors, openapi-typescript type-checks',
    });
    expect(compareSchemaTypes(0, 2, false)).toEqual({
      worse: false,
      summary: 'ours type-checks, openapi-typescript 2 tsc errors (ours fixes theirs)',
    });
    expect(compareSchemaTypes(1, 3, false).worse).toBe(false);
    expect(compareSchemaTypes(0, 0, true)).toEqual({
      worse: false,
      summary: 'same text as openapi-typescript: type-checks',
    });
    expect(compareSchemaTypes(0, undefined, false).summary).toBe('ours type-checks; openapi-typescript made no types');
  });
});
