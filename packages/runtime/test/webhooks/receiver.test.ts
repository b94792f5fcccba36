import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_WEBHOOK_BODY_BYTES,
  WebhookReceiver,
  WebhookValidationError,
  toFetchHandler,
  toNodeHandler,
  type WebhookDefinition,
  type ValidatorProblem,
  type WebhookValidator,
} from '../../src/index.js';

interface Events {
  'thing made': { kind: 'thing made'; id: number };
}

/** A hand-written stand-in for an Ajv validator: requires `kind` (a string) and, when given, `id` (a number). */
function validator(check: (data: Record<string, unknown>) => readonly ValidatorProblem[] | null): WebhookValidator {
  const validate: WebhookValidator = (data) => {
    validate.errors =
      typeof data === 'object' && data !== null
        ? check(data as Record<string, unknown>)
        : [{ instancePath: '', keyword: 'type', params: {}, message: 'must be object' }];
    return validate.errors === null || validate.errors === undefined;
  };
  return validate;
}

const definition: WebhookDefinition<Events> = {
  discriminator: 'kind',
  validateNotification: validator((data) =>
    typeof data['kind'] === 'string'
      ? null
      : [{ instancePath: '', keyword: 'required', params: { missingProperty: 'kind' } }],
  ),
  events: {
    'thing made': validator((data) =>
      typeof data['id'] === 'number'
        ? null
        : [{ instancePath: '/id', keyword: 'type', params: { type: 'integer' }, message: 'must be integer' }],
    ),
  },
  handshakeHeader: 'X-Hook-Secret',
};

function post(body: string, headers: Record<string, string> = {}) {
  return new Request('http://localhost/hooks', { method: 'POST', body, headers });
}

describe('WebhookReceiver', () => {
  it('passes a valid notification to the handler of its event type', async () => {
    const received: Events['thing made'][] = [];
    const handle = toFetchHandler(
      new WebhookReceiver(definition).on('thing made', (event) => void received.push(event)),
    );
    const response = await handle(post('{"kind":"thing made","id":7}'));
    expect(response.status).toBe(200);
    expect(received).toEqual([{ kind: 'thing made', id: 7 }]);
  });

  it('answers 400 naming the field of an invalid body, and calls no handler', async () => {
    let called = false;
    const outcomes: unknown[] = [];
    const receiver = new WebhookReceiver(definition)
      .on('thing made', () => void (called = true))
      .onOutcome((outcome) => outcomes.push(outcome));
    const response = await toFetchHandler(receiver)(post('{"kind":"thing made","id":"seven"}'));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('webhook body field "id" must be integer');
    expect(called).toBe(false);
    expect(outcomes).toEqual([{ kind: 'invalid', error: expect.any(WebhookValidationError) }]);
  });

  it('names a missing required field and a body that is not JSON', async () => {
    const handle = toFetchHandler(new WebhookReceiver(definition));
    expect(await (await handle(post('{"id":1}'))).text()).toBe('webhook body field "kind" is required');
    expect(await (await handle(post('{'))).text()).toMatch(/^webhook body is not JSON/);
  });

  it('reports an unknown event type: 422 without a handler, to onUnknown with one', async () => {
    const handle = toFetchHandler(new WebhookReceiver(definition));
    const refused = await handle(post('{"kind":"thing sold"}'));
    expect([refused.status, await refused.text()]).toEqual([422, 'unknown event type "thing sold"']);
    const unknown: unknown[] = [];
    const receiver = new WebhookReceiver(definition).onUnknown((event) => void unknown.push(event));
    expect((await toFetchHandler(receiver)(post('{"kind":"thing sold","x":1}'))).status).toBe(200);
    expect(unknown).toEqual([{ eventType: 'thing sold', notification: { kind: 'thing sold', x: 1 } }]);
  });

  it('refuses to register a handler for an event type the API does not document', () => {
    const receiver = new WebhookReceiver(definition);
    // @ts-expect-error not an event type of `Events`
    expect(() => receiver.on('thing sold', () => undefined)).toThrow('unknown event type "thing sold"');
  });

  it('echoes the handshake header to activate, or only reports the secret when told not to', async () => {
    const secrets: string[] = [];
    const activating = toFetchHandler(
      new WebhookReceiver(definition).onHandshake((secret) => void secrets.push(secret)),
    );
    const echoed = await activating(post('', { 'x-hook-secret': 'abc' }));
    expect([echoed.status, echoed.headers.get('X-Hook-Secret')]).toEqual([200, 'abc']);
    const later = toFetchHandler(new WebhookReceiver(definition, { activateOnHandshake: false }));
    const silent = await later(post('', { 'X-Hook-Secret': 'def' }));
    expect([silent.status, silent.headers.get('X-Hook-Secret')]).toEqual([200, null]);
    expect(secrets).toEqual(['abc']);
  });

  it('answers 500 without the message of a handler that throws, and 405 to other methods', async () => {
    const handle = toFetchHandler(
      new WebhookReceiver(definition).on('thing made', () => {
        throw new Error('database password is hunter2');
      }),
    );
    const failed = await handle(post('{"kind":"thing made","id":1}'));
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toContain('hunter2');
    expect((await handle(new Request('http://localhost/hooks'))).status).toBe(405);
  });
});

describe('toNodeHandler', () => {
  const servers: ReturnType<typeof createServer>[] = [];
  afterEach(() => Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done)))));

  async function serve(receiver: WebhookReceiver<Events>): Promise<string> {
    const handler = toNodeHandler(receiver);
    const server = createServer((request, response) => void handler(request, response));
    servers.push(server);
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  it('receives a notification and a handshake over node:http', async () => {
    const received: unknown[] = [];
    const url = await serve(new WebhookReceiver(definition).on('thing made', (event) => void received.push(event)));
    const notified = await fetch(url, { method: 'POST', body: '{"kind":"thing made","id":3}' });
    expect(notified.status).toBe(200);
    expect(received).toEqual([{ kind: 'thing made', id: 3 }]);
    const handshake = await fetch(url, { method: 'POST', headers: { 'X-Hook-Secret': 's3' } });
    expect(handshake.headers.get('x-hook-secret')).toBe('s3');
    const invalid = await fetch(url, { method: 'POST', body: '{"kind":"thing made"}' });
    expect([invalid.status, await invalid.text()]).toEqual([400, 'webhook body field "id" must be integer']);
  });

  it('refuses a body over the limit with 413', async () => {
    const url = await serve(new WebhookReceiver(definition));
    const response = await fetch(url, { method: 'POST', body: 'x'.repeat(MAX_WEBHOOK_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
  });
});
