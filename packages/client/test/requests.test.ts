/**
 * What goes over the wire for writes and path parameters: a 201 gives the created id and Location,
 * PATCH sends a JSON Patch document as application/json-patch+json, and path parameters are encoded
 * so they cannot leave their path segment.
 */
import { describe, expect, it } from 'vitest';
import { RevioClient } from '../src/index.js';
import { sendJson } from '@revio-sdk/test-utils';
import { credentials, startServer } from './helpers/server.js';

describe('writes', () => {
  it('notes.create on a 201 returns the created id and the Location header', async () => {
    const server = await startServer((_request, response) =>
      sendJson(response, 201, { ok: true, id: 1013 }, { location: 'https://api.revioapi.com/v1/Notes/1013' }),
    );
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });

    const note = await client.notes.create({ customer_id: 1001, body: 'Called about the bill.' });

    expect(note.id).toBe(1013);
    expect(note.location).toBe('https://api.revioapi.com/v1/Notes/1013');
    expect(note.data).toEqual({ ok: true, id: 1013 });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/Notes');
    expect(request?.headers['content-type']).toMatch(/^application\/json\b/);
    expect(JSON.parse(request!.body)).toEqual({ customer_id: 1001, body: 'Called about the bill.' });
  });

  it('a 201 without an id in the body takes the id from the Location header', async () => {
    const server = await startServer((_request, response) =>
      sendJson(response, 201, { ok: true }, { location: '/v1/Notes/2044' }),
    );
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });
    const note = await client.notes.create({ customer_id: 1001, body: 'x' });
    expect(note.id).toBe('2044');
    expect(note.location).toBe('/v1/Notes/2044');
  });

  it('customers.update sends PATCH with the JSON Patch document as application/json-patch+json', async () => {
    const server = await startServer((_request, response) => sendJson(response, 200, { ok: true }));
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });

    const result = await client.customers.update(1001, [{ op: 'replace', path: '/status', value: 'CLOSED' }]);

    expect(result).toEqual({ ok: true });
    const [request] = server.requests;
    expect(request?.method).toBe('PATCH');
    expect(request?.url).toBe('/v1/Customers/1001');
    expect(request?.headers['content-type']).toBe('application/json-patch+json');
    expect(JSON.parse(request!.body)).toEqual([{ op: 'replace', path: '/status', value: 'CLOSED' }]);
  });
});

describe('path parameters', () => {
  // Ids are typed `number` (the spec says integer), so a string only gets in through a cast. It does
  // get in at runtime (ids from JSON, query strings or untyped callers), which is what is tested here.
  const asId = (value: string) => value as unknown as number;

  it.each([
    ['../x', '/v1/Customers/..%2Fx'],
    ['1001/../../Notes', '/v1/Customers/1001%2F..%2F..%2FNotes'],
    ['1?admin=1#frag', '/v1/Customers/1%3Fadmin%3D1%23frag'],
    ['a b%2F', '/v1/Customers/a%20b%252F'],
  ])('%j stays inside its path segment', async (id, expectedPath) => {
    const server = await startServer((_request, response) => sendJson(response, 200, { ok: true, customer_id: 1 }));
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });
    await client.customers.get(asId(id));
    expect(server.requests.map((r) => r.url)).toEqual([expectedPath]);
  });

  it.each(['..', '.'])('refuses the dot segment %j before sending anything', async (id) => {
    const server = await startServer((_request, response) => sendJson(response, 200, { ok: true }));
    const client = new RevioClient({ ...credentials, baseUrl: server.baseUrl });
    // encodePath throws while the method builds its request, so the call itself throws.
    expect(() => client.customers.update(asId(id), [])).toThrow(TypeError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(0);
  });
});
