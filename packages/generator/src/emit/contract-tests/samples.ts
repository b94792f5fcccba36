/**
 * Sample values for the contract tests, read from the spec at the places the model points to: the
 * spec's own example when it has one, else a value openapi-sampler builds from the schema. Both are
 * deterministic, so the same spec always gives the same contract.
 */
import sampler from 'openapi-sampler';
import { valueAtPointer } from '../../load/json-pointer.js';
import { asArray, asNode, type SpecNode } from '../../model/spec-node.js';

/** Which side of the exchange a value is for: requests leave out `readOnly` properties, responses `writeOnly`. */
export type Direction = 'request' | 'response';

const MAX_REF_HOPS = 32;

/** The node itself, or what its chain of local `$ref`s ends at. */
export function resolveNode(document: object, value: unknown): SpecNode | undefined {
  let node = asNode(value);
  for (let hops = 0; node !== undefined && typeof node['$ref'] === 'string' && hops < MAX_REF_HOPS; hops++)
    node = asNode(valueAtPointer(document, node['$ref']));
  return node;
}

/** The example an object with `example`/`examples` (a media type or a parameter) documents, if any. */
export function documentedExample(document: object, node: SpecNode): { value: unknown } | undefined {
  if (node['example'] !== undefined) return { value: node['example'] };
  for (const example of Object.values(asNode(node['examples']) ?? {})) {
    const value = resolveNode(document, example)?.['value'];
    if (value !== undefined) return { value };
  }
  return undefined;
}

/**
 * A value for `schema`; undefined when there is no schema or openapi-sampler cannot sample it. With
 * `requiredOnly`, objects get only their required properties.
 */
export function schemaSample(
  document: object,
  schema: unknown,
  direction: Direction,
  { requiredOnly = false } = {},
): unknown {
  if (asNode(schema) === undefined) return undefined;
  try {
    return sampler.sample(
      schema as Parameters<typeof sampler.sample>[0],
      {
        skipReadOnly: direction === 'request',
        skipWriteOnly: direction === 'response',
        skipNonRequired: requiredOnly,
        quiet: true,
      },
      document,
    );
  } catch {
    return undefined;
  }
}

/** A value for a media type object (`content[type]`) or a parameter: its example, else one from its schema. */
export function sampleOf(document: object, node: SpecNode | undefined, direction: Direction): unknown {
  if (node === undefined) return undefined;
  return documentedExample(document, node)?.value ?? schemaSample(document, node['schema'], direction);
}

/** The media type object of `content` for `mediaType`, `$ref`s resolved. */
export function mediaNode(document: object, content: unknown, mediaType: string): SpecNode | undefined {
  return resolveNode(document, asNode(content)?.[mediaType]);
}

/** The declared parameter `in`/`name` of an operation (its own, else its path item's), `$ref`s resolved. */
export function parameterNode(
  document: object,
  operationPointer: string,
  location: string,
  name: string,
): SpecNode | undefined {
  const pathItemPointer = operationPointer.slice(0, operationPointer.lastIndexOf('/'));
  for (const pointer of [operationPointer, pathItemPointer]) {
    const declared = asArray(asNode(valueAtPointer(document, pointer))?.['parameters'])
      .map((parameter) => resolveNode(document, parameter))
      .find((parameter) => parameter?.['in'] === location && parameter['name'] === name);
    if (declared !== undefined) return declared;
  }
  return undefined;
}
