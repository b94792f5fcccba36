/**
 * End to end: what the docs say of `4XX` and `default` responses is what the generated client does. A
 * status only a catch-all documents rejects with `UnexpectedStatusError` (`status` undefined, `kind`
 * 'unexpected_status', the status in `httpStatus`), and the errors page's example handling it compiles.
 * Its `body` is typed exactly when a JSON `default` response documents every such status.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NotFoundError, UnexpectedStatusError } from '@revio-sdk/runtime';
import { listen, sendJson, type ListeningServer } from '@revio-sdk/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNEXPECTED_STATUS_ERROR, UNEXPECTED_STATUS_KIND } from '../../src/emit/error-union.js';
import type { GeneratedFile } from '../../src/emit/file.js';
import { emitFiles } from '../../src/emit/index.js';
import { loadSpec } from '../../src/load/load-spec.js';
import { buildModel } from '../../src/model/build-model.js';
import { fixture } from '../fixtures/temp-dir.js';
import { typeCheck, writePackage } from '../emit/package-on-disk.js';
import { HEADER } from '../emit/print.js';

interface NotesClient {
  notes: { get(id: number): Promise<unknown>; create(body: object): Promise<unknown> };
}

let files: Map<string, string>;
let directory: string;
let server: ListeningServer;
let client: NotesClient;

/** The errors page's example (a `switch` over an error union), importing the package's source instead of its npm name. */
function errorsPageExample(errorsPage: string): string {
  const example = errorsPage.slice(errorsPage.indexOf('## Example'));
  const code = /```ts\n([\s\S]*?)```/.exec(example)?.[1] ?? '';
  return `${code.replace("from '@acme/notes'", "from '../src/index.js'")}\nexport {};\n`;
}

/** What a caller's code sees as `err.body` once `err.kind` says 'unexpected_status', checked by tsc. */
const UNEXPECTED_BODY_TYPES = `import type { components, NotesArchiveError, NotesCreateError, NotesDeleteError, NotesGetError } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Problem = components['schemas']['Problem'];
type Outage = components['schemas']['Outage'];

export function unexpectedBodies(create: NotesCreateError, get: NotesGetError, archive: NotesArchiveError, remove: NotesDeleteError): boolean[] {
  const checks: boolean[] = [];
  // default with JSON: typed.
  if (create.kind === 'unexpected_status') checks.push(true satisfies Equal<typeof create.body, Problem>);
  // 4XX alone leaves other statuses (a 3xx, say) undocumented: unknown.
  if (get.status === undefined && get.kind === 'unexpected_status') checks.push(true satisfies Equal<typeof get.body, unknown>);
  // default without a body: unknown.
  if (archive.kind === 'unexpected_status') checks.push(true satisfies Equal<typeof archive.body, unknown>);
  // default and 5XX: either body.
  if (remove.kind === 'unexpected_status') checks.push(true satisfies Equal<typeof remove.body, Problem | Outage>);
  return checks;
}
`;

beforeAll(async () => {
  const document = (await loadSpec(fixture('catch-all.yaml'))).document!;
  const { api } = buildModel(document, { sourceFile: 'catch-all.yaml', clientName: 'NotesClient' });
  const generated: GeneratedFile[] = await emitFiles(api, document, {
    packageName: '@acme/notes',
    packageVersion: '1.0.0',
    clientName: 'NotesClient',
    runtimePackage: { name: '@revio-sdk/runtime', version: '0.1.0' },
    header: HEADER,
  });
  files = new Map(generated.map((file) => [file.path, file.contents]));
  directory = writePackage('catch-all', [
    ...generated,
    { path: 'test/errors-page-example.ts', contents: errorsPageExample(files.get('docs/errors.md')!) },
    { path: 'test/unexpected-bodies.ts', contents: UNEXPECTED_BODY_TYPES },
  ]);

  // 404 is documented by its code; 418 only by `4XX`; 502 only by `default`.
  server = await listen((request, response) => {
    const status = request.url === '/v1/notes/404' ? 404 : request.url === '/v1/notes/418' ? 418 : 502;
    sendJson(response, status, { message: `status ${status}` });
  });
  const { NotesClient } = (await import(pathToFileURL(join(directory, 'src/index.ts')).href)) as {
    NotesClient: new (options: object) => NotesClient;
  };
  client = new NotesClient({ baseUrl: `${server.url}/v1`, maxRetries: 0 });
});

afterAll(() => server.close());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
}

describe('catch-all responses', () => {
  it('the docs name the class and kind of the runtime', () => {
    const failure = new UnexpectedStatusError({
      method: 'GET',
      url: 'https://x.invalid',
      httpStatus: 418,
      body: undefined,
      headers: new Headers(),
    });
    expect([failure.name, failure.kind]).toEqual([UNEXPECTED_STATUS_ERROR, UNEXPECTED_STATUS_KIND]);
    const page = files.get('docs/notes.md')!;
    expect(page).toContain(
      "| 4XX | [`UnexpectedStatusError`](errors.md) | `unknown` | Any other 4xx status (`status` undefined, `kind: 'unexpected_status'`, the status in `httpStatus`): Refused |",
    );
    expect(page).toContain(
      "| default | [`UnexpectedStatusError`](errors.md) | `unknown` | Any other non-2xx status (`status` undefined, `kind: 'unexpected_status'`, the status in `httpStatus`): Any failure |",
    );
  });

  it('a status documented by its code still rejects with its class', async () => {
    expect(await rejection(client.notes.get(404))).toBeInstanceOf(NotFoundError);
  });

  it.each([
    ['4XX', () => client.notes.get(418), 418],
    ['default', () => client.notes.create({ text: 'x' }), 502],
  ])('a status only %s documents rejects as the docs say', async (_range, call, httpStatus) => {
    const error = await rejection(call());
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect(error).toMatchObject({
      status: undefined,
      kind: 'unexpected_status',
      httpStatus,
      body: { message: `status ${httpStatus}` },
    });
  });

  it('the error union ends with CommonError, typed by the catch-all bodies only when `default` documents JSON', () => {
    const types = files.get('src/models/operations/notes.ts')!;
    expect(types).toContain('export type NotesCreateError = CommonError<Problem>;');
    expect(types).toContain('export type NotesGetError = NotFoundError<Problem> | CommonError;');
    expect(types).toContain('export type NotesArchiveError = CommonError;');
    expect(types).toContain('export type NotesDeleteError = CommonError<Outage | Problem>;');
  });

  it('the package, the errors page example and narrowing on the typed bodies type-check', () => {
    expect(files.get('docs/errors.md')).toContain(
      "if (error.kind === 'unexpected_status') console.error(error.httpStatus, error.body);",
    );
    expect(typeCheck(directory)).toEqual([]);
  });
});
