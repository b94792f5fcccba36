/**
 * `src/webhooks.ts`: the typed event map, the definition the runtime's `WebhookReceiver` works from, and a
 * factory for the receiver.
 */
import type { GeneratedFile } from '../file.js';
import { tsHeader, type HeaderInfo } from '../header.js';
import { docText, stringLiteral } from '../escape.js';
import type { WebhookSpec } from './find-webhooks.js';
import { validatorName } from './validators.js';

/** The names the module exports, from the SDK's prefix (e.g. `Revio`). */
export function webhookNames(prefix: string) {
  return {
    events: `${prefix}WebhookEvents`,
    eventType: `${prefix}WebhookEventType`,
    definition: `${prefix.charAt(0).toLowerCase()}${prefix.slice(1)}WebhookDefinition`,
    factory: `create${prefix}WebhookReceiver`,
  };
}

/** A TSDoc comment for a member, from spec prose. */
function comment(text: string): string {
  return [
    '  /**',
    ...docText(text)
      .split('\n')
      .map((line) => `   *${line === '' ? '' : ` ${line}`}`),
    '   */',
  ].join('\n');
}

export function emitWebhooksModule(
  spec: WebhookSpec,
  { prefix, runtimePackage, header }: { prefix: string; runtimePackage: string; header: HeaderInfo },
): GeneratedFile {
  const names = webhookNames(prefix);
  const schema = (name: string) => `components['schemas'][${stringLiteral(name)}]`;
  const validators = [spec.notificationSchema, ...spec.events.map((event) => event.schemaName)].map(validatorName);
  const lines = [
    tsHeader(header).trimEnd(),
    `import { WebhookReceiver, type WebhookDefinition, type WebhookReceiverOptions } from '${runtimePackage}';`,
    `import type { components } from './schema.js';`,
    `import { ${[...new Set(validators)].sort().join(', ')} } from './validators.js';`,
    '',
    '/** The part every notification shares, whatever its event type (also of types this package does not know). */',
    `export type WebhookNotification = ${schema(spec.notificationSchema)};`,
    '',
    '/** Each documented event type and the payload of its notifications. */',
    `export interface ${names.events} {`,
    ...spec.events.flatMap((event) => [
      ...(event.description === undefined ? [] : [comment(event.description)]),
      `  ${stringLiteral(event.type)}: ${schema(event.schemaName)};`,
    ]),
    '}',
    '',
    `export type ${names.eventType} = keyof ${names.events};`,
    '',
    `/** What the receiver checks notifications against${spec.handshakeHeader === undefined ? '' : ', and the activation handshake header'}. */`,
    `export const ${names.definition}: WebhookDefinition<${names.events}> = {`,
    `  discriminator: ${stringLiteral(spec.discriminator)},`,
    `  validateNotification: ${validatorName(spec.notificationSchema)},`,
    '  events: {',
    ...spec.events.map((event) => `    ${stringLiteral(event.type)}: ${validatorName(event.schemaName)},`),
    '  },',
    ...(spec.handshakeHeader === undefined ? [] : [`  handshakeHeader: ${stringLiteral(spec.handshakeHeader)},`]),
    '};',
    '',
    '/** A receiver: register handlers with `on(eventType, handler)`, then serve it with `toNodeHandler` or `toFetchHandler`. */',
    `export function ${names.factory}(options?: WebhookReceiverOptions): WebhookReceiver<${names.events}> {`,
    `  return new WebhookReceiver(${names.definition}, options);`,
    '}',
    '',
  ];
  return { path: 'src/webhooks.ts', contents: lines.join('\n') };
}
