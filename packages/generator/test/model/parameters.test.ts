import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../src/model/types.js';
import { modelOf, operationAt } from '../fixtures/model-fixtures.js';

const PATH = '/orgs/{org}/items/{class}/{options}';
const PARAMETERS = `paths["${PATH}"]["get"]["parameters"]`;
/** The path item's pointer: schema pointers lead into it (or into components, through a `$ref`). */
const PATH_ITEM = '#/paths/~1orgs~1{org}~1items~1{class}~1{options}';
/** How signatures and params interfaces show a primitive-typed parameter. */
const shown = (text: string) => ({ text, schemas: [] });

/** name, wire name, location and type of each parameter, plus whichever optional fields are set. */
function rows(parameters: Parameter[]) {
  return parameters.map(({ name, wireName, in: location, required, type, ...rest }) => ({
    name,
    wireName,
    in: location,
    required,
    type,
    ...rest,
  }));
}

describe('parameters', () => {
  it('orders path parameters as in the template, with safe unique argument names', async () => {
    const { api } = await modelOf('parameters');
    expect(rows(operationAt(api, 'GET', PATH).pathParams)).toEqual([
      {
        name: 'org',
        wireName: 'org',
        in: 'path',
        required: true,
        deprecated: false,
        type: `NonNullable<${PARAMETERS}["path"]>["org"]`,
        shown: shown('string'),
        schemaPointer: `${PATH_ITEM}/parameters/0/schema`,
      },
      {
        name: 'class_',
        wireName: 'class',
        in: 'path',
        required: true,
        deprecated: false,
        type: `NonNullable<${PARAMETERS}["path"]>["class"]`,
        shown: shown('string'),
        schemaPointer: `${PATH_ITEM}/get/parameters/1/schema`,
      },
      {
        name: 'options2',
        wireName: 'options',
        in: 'path',
        required: true,
        deprecated: false,
        type: `NonNullable<${PARAMETERS}["path"]>["options"]`,
        shown: shown('string'),
        schemaPointer: `${PATH_ITEM}/get/parameters/0/schema`,
      },
    ]);
  });

  it('merges path-item parameters with the operation’s (operation wins), resolves $refs, ignores Accept', async () => {
    const { api } = await modelOf('parameters');
    const query = `NonNullable<${PARAMETERS}["query"]>`;
    expect(rows(operationAt(api, 'GET', PATH).params)).toEqual([
      {
        name: 'limit',
        wireName: 'limit',
        in: 'query',
        required: true,
        type: `${query}["limit"]`,
        shown: shown('number'),
        deprecated: false,
        description: 'Operation limit.',
        schemaPointer: `${PATH_ITEM}/get/parameters/2/schema`,
      },
      {
        name: 'X-Trace',
        wireName: 'X-Trace',
        in: 'header',
        required: false,
        type: `NonNullable<${PARAMETERS}["header"]>["X-Trace"]`,
        shown: shown('string'),
        deprecated: false,
        schemaPointer: `${PATH_ITEM}/parameters/2/schema`,
      },
      {
        name: 'search.name',
        wireName: 'search.name',
        in: 'query',
        required: false,
        type: `${query}["search.name"]`,
        shown: shown('string'),
        deprecated: false,
        schemaPointer: '#/components/parameters/Search/schema',
      },
      {
        name: 'tags',
        wireName: 'tags',
        in: 'query',
        required: false,
        type: `${query}["tags"]`,
        shown: shown('string[]'),
        deprecated: false,
        style: 'pipeDelimited',
        explode: false,
        schemaPointer: `${PATH_ITEM}/get/parameters/4/schema`,
      },
      {
        name: 'session',
        wireName: 'session',
        in: 'cookie',
        required: false,
        type: `NonNullable<${PARAMETERS}["cookie"]>["session"]`,
        shown: shown('string'),
        deprecated: true,
        schemaPointer: `${PATH_ITEM}/get/parameters/6/schema`,
      },
      {
        name: 'limit2',
        wireName: 'limit',
        in: 'header',
        required: false,
        type: `NonNullable<${PARAMETERS}["header"]>["limit"]`,
        shown: shown('number'),
        deprecated: false,
        schemaPointer: `${PATH_ITEM}/get/parameters/7/schema`,
      },
    ]);
  });

  it('warns about path parameters missing from the template or from the declarations', async () => {
    const { api, diagnostics } = await modelOf('parameters');
    expect(operationAt(api, 'GET', '/undeclared/{id}').pathParams).toEqual([
      {
        name: 'id',
        wireName: 'id',
        in: 'path',
        required: true,
        deprecated: false,
        type: 'string',
        shown: shown('string'),
      },
    ]);
    expect(diagnostics.map(({ severity, pointer, message }) => ({ severity, pointer, message }))).toEqual([
      {
        severity: 'warning',
        pointer: '#/paths/~1orgs~1{org}~1items~1{class}~1{options}/get',
        message: `path parameter 'stray' does not appear in the path ${PATH}; ignored`,
      },
      {
        severity: 'warning',
        pointer: '#/paths/~1undeclared~1{id}/get',
        message: 'path parameter {id} is not declared; typed as string',
      },
    ]);
  });
});
