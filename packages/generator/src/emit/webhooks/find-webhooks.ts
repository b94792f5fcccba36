/**
 * What a webhook package is generated from, found in the spec's `webhooks` section: the notification
 * whose schema maps event types to schemas (an OpenAPI `discriminator` with a `mapping`), and the
 * activation handshake (a required request header that the 200 response echoes).
 */
import { childPointer } from '../../load/json-pointer.js';
import { asArray, asNode, type SpecNode } from '../../model/spec-node.js';
import { resolveNode } from '../contract-tests/samples.js';

const SCHEMA_PREFIX = '#/components/schemas/';

/** One documented event type and the component schema of its payload. */
export interface WebhookEvent {
  type: string;
  schemaName: string;
  description: string | undefined;
}

export interface WebhookSpec {
  /** The component schema every notification matches, e.g. `WebhookNotification`. */
  notificationSchema: string;
  discriminator: string;
  events: WebhookEvent[];
  handshakeHeader: string | undefined;
}

/** A problem, at a JSON pointer of the spec. */
export interface WebhookProblem {
  pointer: string;
  message: string;
}

function schemaName(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith(SCHEMA_PREFIX) && !ref.slice(SCHEMA_PREFIX.length).includes('/')
    ? ref.slice(SCHEMA_PREFIX.length)
    : undefined;
}

function operationsOf(document: SpecNode): { pointer: string; operation: SpecNode }[] {
  return Object.entries(asNode(document['webhooks']) ?? {}).flatMap(([name, item]) =>
    Object.entries(resolveNode(document, item) ?? {}).flatMap(([method, operation]) => {
      const node = asNode(operation);
      return method === 'parameters' || node === undefined
        ? []
        : [{ pointer: childPointer('#/webhooks', name, method), operation: node }];
    }),
  );
}

function handshakeHeaderOf(document: SpecNode, operation: SpecNode): string | undefined {
  const echoed = Object.keys(asNode(resolveNode(document, asNode(operation['responses'])?.['200'])?.['headers']) ?? {});
  return asArray(operation['parameters'])
    .map((parameter) => resolveNode(document, parameter))
    .find(
      (parameter) =>
        parameter?.['in'] === 'header' &&
        parameter['required'] === true &&
        echoed.some((header) => header.toLowerCase() === String(parameter['name']).toLowerCase()),
    )?.['name'] as string | undefined;
}

/** The webhooks of `document`, or what stops a webhook package from being generated from it. */
export function findWebhooks(document: object): WebhookSpec | WebhookProblem {
  const spec = document as SpecNode;
  const operations = operationsOf(spec);
  if (operations.length === 0)
    return { pointer: '#/webhooks', message: 'the spec has no webhooks to generate a package from' };
  let notification: { name: string; schema: SpecNode; pointer: string } | undefined;
  for (const { pointer, operation } of operations) {
    const schemaPointer = childPointer(pointer, 'requestBody', 'content', 'application/json', 'schema');
    const ref = asNode(
      asNode(asNode(resolveNode(spec, operation['requestBody'])?.['content'])?.['application/json'])?.['schema'],
    )?.['$ref'];
    const name = schemaName(ref);
    const schema = name === undefined ? undefined : resolveNode(spec, { $ref: ref });
    if (name !== undefined && schema !== undefined && asNode(schema['discriminator']) !== undefined)
      notification = { name, schema, pointer: schemaPointer };
  }
  if (notification === undefined)
    return {
      pointer: '#/webhooks',
      message: `no webhook has a JSON body whose schema (a $ref to ${SCHEMA_PREFIX}...) has a discriminator`,
    };
  const discriminator = asNode(notification.schema['discriminator']) ?? {};
  const mappingPointer = `${SCHEMA_PREFIX}${notification.name}/discriminator/mapping`;
  if (typeof discriminator['propertyName'] !== 'string')
    return {
      pointer: `${SCHEMA_PREFIX}${notification.name}/discriminator`,
      message: 'the discriminator needs a propertyName',
    };
  const events: WebhookEvent[] = [];
  for (const [type, ref] of Object.entries(asNode(discriminator['mapping']) ?? {})) {
    const name = schemaName(ref);
    const schema = name === undefined ? undefined : resolveNode(spec, { $ref: ref });
    if (name === undefined || schema === undefined)
      return {
        pointer: childPointer(mappingPointer, type),
        message: `expected a $ref to a schema under ${SCHEMA_PREFIX}`,
      };
    events.push({
      type,
      schemaName: name,
      description: typeof schema['description'] === 'string' ? schema['description'] : undefined,
    });
  }
  if (events.length === 0)
    return { pointer: mappingPointer, message: 'the discriminator maps no event types to schemas' };
  const handshake = operations
    .map(({ operation }) => handshakeHeaderOf(spec, operation))
    .find((name) => name !== undefined);
  return {
    notificationSchema: notification.name,
    discriminator: discriminator['propertyName'],
    events,
    handshakeHeader: handshake,
  };
}
