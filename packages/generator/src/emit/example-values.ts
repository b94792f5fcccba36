/**
 * The arguments an example passes to an operation, as TypeScript source: each path parameter's value,
 * the body with only its required fields (from the schema's examples and defaults), and the required
 * query, header and cookie parameters. Read from the spec at the pointers the model keeps, like the
 * contract tests' samples, so the same spec always gives the same examples.
 */
import { valueAtPointer } from '../load/json-pointer.js';
import { asNode } from '../model/spec-node.js';
import type { Operation, Parameter } from '../model/types.js';
import {
  documentedExample,
  mediaNode,
  parameterNode,
  resolveNode,
  sampleOf,
  schemaSample,
} from './contract-tests/samples.js';
import { propertyKey, stringLiteral } from './escape.js';

/** Up to this many characters a value stays on one line. */
const INLINE_WIDTH = 72;

/**
 * The required arguments of the operation's method, in its order, each as a TypeScript expression. With
 * `options` (a literal), it follows them, after an `undefined` for each optional argument in between.
 */
export function exampleArguments(document: object, operation: Operation, options?: string): string[] {
  const params = operation.params.filter((param) => param.required);
  const { body } = operation;
  // An optional argument is left out unless a later one is given.
  const skipped = (later: boolean) => (later ? ['undefined'] : []);
  const bodyArgument =
    body === undefined
      ? []
      : body.required
        ? [exampleBody(document, operation)]
        : skipped(params.length > 0 || options !== undefined);
  const paramsArgument =
    params.length === 0
      ? skipped(operation.params.length > 0 && options !== undefined)
      : [
          literal(
            Object.fromEntries(params.map((param) => [param.name, parameterValue(document, operation, param)])),
            '',
          ),
        ];
  return [
    ...operation.pathParams.map((param) => literal(parameterValue(document, operation, param), '')),
    ...bodyArgument,
    ...paramsArgument,
    ...(options === undefined ? [] : [options]),
  ];
}

function parameterValue(document: object, operation: Operation, param: Parameter): unknown {
  return sampleOf(document, parameterNode(document, operation.pointer, param.in, param.wireName), 'request') ?? '';
}

/**
 * A JSON Patch shows the spec's own example (a patch sampled from its schema would name no real field,
 * an empty one is a valid document); any other body its required fields, else the spec's example.
 */
function exampleBody(document: object, operation: Operation): string {
  const body = operation.body!;
  const requestBody = resolveNode(document, asNode(valueAtPointer(document, operation.pointer))?.['requestBody']);
  const media = mediaNode(document, requestBody?.['content'], body.contentType);
  if (body.kind === 'json-patch') return literal((media && documentedExample(document, media)?.value) ?? [], '');
  if (body.kind === 'binary') return `new Blob([${stringLiteral('file contents')}])`;
  const required = schemaSample(document, media?.['schema'], 'request', { requiredOnly: true });
  const value = required ?? sampleOf(document, media, 'request');
  if (body.kind === 'text') return stringLiteral(typeof value === 'string' ? value : 'text');
  return literal(value ?? {}, '');
}

/** A JSON value as a TypeScript literal: on one line when short, else one property or item per line. */
export function literal(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((item) => literal(item, inner))
    : Object.entries(value).map(([key, item]) => `${propertyKey(key)}: ${literal(item, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{ ', ' }'];
  if (entries.length === 0) return Array.isArray(value) ? '[]' : '{}';
  const inline = `${open}${entries.join(', ')}${close}`;
  if (inline.length <= INLINE_WIDTH && !inline.includes('\n')) return inline;
  return `${open.trim()}\n${entries.map((entry) => `${inner}${entry},`).join('\n')}\n${indent}${close.trim()}`;
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : 'undefined';
}
