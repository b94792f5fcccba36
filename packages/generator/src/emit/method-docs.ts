import type { JSDocStructure, OptionalKind } from 'ts-morph';
import { unexpectedStatusBodyType } from '../model/responses.js';
import type { Operation } from '../model/types.js';
import { catchAllCoverage, UNEXPECTED_STATUS_ERROR } from './error-union.js';
import { signatureParameters } from './operation-signature.js';
import { tsDoc } from './tsdoc.js';

/**
 * The TSDoc of a resource method: summary and description from the spec, `@param` per argument,
 * `@throws` per documented status and per documented catch-all (`4XX`, `5XX`, `default`: the runtime
 * rejects the statuses they cover with an `UnexpectedStatusError`, see `catchAllCoverage`), `@deprecated`,
 * and `@see` naming the HTTP method and path.
 */
export function methodDocs(operation: Operation): OptionalKind<JSDocStructure>[] {
  const { summary, description, method, path } = operation;
  const bodyTyped = unexpectedStatusBodyType(operation) !== undefined;
  return tsDoc({
    summary: summary ?? (description === undefined ? `${method} ${path}` : undefined),
    description,
    tags: [
      ...signatureParameters(operation).map(({ name, description: text }) => ({
        tagName: 'param',
        text: `${name} - ${text}`,
      })),
      ...operation.errors.map((error) => throwsTag(error.className, String(error.status), error.description)),
      ...(operation.defaultErrors ?? []).map(({ range, description }) =>
        throwsTag(UNEXPECTED_STATUS_ERROR, catchAllCoverage(range, bodyTyped), description),
      ),
      ...(operation.deprecated ? [{ tagName: 'deprecated' }] : []),
      { tagName: 'see', text: `${method} ${path}` },
    ],
  });
}

/** `@throws {ClassName} <statuses> - <description>`. */
function throwsTag(
  className: string,
  statuses: string,
  description: string | undefined,
): { tagName: string; text: string } {
  return {
    tagName: 'throws',
    text: `{${className}} ${statuses}${description === undefined ? '' : ` - ${description}`}`,
  };
}
