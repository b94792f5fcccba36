import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { HANDLER_FAILED, listen, sendJson } from '../src/http-server.js';

describe('listen', () => {
  it('records each request as it arrived and answers with the handler', async () => {
    const server = await listen((_request, response) => sendJson(response, 201, { ok: true }, { 'x-id': '7' }));
    try {
      const response = await fetch(`${server.url}/items/..%2Fx?a=1`, { method: 'POST', body: 'héllo' });
      expect(response.status).toBe(201);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.get('x-id')).toBe('7');
      expect(await response.json()).toEqual({ ok: true });
      expect(server.requests).toMatchObject([{ method: 'POST', url: '/items/..%2Fx?a=1', body: 'héllo' }]);
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    } finally {
      await server.close();
    }
  });

  it('answers 599 when the handler throws, instead of leaving the request hanging', async () => {
    const server = await listen(() => {
      throw new Error('broken handler');
    });
    try {
      const response = await fetch(server.url);
      expect(response.status).toBe(HANDLER_FAILED);
      expect(await response.text()).toBe('Error: broken handler');
    } finally {
      await server.close();
    }
  });

  it('closes while a request is still waiting for its answer', async () => {
    const server = await listen(() => undefined);
    const pending = new Promise<string>((resolve) => {
      request(server.url, (response) => response.resume())
        .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? ''))
        .end();
    });
    await expect.poll(() => server.requests.length).toBe(1);
    await server.close();
    expect(await pending).toBe('ECONNRESET');
  });
});
