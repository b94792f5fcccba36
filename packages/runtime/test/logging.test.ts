import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ClientCore,
  ServiceUnavailableError,
  apiKeyHeader,
  apiKeyQuery,
  basicAuth,
  serializeBody,
  serializeParams,
  type Logger,
} from '../src/index.js';
import { redactUrl } from '../src/logging.js';
import { sendJson, startServer } from '@revio-sdk/test-utils';

const password = 'log-password-secret';
const apiKey = 'log-api-key-secret';
const queryKey = 'log-query-key-secret';
const sessionCookie = 'log-cookie-secret';
const secrets = [password, apiKey, queryKey, sessionCookie, Buffer.from(`u@c:${password}`).toString('base64')];

/** A Logger that keeps what it is given. */
function recordingLogger() {
  const entries: { message: string; details: Record<string, unknown> }[] = [];
  const logger: Logger = {
    debug: (message, details) => entries.push({ message, details: details as Record<string, unknown> }),
  };
  return { logger, entries };
}

describe('logging', () => {
  it('receives each request and response with credentials redacted', async () => {
    let first = true;
    const server = await startServer((_request, response) => {
      const status = first ? 503 : 200;
      first = false;
      sendJson(
        response,
        status,
        {},
        { 'retry-after': '0', 'set-cookie': `session=${sessionCookie}`, 'x-request-id': 'r-1' },
      );
    });
    const { logger, entries } = recordingLogger();
    const client = new ClientCore({
      baseUrl: server.url,
      logger,
      auth: [
        basicAuth('u@c', password),
        apiKeyHeader('Ocp-Apim-Subscription-Key', apiKey),
        apiKeyQuery('key', queryKey),
      ],
    });
    await client.request({
      method: 'GET',
      path: '/Customers',
      params: { session: sessionCookie, page: 1 },
      serializeParams,
      paramSpecs: { session: { in: 'cookie' } },
      errors: { 503: ServiceUnavailableError },
    });

    expect(entries.map((entry) => entry.message)).toEqual(['request', 'response', 'retrying', 'request', 'response']);
    const url = `${server.url}/Customers?key=[REDACTED]&page=1`;
    expect(entries[0]!.details).toMatchObject({
      method: 'GET',
      url,
      attempt: 0,
      headers: {
        authorization: '[REDACTED]',
        'ocp-apim-subscription-key': '[REDACTED]',
        cookie: '[REDACTED]',
        accept: 'application/json',
      },
    });
    expect(entries[4]!.details).toMatchObject({
      method: 'GET',
      url,
      status: 200,
      durationMs: expect.any(Number),
      headers: { 'set-cookie': '[REDACTED]', 'x-request-id': 'r-1' },
    });
    const logged = JSON.stringify(entries);
    for (const secret of secrets) expect(logged).not.toContain(secret);
  });

  it('logs a failed attempt without secrets', async () => {
    const server = await startServer((_request, _response, raw) => raw.socket.destroy());
    const { logger, entries } = recordingLogger();
    const client = new ClientCore({ baseUrl: server.url, logger, maxRetries: 0, auth: [basicAuth('u@c', password)] });
    await client.request({ method: 'POST', path: '/Notes', body: {}, serializeBody }).catch(() => {});
    expect(entries.map((entry) => entry.message)).toEqual(['request', 'request failed']);
    expect(entries[1]!.details).toMatchObject({ method: 'POST', error: expect.stringContaining('/Notes') });
    for (const secret of secrets) expect(JSON.stringify(entries)).not.toContain(secret);
  });

  it('accepts console as a logger', () => {
    expectTypeOf(console).toExtend<Logger>();
  });

  it('strips userinfo from URLs', () => {
    const url = new URL('https://user:pass@api.example.com/v1/x?key=abc&keep=1');
    expect(redactUrl(url, { headers: new Set(), query: new Set(['key']), values: [] })).toBe(
      'https://api.example.com/v1/x?key=[REDACTED]&keep=1',
    );
  });
});
