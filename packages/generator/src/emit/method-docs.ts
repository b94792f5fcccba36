import type { JSDocStructure, OptionalKind } from 'ts-morph';
import type { Operation } from '../model/types.js';
import { signatureParameters } from './operation-signature.js';
import { tsDoc } from './tsdoc.js';

/**
 * The TSDoc of a resource method: summary and description from the spec, `@param` per argument,
 * `@throws` per documented status, `@deprecated`, and `@see` naming the HTTP method and path.
 */
export function methodDocs(operation: Operation): OptionalKind<JSDocStructure>[] {
  const { summary, description, method, path } = operation;
  return tsDoc({
    summary: summary ?? (description === undefined ? `${method} ${path}` : undefined),
    description,
    tags: [
      ...signatureParameters(operation).map(({ name, description: text }) => ({ tagName: 'param', text: `${name} - ${text}` })),
      ...operation.errors.map((error) => ({
        tagName: 'throws',
        text: `{${error.className}} ${error.status}${error.description === undefined ? '' : ` - ${error.description}`}`,
      })),
      ...(operation.deprecated ? [{ tagName: 'deprecated' }] : []),
      { tagName: 'see', text: `${method} ${path}` },
    ],
  });
}
