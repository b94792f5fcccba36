/** `README.md` and `docs/events.md` of a webhook package: the event types, their payloads and how to serve them. */
import {
  markdownBlock,
  markdownCode,
  markdownCodeBlock,
  markdownInline,
  markdownTableCell,
  markdownTableCode,
} from '../escape.js';
import type { GeneratedFile } from '../file.js';
import { markdownHeader, type HeaderInfo } from '../header.js';
import type { WebhookSpec } from './find-webhooks.js';
import type { EventSample } from './webhook-samples.js';
import { webhookNames } from './webhooks-module.js';

export interface WebhookDocsOptions {
  packageName: string;
  title: string;
  prefix: string;
  header: HeaderInfo;
}

function usage(spec: WebhookSpec, { packageName, prefix }: WebhookDocsOptions): string {
  const names = webhookNames(prefix);
  const first = spec.events[0]?.type ?? '';
  return markdownCodeBlock(
    [
      "import { createServer } from 'node:http';",
      `import { ${names.factory}, toNodeHandler } from '${packageName}';`,
      '',
      `const receiver = ${names.factory}()`,
      `  .on(${JSON.stringify(first)}, async (event) => console.log(event))`,
      "  .onUnknown((event) => console.warn('unknown webhook event', event.eventType));",
      'createServer(toNodeHandler(receiver)).listen(8080);',
      '',
      '// On a fetch-style server (Deno, Bun, workers): export default { fetch: toFetchHandler(receiver) };',
    ].join('\n'),
    'ts',
  );
}

export function emitWebhookDocs(
  spec: WebhookSpec,
  samples: readonly EventSample[],
  options: WebhookDocsOptions,
): GeneratedFile[] {
  const { packageName, title, header } = options;
  const rows = spec.events.map(
    (event) =>
      `| ${markdownTableCode(event.type)} | ${markdownTableCode(event.schemaName)} | ${markdownTableCell(event.description ?? '')} |`,
  );
  const handshake =
    spec.handshakeHeader === undefined
      ? []
      : [
          '## Activation handshake',
          '',
          `A request carrying ${markdownCode(spec.handshakeHeader)} is the activation handshake: the receiver answers 200 and echoes the header, which activates it. With \`{ activateOnHandshake: false }\` it answers 200 without the header, and \`onHandshake(secret => ...)\` gets the secret to activate the receiver later through the API.`,
          '',
        ];
  const readme = [
    markdownHeader(header).trimEnd(),
    `# ${packageName}`,
    '',
    `Typed webhook receiver for ${markdownInline(title)}: typed event payloads, a dispatcher keyed by event type, validation of incoming bodies and adapters for node:http and web-standard \`Request\`/\`Response\` servers.`,
    '',
    '## Usage',
    '',
    usage(spec, options),
    '',
    '## Events',
    '',
    `The event type is the body's ${markdownCode(spec.discriminator)}. Payloads: [docs/events.md](docs/events.md).`,
    '',
    '| event type | payload | description |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '## Answers',
    '',
    '- 200: a valid notification, after its handlers ran (also when no handler is registered for its type).',
    `- 400: a body that is not JSON or not what the spec documents; the text names the field, e.g. \`webhook body field "${spec.discriminator}" is required\`.`,
    '- 422: an event type the spec does not document, unless `onUnknown` handles it.',
    '- 500: a handler threw (its message is not sent back); 405 to methods other than POST; 413 to bodies over 1 MiB.',
    '',
    ...handshake,
  ];
  const events = [
    markdownHeader(header).trimEnd(),
    '# Events',
    '',
    ...samples.flatMap((sample) => {
      const event = spec.events.find((candidate) => candidate.type === sample.type);
      return [
        `## ${markdownInline(sample.type)}`,
        '',
        ...(event?.description === undefined ? [] : [markdownBlock(event.description), '']),
        `Payload: ${markdownCode(sample.schemaName)}; required fields: ${sample.required.map(markdownCode).join(', ')}.`,
        '',
        markdownCodeBlock(JSON.stringify(sample.body, null, 2), 'json'),
        '',
      ];
    }),
  ];
  return [
    { path: 'README.md', contents: readme.join('\n') },
    { path: 'docs/events.md', contents: events.join('\n') },
  ];
}
