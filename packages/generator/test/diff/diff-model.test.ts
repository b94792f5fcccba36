import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/diff-model.js';
import { buildModel } from '../../src/model/build-model.js';
import { changesBetween, parse, spec } from './diff-fixtures.js';

/** One GET /items operation; `extra` is inserted into the operation object. */
function itemsList(extra = '', responses = '{ "200": { description: OK } }'): string {
  return spec(`
paths:
  /items:
    get:
      operationId: items.list
${extra.replace(/^/gm, '      ')}
      responses: ${responses}`);
}

interface Case {
  name: string;
  old: string;
  new: string;
  want: string[];
}

const resources: Case[] = [
  {
    name: 'a resource added',
    old: itemsList(),
    new: spec(`
paths:
  /items: { get: { operationId: items.list, responses: { "200": { description: OK } } } }
  /orders: { get: { operationId: orders.list, responses: { "200": { description: OK } } } }`),
    want: ['minor orders: resource added (list)'],
  },
  {
    name: 'a resource removed',
    old: spec(`
paths:
  /items: { get: { operationId: items.list, responses: { "200": { description: OK } } } }
  /orders: { get: { operationId: orders.list, responses: { "200": { description: OK } } } }`),
    new: itemsList(),
    want: ['major orders: resource removed (list)'],
  },
  {
    name: 'an operation added to a resource',
    old: itemsList(),
    new: spec(`
paths:
  /items:
    get: { operationId: items.list, responses: { "200": { description: OK } } }
    post: { operationId: items.create, responses: { "201": { description: Created } } }`),
    want: ['minor items.create: operation added (POST /items)'],
  },
  {
    name: 'an operation removed from a resource',
    old: spec(`
paths:
  /items:
    get: { operationId: items.list, responses: { "200": { description: OK } } }
    post: { operationId: items.create, responses: { "201": { description: Created } } }`),
    new: itemsList(),
    want: ['major items.create: operation removed (POST /items)'],
  },
];

const operations: Case[] = [
  {
    name: 'nothing changed',
    old: itemsList(),
    new: itemsList(),
    want: [],
  },
  {
    name: 'operationId renamed on the same method and path: the method is renamed',
    old: itemsList(),
    new: itemsList().replace('items.list', 'items.search'),
    want: ['major items.list: renamed to `items.search` (types ItemsSearch*)'],
  },
  {
    name: 'an operation moved to another resource (its tag changed)',
    old: spec(`
paths:
  /items: { get: { operationId: list, tags: [items], responses: { "200": { description: OK } } } }
  /items/{id}: { get: { operationId: get, tags: [items], parameters: [{ name: id, in: path, required: true }], responses: { "200": { description: OK } } } }`),
    new: spec(`
paths:
  /items: { get: { operationId: list, tags: [catalog], responses: { "200": { description: OK } } } }
  /items/{id}: { get: { operationId: get, tags: [items], parameters: [{ name: id, in: path, required: true }], responses: { "200": { description: OK } } } }`),
    want: ['major items.list: renamed to `catalog.list` (types CatalogList*)', 'minor catalog: resource added (list)'],
  },
  {
    name: 'same operationId on a new path: the path changed',
    old: spec(`
paths:
  /items/{id}:
    get: { operationId: items.get, tags: [items], parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: OK } } }`),
    new: spec(`
paths:
  /v2/items/{id}:
    get: { operationId: items.get, tags: [items], parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: OK } } }`),
    want: ['major items.get: path changed from /items/{id} to /v2/items/{id}'],
  },
  {
    name: 'same operationId with another HTTP method',
    old: spec(`
paths:
  /items/{id}:
    put: { operationId: items.update, parameters: [{ name: id, in: path, required: true }], responses: { "200": { description: OK } } }`),
    new: spec(`
paths:
  /items/{id}:
    patch: { operationId: items.update, parameters: [{ name: id, in: path, required: true }], responses: { "200": { description: OK } } }`),
    want: ['major items.update: HTTP method changed from PUT to PATCH'],
  },
  {
    name: 'operations without operationId are matched by method and path; a renamed path parameter is a patch',
    old: spec(`
paths:
  /items/{id}:
    get: { parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: OK } } }`),
    new: spec(`
paths:
  /items/{itemId}:
    get: { parameters: [{ name: itemId, in: path, required: true, schema: { type: string } }], responses: { "200": { description: OK } } }`),
    want: ['patch items.get: path parameter `id` renamed to `itemId` (same argument position)'],
  },
  {
    name: 'a path parameter added (a new positional argument)',
    old: spec(`
paths:
  /items/{id}:
    get: { operationId: items.get, tags: [items], parameters: [{ name: id, in: path, required: true }], responses: { "200": { description: OK } } }`),
    new: spec(`
paths:
  /shops/{shop}/items/{id}:
    get: { operationId: items.get, tags: [items], parameters: [{ name: shop, in: path, required: true }, { name: id, in: path, required: true }], responses: { "200": { description: OK } } }`),
    want: [
      'major items.get: path changed from /items/{id} to /shops/{shop}/items/{id}',
      'major items.get: path parameter `shop` added (a new argument)',
    ],
  },
  {
    name: 'summary and description only: patch',
    old: itemsList('summary: List items'),
    new: itemsList('summary: List the items\ndescription: Newest first.'),
    want: ['patch items.list: summary changed', 'patch items.list: description changed'],
  },
  {
    name: 'deprecated: minor (semver asks for a minor release on deprecation)',
    old: itemsList(),
    new: itemsList('deprecated: true'),
    want: ['minor items.list: deprecated'],
  },
  {
    name: 'no longer deprecated: patch',
    old: itemsList('deprecated: true'),
    new: itemsList(),
    want: ['patch items.list: no longer deprecated'],
  },
];

const parameters: Case[] = [
  {
    name: 'an optional query parameter added',
    old: itemsList(),
    new: itemsList('parameters: [{ name: expand, in: query, schema: { type: string } }]'),
    want: ['minor items.list: parameter `expand` added (optional)'],
  },
  {
    name: 'a required query parameter added',
    old: itemsList(),
    new: itemsList('parameters: [{ name: shop, in: query, required: true, schema: { type: string } }]'),
    want: ['major items.list: parameter `shop` added (required)'],
  },
  {
    name: 'a header parameter added',
    old: itemsList(),
    new: itemsList('parameters: [{ name: X-Request-Id, in: header, schema: { type: string } }]'),
    want: ['minor items.list: header parameter `X-Request-Id` added (optional)'],
  },
  {
    name: 'a parameter removed',
    old: itemsList('parameters: [{ name: page, in: query, schema: { type: integer } }]'),
    new: itemsList(),
    want: ['major items.list: parameter `page` removed'],
  },
  {
    name: 'a parameter made required',
    old: itemsList('parameters: [{ name: page, in: query, schema: { type: integer } }]'),
    new: itemsList('parameters: [{ name: page, in: query, required: true, schema: { type: integer } }]'),
    want: ['major items.list: parameter `page` made required'],
  },
  {
    name: 'a parameter made optional',
    old: itemsList('parameters: [{ name: page, in: query, required: true, schema: { type: integer } }]'),
    new: itemsList('parameters: [{ name: page, in: query, schema: { type: integer } }]'),
    want: ['minor items.list: parameter `page` made optional'],
  },
  {
    name: "a parameter's type changed (from its schema)",
    old: itemsList('parameters: [{ name: page, in: query, schema: { type: integer } }]'),
    new: itemsList('parameters: [{ name: page, in: query, schema: { type: string } }]'),
    want: ['major items.list: parameter `page`: type changed from integer to string'],
  },
  {
    name: "a parameter's enum widened: minor",
    old: itemsList('parameters: [{ name: sort, in: query, schema: { type: string, enum: [name] } }]'),
    new: itemsList('parameters: [{ name: sort, in: query, schema: { type: string, enum: [name, date] } }]'),
    want: ['minor items.list: parameter `sort`: enum value "date" added'],
  },
  {
    name: "a parameter's serialisation changed",
    old: itemsList('parameters: [{ name: ids, in: query, schema: { type: array, items: { type: string } } }]'),
    new: itemsList(
      'parameters: [{ name: ids, in: query, explode: false, schema: { type: array, items: { type: string } } }]',
    ),
    want: [
      'major items.list: parameter `ids`: encoding changed from style form, explode true to style form, explode false',
    ],
  },
  {
    name: 'a parameter deprecated and documented',
    old: itemsList('parameters: [{ name: page, in: query, schema: { type: integer } }]'),
    new: itemsList(
      'parameters: [{ name: page, in: query, deprecated: true, description: Use cursor., schema: { type: integer } }]',
    ),
    want: ['minor items.list: parameter `page` deprecated', 'patch items.list: parameter `page`: description changed'],
  },
];

const bodies: Case[] = [
  {
    name: 'an optional request body added',
    old: itemsList(),
    new: itemsList('requestBody: { content: { application/json: { schema: { type: object } } } }'),
    want: ['minor items.list: request body added (optional, application/json)'],
  },
  {
    name: 'a required request body added',
    old: itemsList(),
    new: itemsList('requestBody: { required: true, content: { application/json: { schema: { type: object } } } }'),
    want: ['major items.list: request body added (required, application/json)'],
  },
  {
    name: 'a request body removed',
    old: itemsList('requestBody: { content: { application/json: { schema: { type: object } } } }'),
    new: itemsList(),
    want: ['major items.list: request body removed'],
  },
  {
    name: 'a request body made required',
    old: itemsList('requestBody: { content: { application/json: { schema: { type: object } } } }'),
    new: itemsList('requestBody: { required: true, content: { application/json: { schema: { type: object } } } }'),
    want: ['major items.list: request body made required'],
  },
  {
    name: 'a request body sent as a form instead of JSON',
    old: itemsList('requestBody: { content: { application/json: { schema: { type: object } } } }'),
    new: itemsList('requestBody: { content: { application/x-www-form-urlencoded: { schema: { type: object } } } }'),
    want: [
      'major items.list: request body encoding changed from application/json to application/x-www-form-urlencoded',
    ],
  },
  {
    name: 'an optional property added to an inline request body',
    old: itemsList(
      'requestBody: { content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }',
    ),
    new: itemsList(
      'requestBody: { content: { application/json: { schema: { type: object, properties: { name: { type: string }, note: { type: string } } } } } }',
    ),
    want: ['minor items.list: request body: property `note` added (optional)'],
  },
  {
    name: 'a required property added to an inline request body',
    old: itemsList(
      'requestBody: { content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }',
    ),
    new: itemsList(
      'requestBody: { content: { application/json: { schema: { type: object, required: [note], properties: { name: { type: string }, note: { type: string } } } } } }',
    ),
    want: ['major items.list: request body: property `note` added (required)'],
  },
];

const json = (schema: string) => `{ "200": { description: OK, content: { application/json: { schema: ${schema} } } } }`;
/** Responses of a 200 and the given catch-alls; `problem(type)` is one with a JSON body `{ message: type }`. */
const catchAlls = (entries: string) => `{ "200": { description: OK }, ${entries} }`;
const problem = (messageType: string) =>
  `{ description: Failed, content: { application/json: { schema: { type: object, properties: { message: ${messageType} } } } } }`;

const responses: Case[] = [
  {
    name: 'success status 200 -> 201 (the method now resolves to Created)',
    old: itemsList('', json('{ type: object }')),
    new: itemsList('', json('{ type: object }').replace('"200"', '"201"')),
    want: ['major items.list: success status changed from 200 to 201'],
  },
  {
    name: 'success status 200 -> 202 (same result type)',
    old: itemsList('', json('{ type: object }')),
    new: itemsList('', json('{ type: object }').replace('"200"', '"202"')),
    want: ['minor items.list: success status changed from 200 to 202'],
  },
  {
    name: 'a JSON response that became empty',
    old: itemsList('', json('{ type: object }')),
    new: itemsList(),
    want: ['major items.list: response body changed from application/json to empty'],
  },
  {
    name: 'a required property added to an inline response: minor',
    old: itemsList('', json('{ type: object, properties: { id: { type: string } } }')),
    new: itemsList(
      '',
      json('{ type: object, required: [name], properties: { id: { type: string }, name: { type: string } } }'),
    ),
    want: ['minor items.list: response: property `name` added (required)'],
  },
  {
    name: 'a response property made optional: major',
    old: itemsList('', json('{ type: object, required: [id], properties: { id: { type: string } } }')),
    new: itemsList('', json('{ type: object, properties: { id: { type: string } } }')),
    want: ['major items.list: response: property `id` made optional'],
  },
  {
    name: 'an error status added: minor, with a note for exhaustive switches',
    old: itemsList(),
    new: itemsList('', '{ "200": { description: OK }, "429": { description: Slow down } }'),
    want: [
      'minor items.list: error status 429 added (RateLimitError; was an UnexpectedStatusError: an exhaustive `switch (err.status)` needs a new case)',
    ],
  },
  {
    name: 'an error status removed',
    old: itemsList('', '{ "200": { description: OK }, "404": { description: Not found } }'),
    new: itemsList(),
    want: ['major items.list: error status 404 removed (now an UnexpectedStatusError)'],
  },
  {
    name: 'an error status that gained a JSON body: minor, its body is typed instead of `unknown`',
    old: itemsList('', '{ "200": { description: OK }, "404": { description: Not found } }'),
    new: itemsList('', `{ "200": { description: OK }, "404": ${problem('{ type: string }')} }`),
    want: [
      'minor items.list: error 404 body typed from the spec (was `unknown`)',
      'patch items.list: error 404 description changed',
    ],
  },
  {
    name: 'an error status that lost its JSON body: major',
    old: itemsList('', `{ "200": { description: OK }, "404": ${problem('{ type: string }')} }`),
    new: itemsList('', '{ "200": { description: OK }, "404": { description: Failed } }'),
    want: ['major items.list: error 404 body type changed'],
  },
  {
    name: 'a catch-all error response documented: patch (it is untyped: an UnexpectedStatusError either way)',
    old: itemsList(),
    new: itemsList('', '{ "200": { description: OK }, "5XX": { description: Server trouble } }'),
    want: ['patch items.list: catch-all error responses (4XX, 5XX, default) documented'],
  },
  {
    name: 'a JSON default documented: minor, the body of an unexpected status is now typed',
    old: itemsList(),
    new: itemsList('', catchAlls(`default: ${problem('{ type: string }')}`)),
    want: [
      'minor items.list: body of an unexpected status typed from the catch-all responses (was `unknown`)',
      'patch items.list: catch-all error responses (4XX, 5XX, default) documented',
    ],
  },
  {
    name: 'a JSON default that lost its content: major, the body is `unknown` again',
    old: itemsList('', catchAlls(`default: ${problem('{ type: string }')}`)),
    new: itemsList('', catchAlls('default: { description: Failed }')),
    want: ['major items.list: body of an unexpected status no longer typed (now `unknown`)'],
  },
  {
    name: 'a 5XX with another body next to a JSON default: major, the body type widened',
    old: itemsList('', catchAlls(`default: ${problem('{ type: string }')}`)),
    new: itemsList('', catchAlls(`default: ${problem('{ type: string }')}, 5XX: ${problem('{ type: integer }')}`)),
    want: [
      'major items.list: body type of an unexpected status (4XX, 5XX, default) changed',
      'patch items.list: catch-all error responses (4XX, 5XX, default) documentation changed',
    ],
  },
  {
    name: 'a property of an inline default body removed: major, like an error status body',
    old: itemsList('', catchAlls(`default: ${problem('{ type: string }')}`)),
    new: itemsList(
      '',
      catchAlls('default: { description: Failed, content: { application/json: { schema: { type: object } } } }'),
    ),
    want: ['major items.list: default error body: property `message` removed'],
  },
  {
    name: 'a 4XX body changed without default: nothing, it types nothing (other statuses stay undocumented)',
    old: itemsList('', catchAlls(`4XX: ${problem('{ type: string }')}`)),
    new: itemsList('', catchAlls(`4XX: ${problem('{ type: integer }')}`)),
    want: [],
  },
  {
    name: 'a response header documented: patch',
    old: itemsList(),
    new: itemsList('', '{ "200": { description: OK, headers: { X-Total: { schema: { type: integer } } } } }'),
    want: ['patch items.list: response header `X-Total` documented'],
  },
  {
    name: 'pagination added: awaiting the call now gives a page',
    old: itemsList(
      'parameters: [{ name: page, in: query, schema: { type: integer } }]',
      json('{ type: object, properties: { has_more: { type: boolean }, records: { type: array } } }'),
    ),
    new: itemsList(
      'parameters: [{ name: page, in: query, schema: { type: integer } }]\nx-sdk-pagination: { style: page, pageParam: page, itemsField: records, hasMoreField: has_more }',
      json('{ type: object, properties: { has_more: { type: boolean }, records: { type: array } } }'),
    ),
    want: ['major items.list: now paginated (awaiting it gives a page; `for await` walks every item)'],
  },
];

/** `security` (top level) and `components`, around one operation. */
function secured(security: string, schemes: string): string {
  return spec(`
security: ${security}
paths:
  /items: { get: { operationId: items.list, responses: { "200": { description: OK } } } }
components:
  securitySchemes: ${schemes}`);
}

const apiWide: Case[] = [
  {
    name: 'a required auth option added',
    old: secured('[{ basic: [] }]', '{ basic: { type: http, scheme: basic } }'),
    new: secured(
      '[{ basic: [], key: [] }]',
      '{ basic: { type: http, scheme: basic }, key: { type: apiKey, in: header, name: X-Key } }',
    ),
    want: ['major client: option `key` added (required)'],
  },
  {
    name: 'an optional auth option added (an alternative requirement)',
    old: secured('[{ basic: [] }]', '{ basic: { type: http, scheme: basic } }'),
    new: secured(
      '[{ basic: [] }, { basic: [], key: [] }]',
      '{ basic: { type: http, scheme: basic }, key: { type: apiKey, in: header, name: X-Key } }',
    ),
    want: ['minor client: option `key` added (optional)'],
  },
  {
    name: 'an auth option removed',
    old: secured(
      '[{ basic: [], key: [] }]',
      '{ basic: { type: http, scheme: basic }, key: { type: apiKey, in: header, name: X-Key } }',
    ),
    new: secured('[{ basic: [] }]', '{ basic: { type: http, scheme: basic } }'),
    want: ['major client: option `key` removed'],
  },
  {
    name: 'the default server URL changed: minor, calls go to the new server',
    old: itemsList().replace('paths:', 'servers: [{ url: "https://api.example.com" }]\npaths:'),
    new: itemsList().replace('paths:', 'servers: [{ url: "https://eu.api.example.com" }]\npaths:'),
    want: [
      'minor client: default base URL changed from https://api.example.com to https://eu.api.example.com (set `baseUrl` to keep the old one)',
    ],
  },
  {
    name: 'the only server removed: baseUrl becomes required',
    old: itemsList().replace('paths:', 'servers: [{ url: "https://api.example.com" }]\npaths:'),
    new: itemsList(),
    want: ['major client: default base URL https://api.example.com removed (`baseUrl` is now required)'],
  },
  {
    name: 'info.version and description: patch',
    old: itemsList(),
    new: itemsList().replace('version: "1" }', 'version: "2", description: Now with docs. }'),
    want: ['patch API: description changed', 'patch API: version changed from 1 to 2'],
  },
];

const schemaNames: Case[] = [
  {
    name: 'a named schema added, one removed',
    old: itemsList().concat('components: { schemas: { Old: { type: object } } }\n'),
    new: itemsList().concat('components: { schemas: { New: { type: object } } }\n'),
    want: ['major Old: type removed', 'minor New: type added'],
  },
];

/** GET /items with path-item `parameters`, the operation's `parameters` and `components` (YAML flow). */
function itemsWithShared(pathItemParameters: string, operationParameters: string, components = '{}'): string {
  return spec(`
paths:
  /items:
    parameters: ${pathItemParameters}
    get:
      operationId: items.list
      parameters: ${operationParameters}
      responses: { "200": { description: OK } }
components: ${components}`);
}

const notFound = (messageType: string) => `{ responses: { NotFound: ${problem(messageType)} } }`;
const withNotFound = (messageType: string) =>
  `${itemsList('', '{ "200": { description: OK }, "404": { $ref: "#/components/responses/NotFound" } }')}components: ${notFound(messageType)}\n`;

/** The schema the diff compares is the one the model chose (its `schemaPointer`), not one found anew. */
const schemaChoices: Case[] = [
  {
    name: 'a path-item parameter the operation overrides: its schema is not the one compared',
    old: itemsWithShared(
      '[{ name: limit, in: query, schema: { type: integer } }]',
      '[{ name: limit, in: query, schema: { type: integer } }]',
    ),
    new: itemsWithShared(
      '[{ name: limit, in: query, schema: { type: string } }]',
      '[{ name: limit, in: query, schema: { type: integer } }]',
    ),
    want: [],
  },
  {
    name: "the overriding operation parameter's schema is compared",
    old: itemsWithShared(
      '[{ name: limit, in: query, schema: { type: integer } }]',
      '[{ name: limit, in: query, schema: { type: integer } }]',
    ),
    new: itemsWithShared(
      '[{ name: limit, in: query, schema: { type: integer } }]',
      '[{ name: limit, in: query, schema: { type: string } }]',
    ),
    want: ['major items.list: parameter `limit`: type changed from integer to string'],
  },
  {
    name: "a parameter shared through a $ref: the component's schema is compared",
    old: itemsWithShared(
      '[]',
      '[{ $ref: "#/components/parameters/Page" }]',
      '{ parameters: { Page: { name: page, in: query, schema: { type: integer } } } }',
    ),
    new: itemsWithShared(
      '[]',
      '[{ $ref: "#/components/parameters/Page" }]',
      '{ parameters: { Page: { name: page, in: query, schema: { type: string } } } }',
    ),
    want: ['major items.list: parameter `page`: type changed from integer to string'],
  },
  {
    name: 'a parameter described by `content`: the schema of its media type is compared',
    old: itemsList(
      'parameters: [{ name: filter, in: query, content: { application/json: { schema: { type: integer } } } }]',
    ),
    new: itemsList(
      'parameters: [{ name: filter, in: query, content: { application/json: { schema: { type: string } } } }]',
    ),
    want: ['major items.list: parameter `filter`: type changed from integer to string'],
  },
  {
    name: 'a response in JSON and text: only the JSON the client reads is compared',
    old: itemsList(
      '',
      '{ "200": { description: OK, content: { text/plain: { schema: { type: string } }, application/json: { schema: { type: integer } } } } }',
    ),
    new: itemsList(
      '',
      '{ "200": { description: OK, content: { text/plain: { schema: { type: integer } }, application/json: { schema: { type: integer } } } } }',
    ),
    want: [],
  },
  {
    name: 'a 2XX range as the success response: its schema is compared',
    old: itemsList(
      '',
      '{ "2XX": { description: OK, content: { application/json: { schema: { type: object, required: [id], properties: { id: { type: string } } } } } } }',
    ),
    new: itemsList(
      '',
      '{ "2XX": { description: OK, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } }',
    ),
    want: ['major items.list: response: property `id` made optional'],
  },
  {
    name: 'an error response shared through a $ref: its body schema is compared',
    old: withNotFound('{ type: string }'),
    new: withNotFound('{ type: integer }'),
    want: ['major items.list: error 404 body: property `message` type changed from string to integer'],
  },
];

describe('diffModels', () => {
  const groups: [string, Case[]][] = [
    ['resources', resources],
    ['operations', operations],
    ['parameters', parameters],
    ['request bodies', bodies],
    ['responses', responses],
    ['schemas where the model found them', schemaChoices],
    ['API-wide', apiWide],
    ['schema names', schemaNames],
  ];
  for (const [group, cases] of groups) {
    describe(group, () => {
      it.each(cases)('$name', ({ old, new: next, want }) => {
        expect(changesBetween(old, next)).toEqual(want);
      });
    });
  }

  it('works on the IR alone, without the documents (no schema comparison)', () => {
    const model = (yaml: string) => buildModel(parse(yaml), { sourceFile: 'spec.yaml' }).api;
    const old = itemsList('parameters: [{ name: page, in: query, schema: { type: integer } }]');
    const next = itemsList('parameters: [{ name: page, in: query, schema: { type: string } }, { name: q, in: query }]');
    expect(diffModels(model(old), model(next))).toEqual([
      { kind: 'parameter-added-optional', subject: 'items.list', name: 'q', in: 'query' },
    ]);
  });
});
