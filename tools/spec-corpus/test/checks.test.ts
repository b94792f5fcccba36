/**
 * The corpus test's own instruments, on inputs made to break them: each check must be able to fail.
 */
import { describe, expect, it } from 'vitest';
import { compareSchemaTypes, differentFiles, operationProblems, tscErrors } from '../src/checks.js';
import { notAnEntryDocument, packageNameFor } from '../src/discover.js';
import { methodsInSource } from '../src/generated-code.js';
import { rawOperations, RefResolver } from '../src/raw-spec.js';
import { localRefClosure, planSmoke, reducedDocument, simpleValue } from '../src/smoke.js';
import { failureLine, withoutHeader } from '../src/upstream.js';

const document = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/pets': {
      summary: 'not an operation',
      parameters: [{ name: 'trace', in: 'header', schema: { type: 'string' } }],
      'x-internal': { get: {} },
      get: {
        responses: {
          '200': { description: 'ok' },
          '404': { description: 'no' },
          '4XX': { description: 'range' },
          default: { description: 'other' },
        },
      },
      post: {
        parameters: [{ $ref: '#/components/parameters/Body' }],
        responses: { '201': { description: 'made' }, '500': { description: 'oops' }, '400': { description: 'bad' } },
      },
    },
    '/pets/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
          },
          '418': { description: 'teapot' },
        },
      },
    },
  },
  components: {
    parameters: { Body: { name: 'q', in: 'query', required: true, schema: { type: 'string' } } },
    schemas: {
      Pet: { type: 'object', properties: { owner: { $ref: '#/components/schemas/Owner' } } },
      Owner: { type: 'object' },
      Unused: { type: 'string' },
    },
  },
};

const resourceSource = `
import type { APIPromise, APIError, CommonError, NotFoundError, BadRequestError } from '@revio-sdk/runtime';
export class PetsResource {
  /**
   * List pets
   * @see GET /pets
   */
  list(options?: RequestOptions): APIPromise<PetsListResponse, PetsListError> { return null!; }
  /**
   * Create a pet
   * @see POST /pets
   */
  create(options?: RequestOptions): APIPromise<PetsCreateResponse, PetsCreateError> { return null!; }
  /** @see GET /pets/{id} */
  get(id: number): APIPromise<PetsGetResponse, PetsGetError> { return null!; }
  private helper(): void {}
}
export type PetsListError = NotFoundError<unknown> | CommonError;
export type PetsCreateError = BadRequestError<unknown> | APIError<599, unknown> | Weird;
export type PetsGetError = APIError<418, unknown> | CommonError;
`;

describe('rawOperations', () => {
  it('counts HTTP-method keys only, and numeric 4xx/5xx response keys only', () => {
    const operations = rawOperations(document, '/specs/pets.json');
    expect(operations.map((o) => [o.method, o.path, o.errorStatuses])).toEqual([
      ['GET', '/pets', [404]],
      ['POST', '/pets', [400, 500]],
      ['GET', '/pets/{id}', [418]],
    ]);
    expect(operations[1]?.parameters.map((p) => p['name'])).toEqual(['q', 'trace']);
    expect(operations[2]?.pathParams).toEqual(['id']);
  });
});

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

describe('operationProblems', () => {
  const operations = rawOperations(document, '/specs/pets.json');
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

describe('discovery', () => {
  it('takes documents with openapi/swagger and paths as entry documents, and no fragment', () => {
    expect(notAnEntryDocument(document)).toBeUndefined();
    expect(notAnEntryDocument({ swagger: '2.0', info: {}, paths: {} })).toBeUndefined();
    expect(notAnEntryDocument({ type: 'string' })).toMatch(/^not an entry document: no top-level `openapi`/);
    expect(notAnEntryDocument({ openapi: '3.0.0', responses: {} })).toMatch(
      /^not an entry document: no top-level `paths`/,
    );
    expect(notAnEntryDocument([1])).toMatch(/^not a JSON/);
  });

  it('names each spec’s output package safely', () => {
    expect(packageNameFor('multi-file-external-ref/has_external_ref.json')).toBe(
      'multi-file-external-ref--has-external-ref',
    );
    expect(packageNameFor('github-api.github.com.json')).toBe('github-api.github.com');
    expect(packageNameFor('Okta Swagger2.YAML')).toBe('okta-swagger2');
  });
});

describe('the smoke plan', () => {
  const operations = rawOperations(document, '/specs/pets.json');

  it('calls a GET without required non-path parameters, fewest path parameters first', () => {
    expect(planSmoke(operations, document, '/specs/pets.json')).toMatchObject({
      operation: { method: 'GET', path: '/pets' },
      pathValues: [],
      jsonSuccess: false,
    });
    const withPathOnly = operations.filter((o) => o.path === '/pets/{id}');
    expect(planSmoke(withPathOnly, document, '/specs/pets.json')).toMatchObject({ pathValues: [1], jsonSuccess: true });
    expect(
      planSmoke(
        operations.filter((o) => o.method === 'POST'),
        document,
        '/specs/pets.json',
      ),
    ).toBeUndefined();
  });

  it('fills path values from the example, the enum, the type and the format', () => {
    const resolver = new RefResolver(document, '/specs/pets.json');
    expect(simpleValue({ type: 'string', example: 'abc' }, resolver)).toBe('abc');
    expect(simpleValue({ type: 'string', enum: ['b', 'a'] }, resolver)).toBe('b');
    expect(simpleValue({ type: ['integer', 'null'], minimum: 5 }, resolver)).toBe(5);
    expect(simpleValue({ type: 'string', format: 'uuid' }, resolver)).toMatch(/^[0-9a-f-]{36}$/);
    expect(simpleValue({ type: 'string' }, resolver)).toBe('x');
  });

  it('reduces a document to one operation without its default response, and the components it reaches', () => {
    const operation = operations.find((o) => o.path === '/pets/{id}')!;
    const reduced = reducedDocument(document, operation);
    expect(Object.keys(reduced['paths'] as object)).toEqual(['/pets/{id}']);
    expect(
      Object.keys(
        (reduced['paths'] as Record<string, Record<string, { responses: object }>>)['/pets/{id}']!['get']!.responses,
      ),
    ).toEqual(['200', '418']);
    const list = reducedDocument(document, operations[0]!);
    expect(
      Object.keys((list['paths'] as Record<string, Record<string, { responses: object }>>)['/pets']!['get']!.responses),
    ).toEqual(['200', '404', '4XX']);
    expect(reduced['components']).toEqual({
      parameters: {},
      schemas: { Pet: document.components.schemas.Pet, Owner: document.components.schemas.Owner },
    });
    expect(localRefClosure(reduced['paths'], document)).toEqual(
      new Set(['#/components/schemas/Pet', '#/components/schemas/Owner']),
    );
  });

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

  it('compares generated types without the header each generator writes', () => {
    const ours = '// Generated by sdkgen 0.1.0 from spec.yaml.\n\nexport interface paths {}\n';
    const theirs = '/**\n * This file was auto-generated by openapi-typescript.\n */\n\nexport interface paths {}\n';
    expect(withoutHeader(ours)).toBe(withoutHeader(theirs));
    expect(withoutHeader(ours)).not.toBe(withoutHeader(theirs.replace('paths', 'webhooks')));
  });

  it('names why openapi-typescript made no types by the error in its output', () => {
    const output = [
      '✨ openapi-typescript 7.13.0',
      '      throw new Error("Unsupported Swagger version: 2.x.");',
      'Error: Unsupported Swagger version: 2.x. Use OpenAPI 3.x instead.',
      '    at validateAndBundle (redoc.mjs:95:13)',
      'Node.js v20.20.2',
    ].join('\n');
    expect(failureLine(output)).toBe('Error: Unsupported Swagger version: 2.x. Use OpenAPI 3.x instead.');
    expect(failureLine('killed\n\n')).toBe('killed');
  });
});
