/** A sample notification of each event type, and the fields it must have: what the docs show and the tests send. */
import { schemaSample, resolveNode } from '../contract-tests/samples.js';
import { asArray, asNode } from '../../model/spec-node.js';
import type { WebhookSpec } from './find-webhooks.js';

export interface EventSample {
  type: string;
  schemaName: string;
  /** The schema's `example`, else a value openapi-sampler builds from it. */
  body: unknown;
  /** Every field a notification of this type must have (through `allOf` and `$ref`s). */
  required: string[];
}

function requiredFields(document: object, schema: unknown, depth = 0): string[] {
  const node = resolveNode(document, schema);
  if (node === undefined || depth > 16) return [];
  const own = asArray(node['required']).filter((field): field is string => typeof field === 'string');
  const inherited = asArray(node['allOf']).flatMap((member) => requiredFields(document, member, depth + 1));
  return [...new Set([...own, ...inherited])];
}

export function eventSamples(document: object, spec: WebhookSpec): EventSample[] {
  return spec.events.map(({ type, schemaName }) => {
    const ref = { $ref: `#/components/schemas/${schemaName}` };
    const example = asNode(resolveNode(document, ref))?.['example'];
    return {
      type,
      schemaName,
      body: example ?? schemaSample(document, ref, 'request'),
      required: requiredFields(document, ref),
    };
  });
}
