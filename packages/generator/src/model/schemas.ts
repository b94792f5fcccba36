import type { ModelContext } from './model-context.js';
import { toTypeName, type NameScope } from './naming.js';
import { asNode, descriptionOf, entriesOf } from './spec-node.js';
import type { SchemaRef } from './types.js';

/**
 * One exported type name per `components/schemas` entry, in document order. A name that is taken (a
 * global, a runtime export or an earlier schema) gets a `Schema` suffix, then a number.
 * @see https://spec.openapis.org/oas/v3.1.0#components-object
 */
export function buildSchemas(ctx: ModelContext, typeNames: NameScope): SchemaRef[] {
  return entriesOf(asNode(ctx.document['components'])?.['schemas']).map(([sourceName, schema]) => {
    const wanted = toTypeName(sourceName, 'Schema');
    const typeName = typeNames.claim(typeNames.has(wanted) ? `${wanted}Schema` : wanted);
    const description = descriptionOf(asNode(schema));
    return description === undefined ? { sourceName, typeName } : { sourceName, typeName, description };
  });
}
