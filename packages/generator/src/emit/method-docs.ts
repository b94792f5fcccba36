import type { JSDocStructure, OptionalKind } from 'ts-morph';
import type { Operation, ShownType } from '../model/types.js';
import { catchAllStatuses, UNEXPECTED_STATUS_ERROR } from './error-union.js';
import { resolvedType, signatureParameters } from './operation-signature.js';
import { tsDoc } from './tsdoc.js';

/**
 * The TSDoc of a resource method: summary and description from the spec, `@param` per argument,
 * `@returns`, `@throws` once per error class with the statuses it stands for (what each status means is
 * written once, on the class), `@example` when the call can be written from the model alone,
 * `@deprecated`, and `@see` naming the HTTP method and path. `property` is the resource's client property.
 */
export function methodDocs(operation: Operation, property: string): OptionalKind<JSDocStructure>[] {
  const { summary, description, method, path } = operation;
  const example = exampleCall(operation, property);
  return tsDoc({
    summary: summary ?? (description === undefined ? `${method} ${path}` : undefined),
    description,
    tags: [
      ...signatureParameters(operation).map(({ name, description: text }) => ({
        tagName: 'param',
        text: `${name} - ${text}`,
      })),
      { tagName: 'returns', text: returnsText(operation) },
      ...throwsTags(operation),
      ...(example === undefined ? [] : [{ tagName: 'example', text: `Usage\n\`\`\`ts\n${example}\n\`\`\`` }]),
      ...(operation.deprecated ? [{ tagName: 'deprecated' }] : []),
      { tagName: 'see', text: `${method} ${path}` },
    ],
  });
}

/** What the promise resolves to, and how a failure is typed. */
function returnsText(operation: Operation): string {
  const { error } = operation.typeNames;
  const rejects = `rejects with \`${error}\`.`;
  if (operation.pagination) {
    return `The first page (\`for await\` over the result walks every item, fetching pages as needed); ${rejects}`;
  }
  const described = operation.success.description === undefined ? '' : ` (${operation.success.description})`;
  return `\`${resolvedType(operation)}\`${described}; ${rejects}`;
}

/**
 * `@throws {NotFoundError} 404`, one tag per class: `APIError` gathers every status without a class of its
 * own, `UnexpectedStatusError` every documented catch-all.
 */
function throwsTags(operation: Operation): { tagName: string; text: string }[] {
  const statuses = new Map<string, string[]>();
  const add = (className: string, status: string) =>
    statuses.set(className, [...(statuses.get(className) ?? []), status]);
  for (const error of operation.errors) add(error.className, String(error.status));
  for (const { range } of operation.defaultErrors ?? []) add(UNEXPECTED_STATUS_ERROR, catchAllStatuses(range));
  return [...statuses].map(([className, list]) => ({ tagName: 'throws', text: `{${className}} ${list.join(', ')}` }));
}

/** A literal of a shown type when one is obvious: the first of a literal union, else by primitive. */
function sampleOf(shown: ShownType): string | undefined {
  const first = shown.text.split(' | ')[0] ?? '';
  if (/^(".*"|-?\d+(\.\d+)?|true|false)$/.test(first)) return first.replace(/^"(.*)"$/, "'$1'");
  return { number: '1', string: "'value'", boolean: 'true' }[first];
}

/**
 * `const result = await client.<property>.<method>(...);` when every required argument is a path
 * parameter of a primitive or literal type; undefined when a body or params object would have to be made up.
 */
function exampleCall(operation: Operation, property: string): string | undefined {
  const needsMore = operation.body?.required === true || operation.params.some((param) => param.required);
  const args = operation.pathParams.map((param) => sampleOf(param.shown));
  if (needsMore || args.some((arg) => arg === undefined)) return undefined;
  const call = `client.${property}.${operation.methodName}(${args.join(', ')})`;
  if (operation.pagination) return `for await (const item of ${call}) {\n  console.log(item);\n}`;
  return `const result = await ${call};\nconsole.log(result);`;
}
