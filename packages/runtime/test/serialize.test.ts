import { describe, expect, it } from 'vitest';
import {
  ClientCore,
  ServiceUnavailableError,
  apiKeyCookie,
  encodePath,
  serializeBody,
  serializeParams,
  type JsonPatch,
  type OperationRequest,
  type ParamSpec,
  type RequestDraft,
} from '../src/index.js';
import { isJsonMediaType } from '../src/serialize.js';
import { sendJson, startServer } from '@revio-sdk/test-utils';

/** Sends `op` to a fresh server and returns what the server received. */
async function received(op: OperationRequest, auth: ConstructorParameters<typeof ClientCore>[0]['auth'] = []) {
  const server = await startServer((_request, response) => sendJson(response, 200, {}));
  await new ClientCore({ baseUrl: server.url, auth }).request(op);
  return server.requests[0]!;
}

describe('encodePath', () => {
  it('keeps substituted values inside their path segment', async () => {
    expect((await received({ method: 'GET', path: encodePath`/items/${'../x'}` })).url).toBe('/items/..%2Fx');
    expect((await received({ method: 'GET', path: encodePath`/items/${'a/b'}/notes` })).url).toBe('/items/a%2Fb/notes');
  });

  it('encodes numbers, spaces and query characters', () => {
    expect(encodePath`/Customers/${1001}/files/${'my file?.pdf'}`).toBe('/Customers/1001/files/my%20file%3F.pdf');
  });

  it('refuses dot segments, which URLs would resolve', () => {
    expect(() => encodePath`/items/${'..'}`).toThrow(TypeError);
    expect(() => encodePath`/items/${'.'}`).toThrow(TypeError);
  });
});

describe('query parameters', () => {
  it('sends search.* keys as they are, repeats arrays, and writes dates, booleans and numbers as text', async () => {
    const request = await received({
      method: 'GET',
      path: '/Customers',
      serializeParams,
      params: {
        'search.name': 'Acme & Co',
        'search.product_id': [1, 2],
        since: new Date('2026-01-02T03:04:05Z'),
        active: true,
        count: 0,
        missing: undefined,
        empty: null,
      },
    });
    expect(request.url).toBe(
      '/Customers?search.name=Acme%20%26%20Co&search.product_id=1&search.product_id=2&since=2026-01-02T03%3A04%3A05.000Z&active=true&count=0',
    );
  });

  const query = (value: unknown, spec: ParamSpec = {}): string => {
    const draft: RequestDraft = { query: [], headers: {}, cookies: [], body: null, replayable: true };
    serializeParams(draft, { id: value }, { id: spec });
    return draft.query.join('&');
  };
  it.each<[string, unknown, ParamSpec, string]>([
    ['form, explode (default)', [3, 4], {}, 'id=3&id=4'],
    ['form, explode: false', [3, 4], { explode: false }, 'id=3,4'],
    ['spaceDelimited', [3, 4], { style: 'spaceDelimited' }, 'id=3%204'],
    ['pipeDelimited', [3, 4], { style: 'pipeDelimited' }, 'id=3|4'],
    ['values with delimiters are encoded', ['a,b', 'c'], { explode: false }, 'id=a%2Cb,c'],
    ['empty array', [], {}, ''],
    ['form object, explode', { role: 'admin', age: 3 }, {}, 'role=admin&age=3'],
    ['form object, explode: false', { role: 'admin', age: 3 }, { explode: false }, 'id=role,admin,age,3'],
    [
      'deepObject',
      { role: 'admin', since: new Date(0) },
      { style: 'deepObject' },
      'id[role]=admin&id[since]=1970-01-01T00%3A00%3A00.000Z',
    ],
    ['wire name', 'x', { name: 'user-id' }, 'user-id=x'],
  ])('%s', (_name, value, spec, expected) => {
    expect(query(value, spec)).toBe(expected);
  });
});

describe('header and cookie parameters', () => {
  it('go where paramSpecs say, next to API-key cookies', async () => {
    const request = await received(
      {
        method: 'GET',
        path: '/x',
        serializeParams,
        params: { requestId: 'r-1', tags: ['a', 'b'], session: 's 1', page: 2 },
        paramSpecs: {
          requestId: { in: 'header', name: 'X-Request-Id' },
          tags: { in: 'header', name: 'X-Tags' },
          session: { in: 'cookie', name: 'sid' },
        },
      },
      [apiKeyCookie('key', 'k')],
    );
    expect(request.url).toBe('/x?page=2');
    expect(request.headers['x-request-id']).toBe('r-1');
    expect(request.headers['x-tags']).toBe('a,b');
    expect(request.headers.cookie).toBe('key=k; sid=s%201');
  });
});

describe('request bodies', () => {
  interface Contact {
    name: string;
    mobile?: string;
    fields: { field_id: number; value: string }[];
  }

  it('sends a PATCH as application/json-patch+json with the JSON array', async () => {
    const patch: JsonPatch<Contact> = [
      { op: 'replace', path: '/name', value: 'Jane Smith' },
      { op: 'replace', path: '/fields/0/value', value: 'x' },
    ];
    const request = await received({
      method: 'PATCH',
      path: '/Contacts/1001',
      body: patch,
      serializeBody,
      contentType: 'application/json-patch+json',
    });
    expect(request.method).toBe('PATCH');
    expect(request.headers['content-type']).toBe('application/json-patch+json');
    expect(JSON.parse(request.body)).toEqual(patch);
  });

  it('sends JSON by default', async () => {
    const request = await received({
      method: 'POST',
      path: '/Notes',
      body: { customer_id: 1001, body: 'hi' },
      serializeBody,
    });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.accept).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({ customer_id: 1001, body: 'hi' });
  });

  it('URL-encodes form bodies', async () => {
    const request = await received({
      method: 'POST',
      path: '/form',
      serializeBody,
      body: { name: 'a b', tags: ['x', 'y'], skip: undefined },
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.body).toBe('name=a%20b&tags=x&tags=y');
  });

  it('turns multipart objects into FormData and keeps Blobs', async () => {
    const request = await received({
      method: 'POST',
      path: '/upload',
      serializeBody,
      body: { description: 'scan', file: new Blob(['%PDF-1.4'], { type: 'application/pdf' }) },
      contentType: 'multipart/form-data',
    });
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.body).toContain('name="description"\r\n\r\nscan');
    expect(request.body).toMatch(/name="file"; filename="blob"\r\nContent-Type: application\/pdf\r\n\r\n%PDF-1\.4/);
  });

  it('sends text and binary bodies as they are', async () => {
    const text = await received({
      method: 'PUT',
      path: '/t',
      body: 'plain words',
      serializeBody,
      contentType: 'text/plain',
    });
    expect(text.headers['content-type']).toBe('text/plain');
    expect(text.body).toBe('plain words');
    const binary = await received({
      method: 'PUT',
      path: '/b',
      body: new TextEncoder().encode('bytes'),
      serializeBody,
      contentType: 'application/octet-stream',
    });
    expect(binary.headers['content-type']).toBe('application/octet-stream');
    expect(binary.body).toBe('bytes');
  });

  it('sends a stream body once, without retries', async () => {
    const server = await startServer((_request, response) => sendJson(response, 503, {}, { 'retry-after': '0' }));
    const body = new Blob(['streamed']).stream();
    const client = new ClientCore({ baseUrl: server.url });
    const op = {
      method: 'PUT',
      path: '/s',
      body,
      serializeBody,
      contentType: 'application/octet-stream',
      errors: { 503: ServiceUnavailableError },
    } as const;
    await expect(client.request(op)).rejects.toMatchObject({ status: 503 });
    expect(server.requests.map((request) => request.body)).toEqual(['streamed']);
  });
});

describe('isJsonMediaType', () => {
  it('accepts JSON and +json media types in any case, with or without parameters', () => {
    for (const type of [
      'application/json',
      'Application/JSON; charset=utf-8',
      ' text/json ',
      'application/problem+json ;q=1',
      'application/vnd.api+json',
    ]) {
      expect(isJsonMediaType(type), type).toBe(true);
    }
  });

  it('rejects other media types, including look-alikes', () => {
    for (const type of [
      null,
      '',
      'text/plain',
      'application/jsonp',
      'application/json-seq',
      'application/x-ndjson',
      'text/html; note=+json',
    ]) {
      expect(isJsonMediaType(type), String(type)).toBe(false);
    }
  });
});
