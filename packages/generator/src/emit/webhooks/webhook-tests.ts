/**
 * `test/generated/webhooks.test.ts`: each documented event's sample reaches its handler through the fetch
 * adapter, each required field left out is refused with its name, an unknown event type is reported, and the
 * handshake header is echoed. Generated from the spec like the client's contract tests.
 */
import type { GeneratedFile } from '../file.js';
import { tsHeader, type HeaderInfo } from '../header.js';
import type { WebhookSpec } from './find-webhooks.js';
import type { EventSample } from './webhook-samples.js';
import { webhookNames } from './webhooks-module.js';

export function emitWebhookTests(
  spec: WebhookSpec,
  samples: readonly EventSample[],
  { prefix, header }: { prefix: string; header: HeaderInfo },
): GeneratedFile {
  const names = webhookNames(prefix);
  const bodies = Object.fromEntries(samples.map((sample) => [sample.type, sample.body]));
  const missing = samples.flatMap((sample) => sample.required.map((field) => [sample.type, field]));
  const unknownType = spec.events.some((event) => event.type === 'undocumented event')
    ? 'undocumented event!'
    : 'undocumented event';
  const handshake =
    spec.handshakeHeader === undefined
      ? []
      : [
          '',
          `  it('answers the activation handshake by echoing ${spec.handshakeHeader}', async () => {`,
          `    const response = await toFetchHandler(${names.factory}())(post('', { ${JSON.stringify(spec.handshakeHeader)}: 'secret-1' }));`,
          `    expect([response.status, response.headers.get(${JSON.stringify(spec.handshakeHeader)})]).toEqual([200, 'secret-1']);`,
          '  });',
        ];
  const lines = [
    tsHeader(header).trimEnd(),
    "import { describe, expect, it } from 'vitest';",
    `import { ${names.factory}, toFetchHandler, type ${names.eventType} } from '../../src/index.js';`,
    '',
    `const samples: Record<${names.eventType}, Record<string, unknown>> = ${JSON.stringify(bodies, null, 2)};`,
    '',
    `const missingFields: [${names.eventType}, string][] = ${JSON.stringify(missing)};`,
    '',
    'function post(body: string, headers: Record<string, string> = {}): Request {',
    "  return new Request('http://localhost/webhooks', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });",
    '}',
    '',
    "describe('webhook notifications', () => {",
    `  it.each(Object.keys(samples) as ${names.eventType}[])('passes a valid "%s" notification to its handler', async (eventType) => {`,
    '    const received: unknown[] = [];',
    `    const receiver = ${names.factory}().on(eventType, (event) => void received.push(event));`,
    '    const response = await toFetchHandler(receiver)(post(JSON.stringify(samples[eventType])));',
    '    expect(response.status).toBe(200);',
    '    expect(received).toEqual([samples[eventType]]);',
    '  });',
    '',
    `  it.each(missingFields)('refuses a "%s" notification without "%s", naming the field', async (eventType, field) => {`,
    '    const { [field]: _left, ...body } = samples[eventType];',
    `    const response = await toFetchHandler(${names.factory}().on(eventType, () => undefined))(post(JSON.stringify(body)));`,
    '    expect([response.status, await response.text()]).toEqual([400, `webhook body field "${field}" is required`]);',
    '  });',
    '',
    "  it('reports a notification of an unknown event type instead of dropping it', async () => {",
    `    const [first] = Object.values(samples);`,
    `    const body = JSON.stringify({ ...first, ${JSON.stringify(spec.discriminator)}: ${JSON.stringify(unknownType)} });`,
    `    const refused = await toFetchHandler(${names.factory}())(post(body));`,
    `    expect([refused.status, await refused.text()]).toEqual([422, ${JSON.stringify(`unknown event type "${unknownType}"`)}]);`,
    '    const unknown: string[] = [];',
    `    const reported = ${names.factory}().onUnknown((event) => void unknown.push(event.eventType));`,
    '    expect((await toFetchHandler(reported)(post(body))).status).toBe(200);',
    `    expect(unknown).toEqual([${JSON.stringify(unknownType)}]);`,
    '  });',
    ...handshake,
    '});',
    '',
  ];
  return { path: 'test/generated/webhooks.test.ts', contents: lines.join('\n') };
}
