import { describe, expect, it } from 'vitest';
import { ClientCore, createdResult, serializeBody, type Created, type OperationRequest } from '../src/index.js';
import { startServer } from '@revio-sdk/test-utils';

/** Answers every request with this status, headers and body, and runs `op` against it. */
async function answer(
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
  op: Partial<OperationRequest> = {},
) {
  const server = await startServer((_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  });
  return new ClientCore({ baseUrl: server.url }).request({ method: 'GET', path: '/r', ...op } as OperationRequest);
}

describe('response kinds', () => {
  it('parses JSON by default', async () => {
    expect(await answer(200, { 'content-type': 'application/json; charset=utf-8' }, '{"a":1}')).toEqual({ a: 1 });
  });

  it('returns a JSON operation’s non-JSON body as text', async () => {
    expect(await answer(200, { 'content-type': 'text/html' }, '<p>hi</p>')).toBe('<p>hi</p>');
  });

  it('reads text', async () => {
    expect(await answer(200, { 'content-type': 'application/json' }, '{"a":1}', { responseKind: 'text' })).toBe(
      '{"a":1}',
    );
  });

  it('reads binary as a Blob', async () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    const blob = await answer(200, { 'content-type': 'application/pdf' }, pdf, { responseKind: 'binary' });
    expect(blob).toBeInstanceOf(Blob);
    expect((blob as Blob).type).toBe('application/pdf');
    expect(Buffer.from(await (blob as Blob).arrayBuffer())).toEqual(pdf);
  });

  it('returns undefined for 204 and for empty operations', async () => {
    expect(await answer(204, {}, '')).toBeUndefined();
    expect(
      await answer(200, { 'content-type': 'application/json' }, '{"ignored":true}', { responseKind: 'empty' }),
    ).toBeUndefined();
    expect(await answer(200, { 'content-type': 'application/json' }, '')).toBeUndefined();
    expect(await answer(200, {}, '')).toBeUndefined();
  });
});

describe('created responses', () => {
  const created = (headers: Record<string, string>, body: string) =>
    answer(201, { 'content-type': 'application/json', ...headers }, body, {
      method: 'POST',
      body: {},
      serializeBody,
      result: createdResult,
    }) as Promise<Created<unknown>>;

  it('take the id from the body and keep the Location', async () => {
    const result = await created({ location: 'http://restapi.rev.io/v1/Notes/1013' }, '{"ok":true,"id":11027}');
    expect(result).toEqual({
      data: { ok: true, id: 11027 },
      id: 11027,
      location: 'http://restapi.rev.io/v1/Notes/1013',
    });
  });

  it('take the id from the last Location segment when the body has none', async () => {
    expect((await created({ location: '/v1/Notes/1013?x=1' }, '{"ok":true}')).id).toBe('1013');
    expect((await created({ location: 'http://restapi.rev.io/v1/Notes/a%20b/' }, '')).id).toBe('a b');
  });

  it('have no id when neither says', async () => {
    expect(await created({}, '{"ok":true}')).toEqual({ data: { ok: true }, id: undefined, location: undefined });
  });
});
