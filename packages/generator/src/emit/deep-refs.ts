/**
 * Types for `$ref`s that point inside a schema (`#/components/schemas/Pool/properties/disks/items`,
 * `.../allOf/0`, `.../$defs/Sku`, a parameter's schema, ...). openapi-typescript prints every `$ref` as
 * an indexed access of its pointer, which names only `#/components/schemas/X` right: it indexes
 * `["items"]` on an array, keeps the `undefined` of an optional property, and indexes `["allOf"]`,
 * `["additionalProperties"]` or `["definitions"]` that no type has (docs/upstream/openapi-typescript-deep-refs.md).
 *
 * So before the transform each such `$ref` is replaced by a stand-in that openapi-typescript hands to its
 * `transform` hook, where it is typed here: by a path of indexed accesses when every step is a property
 * or array items (`NonNullable<...>["disks"]`, `[number]`), else by transforming the target schema in place.
 */
import ts from 'typescript';
import {
  NULL,
  NUMBER,
  UNDEFINED,
  UNKNOWN,
  transformSchemaObject,
  tsUnion,
  tsWithRequired,
  type SchemaObject,
  type TransformNodeOptions,
} from 'openapi-typescript';
import { decodePointerSegment, valueAtPointer } from '../load/json-pointer.js';
import { asArray, asNode, asString, type SpecNode } from '../model/spec-node.js';
import type { SchemaFallback } from './schema-fallback.js';
import { everySchema } from './schema-walk.js';

/** The stand-in's key for the `$ref` it replaces; it lives only in the transform's copy of the document. */
const DEEP_REF = 'x-sdkgen-deep-ref';

/** Siblings of a `$ref` that openapi-typescript reads around it: docs, optionality, readonly. */
const REF_ANNOTATIONS = [
  'description',
  'title',
  'summary',
  'format',
  'deprecated',
  'default',
  'example',
  'readOnly',
  'writeOnly',
];

/** Keywords whose members may bring `null` into a schema's type. */
const COMPOSITIONS = ['allOf', 'anyOf', 'oneOf'];

const NAMED_SCHEMA = /^#\/components\/schemas\/[^/]+$/;
const COMPONENT = /^#\/components\/[^/]+\/[^/]+$/;

/** A local `$ref` in a schema position that openapi-typescript cannot print as a name. */
function isDeepRef(ref: string): boolean {
  return ref.startsWith('#/') && !NAMED_SCHEMA.test(ref);
}

/**
 * Replaces, in the transform's own copy of a document, each schema that is a deep `$ref` by a stand-in:
 * its annotations, a `type` (openapi-typescript calls the hook only for typed schemas) and the `$ref`.
 */
export function markDeepRefs(document: object): void {
  if (!hasRefBeyondComponents(document)) return;
  for (const [, schema] of everySchema(document)) {
    const node = asNode(schema) as Record<string, unknown> | undefined;
    const ref = asString(node?.['$ref']);
    if (node === undefined || ref === undefined || !isDeepRef(ref)) continue;
    for (const key of Object.keys(node)) if (!REF_ANNOTATIONS.includes(key)) delete node[key];
    Object.assign(node, { type: 'object', [DEEP_REF]: ref });
  }
}

/**
 * Whether any local `$ref` points past `#/components/<section>/<name>`. Most documents have none, and
 * this scan is much cheaper than the walk through every schema that finds where deep refs sit.
 */
function hasRefBeyondComponents(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasRefBeyondComponents);
  const ref = (value as Record<string, unknown>)['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/') && !COMPONENT.test(ref)) return true;
  return Object.values(value).some(hasRefBeyondComponents);
}

/**
 * The `transform` hook that types the stand-ins `markDeepRefs` left in `document`. A deep `$ref` that
 * cannot be typed (its target is missing, or can only be written as itself) is typed `unknown` and
 * reported once through `onUntyped`.
 */
export function deepRefTyper(
  document: object,
  onUntyped: (fallback: SchemaFallback) => void,
): (schema: SchemaObject, options: TransformNodeOptions) => ts.TypeNode | undefined {
  const typed = new Map<string, ts.TypeNode>();
  const inlining = new Set<string>();
  const reported = new Set<string>();

  const untyped = (ref: string, why: string): ts.TypeNode => {
    if (!reported.has(ref))
      onUntyped({ pointer: ref, message: `cannot type a $ref to ${ref} (${why}); typed as unknown` });
    reported.add(ref);
    return UNKNOWN;
  };

  const inlined = (ref: string, options: TransformNodeOptions): ts.TypeNode => {
    const target = valueAtPointer(document, ref);
    if (target === undefined) return untyped(ref, 'nothing is at that pointer');
    if (inlining.has(ref)) return untyped(ref, 'the schema contains itself at a place TypeScript cannot name');
    inlining.add(ref);
    try {
      return transformSchemaObject(target as SchemaObject, { ...options, path: ref });
    } finally {
      inlining.delete(ref);
    }
  };

  return (schema, options) => {
    const ref = asString((schema as Record<string, unknown>)[DEEP_REF]);
    if (ref === undefined) return undefined;
    let type = typed.get(ref);
    if (type === undefined) {
      type = indexedAccess(document, ref) ?? inlined(ref, options);
      typed.set(ref, type);
    }
    // openapi-typescript hands an `allOf` member the composition's `required` list.
    const required = asArray(schema.required).filter((key): key is string => typeof key === 'string');
    return required.length === 0 ? type : withRequired(document, ref, type, required, options.ctx.injectFooter);
  };
}

/**
 * `components["schemas"]["Pool"]` indexed step by step (`["disks"]`, `[number]`) when every step is a
 * property of an object schema or the items of an array schema; undefined otherwise. A step into what
 * may be absent (an optional property, a nullable schema) indexes its `NonNullable<...>`; a property's
 * type drops the `undefined` of its optionality, never the `null` of its own schema.
 */
function indexedAccess(document: object, ref: string): ts.TypeNode | undefined {
  const [root, group, name, ...steps] = ref.slice(2).split('/').map(decodePointerSegment);
  if (root !== 'components' || group !== 'schemas' || name === undefined || steps.length === 0) return undefined;
  let node = asNode(asNode(asNode((document as SpecNode)['components'])?.['schemas'])?.[name]);
  let type: ts.TypeNode = indexed(indexed(ts.factory.createTypeReferenceNode('components'), 'schemas'), name);
  let mayBeAbsent = node === undefined || !isSurelyPresent(node);
  let optional = false;
  while (steps.length > 0) {
    if (node === undefined || !isPlainSchema(node)) return undefined;
    const present = mayBeAbsent ? nonNullable(type) : type;
    const properties = asNode(node['properties']);
    const [step, property] = steps;
    if (step === 'properties' && property !== undefined && hasType(node, 'object') && properties?.[property]) {
      type = indexed(present, property);
      optional = !asArray(node['required']).includes(property);
      node = asNode(properties[property]);
      steps.splice(0, 2);
    } else if (step === 'items' && hasType(node, 'array') && asNode(node['items']) && !('prefixItems' in node)) {
      type = ts.factory.createIndexedAccessTypeNode(present, NUMBER);
      optional = false;
      node = asNode(node['items']);
      steps.splice(0, 1);
    } else return undefined;
    mayBeAbsent = optional || node === undefined || !isSurelyPresent(node);
  }
  return optional ? ts.factory.createTypeReferenceNode('Exclude', [type, UNDEFINED]) : type;
}

/**
 * `WithRequired<T, keys>` for the keys the target schema declares. When T may hold `null`, the object
 * part is `NonNullable<T>` (`keyof null` is never) and the `null` stays: `| Extract<T, null>`.
 */
function withRequired(
  document: object,
  ref: string,
  type: ts.TypeNode,
  required: string[],
  injectFooter: ts.Node[],
): ts.TypeNode {
  const target = refTarget(document, ref);
  const properties = asNode(target?.['properties']) ?? {};
  const keys = required.filter((key) => Object.hasOwn(properties, key));
  if (target === undefined || keys.length === 0) return type;
  if (isSurelyPresent(target)) return tsWithRequired(type, keys, injectFooter);
  const nullPart = ts.factory.createTypeReferenceNode('Extract', [type, NULL]);
  return tsUnion([tsWithRequired(nonNullable(type), keys, injectFooter), nullPart]);
}

/** The schema a `$ref` points to, following the `$ref`s it finds there (a few hops at most: refs can cycle). */
function refTarget(document: object, ref: string): SpecNode | undefined {
  let node = asNode(valueAtPointer(document, ref));
  for (let hops = 0; hops < 8 && node !== undefined; hops++) {
    const next = asString(node['$ref']) ?? asString(node[DEEP_REF]);
    if (next === undefined) return node;
    node = asNode(valueAtPointer(document, next));
  }
  return undefined;
}

/** A schema openapi-typescript types from its own keywords (not a `$ref`, an enum or a constant). */
function isPlainSchema(node: SpecNode): boolean {
  return !('$ref' in node) && !(DEEP_REF in node) && !('enum' in node) && !('const' in node);
}

/** Whether openapi-typescript types the schema as `kind` (or a union with it); no `type` counts as an object. */
function hasType(node: SpecNode, kind: 'object' | 'array'): boolean {
  const type = node['type'];
  if (Array.isArray(type)) return type.includes(kind);
  return type === kind || (type === undefined && kind === 'object');
}

/** Whether openapi-typescript's type for the schema surely holds neither `null` nor `undefined`. */
function isSurelyPresent(node: SpecNode): boolean {
  const type = node['type'];
  return (
    typeof type === 'string' &&
    type !== 'null' &&
    node['nullable'] !== true &&
    !COMPOSITIONS.some((keyword) => keyword in node) &&
    isPlainSchema(node)
  );
}

function nonNullable(type: ts.TypeNode): ts.TypeNode {
  return ts.factory.createTypeReferenceNode('NonNullable', [type]);
}

function indexed(type: ts.TypeNode, key: string): ts.TypeNode {
  return ts.factory.createIndexedAccessTypeNode(
    type,
    ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(key)),
  );
}
