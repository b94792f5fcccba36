/**
 * The webhook package's files: from the spec's `webhooks` section, the types (openapi-typescript), Ajv
 * validators, the typed receiver module, docs and generated tests. Sorted by path, deterministic.
 */
import type { Api } from '../../model/types.js';
import type { EmitOptions } from '../index.js';
import type { GeneratedFile } from '../file.js';
import { tsHeader } from '../header.js';
import { emitManifest, emitTsconfig } from '../package-files.js';
import { emitSchemaTypes } from '../schema-types.js';
import { findWebhooks, type WebhookProblem } from './find-webhooks.js';
import { emitValidators } from './validators.js';
import { emitWebhookDocs } from './webhook-docs.js';
import { eventSamples } from './webhook-samples.js';
import { emitWebhookTests } from './webhook-tests.js';
import { emitWebhooksModule } from './webhooks-module.js';

/** The names' prefix: the client name without its `Client` suffix (`RevioClient` -> `Revio`). */
function prefixOf(clientName: string): string {
  return clientName.replace(/Client$/, '') || clientName;
}

export async function emitWebhookFiles(
  api: Api,
  document: object,
  options: EmitOptions,
): Promise<GeneratedFile[] | WebhookProblem> {
  const spec = findWebhooks(document);
  if (!('events' in spec)) return spec;
  const { header } = options;
  const runtimePackage = options.runtimePackage.name;
  const prefix = prefixOf(options.clientName);
  const samples = eventSamples(document, spec);
  const schemaNames = [...new Set([spec.notificationSchema, ...spec.events.map((event) => event.schemaName)])];
  const index = [
    tsHeader(header).trimEnd(),
    "export * from './webhooks.js';",
    `export { WebhookReceiver, WebhookValidationError, toFetchHandler, toNodeHandler } from '${runtimePackage}';`,
    `export type { UnknownWebhookEvent, WebhookOutcome, WebhookReceiverOptions } from '${runtimePackage}';`,
    '',
  ].join('\n');
  const files = [
    await emitSchemaTypes(document, header, options.onSchemaFallback),
    ...emitValidators(document, schemaNames, { header, runtimePackage }),
    emitWebhooksModule(spec, { prefix, runtimePackage, header }),
    { path: 'src/index.ts', contents: index },
    emitManifest(options, `Typed webhook receiver for ${api.title}.`, { '.': 'index' }),
    emitTsconfig(options),
    ...emitWebhookDocs(spec, samples, { packageName: options.packageName, title: api.title, prefix, header }),
    ...(options.contractTests === false ? [] : [emitWebhookTests(spec, samples, { prefix, header })]),
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
