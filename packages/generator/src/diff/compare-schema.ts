/**
 * Structural comparison of two JSON schemas (OpenAPI 3.0 and 3.1 Schema Objects), over a documented
 * subset of keywords; every other keyword that differs is reported as `schema-keyword-changed`, which
 * is classified as major. Changes are not classified here: that depends on which way the data flows.
 *
 * A `$ref` that is the same on both sides is not followed: the named schema is compared once, by
 * `diffSchemas()`. Different `$ref`s (or a `$ref` against an inline schema) are followed and compared
 * by content, so moving an inline schema into `components` is not a change.
 * @see https://spec.openapis.org/oas/v3.1.0#schema-object
 */
import { asArray, asNode, type SpecNode } from '../model/spec-node.js';
import type { SchemaChangeKind } from './api-change.js';
import { refOf, resolveRef, sameJson } from './json-refs.js';

/** One difference inside a schema. */
export interface SchemaChange {
  kind: SchemaChangeKind;
  /** Property path from the compared schema: `''` (the schema itself), `address.city`, `tags[]`, `metadata{}`. */
  path: string;
  from?: string;
  to?: string;
}

/** The documents `$ref`s of each side point into. */
export interface SchemaDocuments {
  old: unknown;
  new: unknown;
}

/** Keywords that only document the schema. */
const DOC_KEYWORDS = ['description', 'title', 'example', 'examples', 'externalDocs', '$comment', 'xml'];

/** Numeric bounds, and which end of the range each one limits. */
const BOUNDS: Record<string, 'min' | 'max'> = {
  minLength: 'min',
  maxLength: 'max',
  minimum: 'min',
  maximum: 'max',
  exclusiveMinimum: 'min',
  exclusiveMaximum: 'max',
  minItems: 'min',
  maxItems: 'max',
  minProperties: 'min',
  maxProperties: 'max',
};

const COMPOSITIONS = ['allOf', 'oneOf', 'anyOf'] as const;

/** Keywords compared by the rules below; any other one is compared as a whole. */
const HANDLED = new Set([
  '$ref',
  'type',
  'nullable',
  'enum',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'default',
  'deprecated',
  ...COMPOSITIONS,
  ...DOC_KEYWORDS,
  ...Object.keys(BOUNDS),
]);

interface Walk {
  documents: SchemaDocuments;
  /** `$ref` pairs already being compared, so recursive schemas end. */
  seen: Set<string>;
  changes: SchemaChange[];
}

/** The differences from `oldSchema` to `newSchema` (an absent schema allows any value). */
export function compareSchema(oldSchema: unknown, newSchema: unknown, documents: SchemaDocuments): SchemaChange[] {
  const walk: Walk = { documents, seen: new Set(), changes: [] };
  compareAt(oldSchema, newSchema, '', walk);
  return walk.changes;
}

function report(walk: Walk, kind: SchemaChangeKind, path: string, from?: string, to?: string): void {
  walk.changes.push({ kind, path, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
}

function compareAt(oldValue: unknown, newValue: unknown, path: string, walk: Walk): void {
  // Equal text: equal inline parts, and every $ref in it is the same on both sides (not followed).
  if (sameJson(oldValue, newValue)) return;
  const oldRef = refOf(oldValue);
  const newRef = refOf(newValue);
  if (oldRef !== undefined && oldRef === newRef) {
    // OpenAPI 3.1 allows a description (and the like) beside a $ref.
    compareDocs(asNode(oldValue) ?? {}, asNode(newValue) ?? {}, path, walk);
    return;
  }
  if (oldRef !== undefined || newRef !== undefined) {
    const pair = `${oldRef ?? ''} ${newRef ?? ''}`;
    if (walk.seen.has(pair)) return;
    walk.seen.add(pair);
  }
  const oldResolved = oldValue === undefined ? {} : resolveRef(oldValue, walk.documents.old);
  const newResolved = newValue === undefined ? {} : resolveRef(newValue, walk.documents.new);
  const a = asNode(oldResolved);
  const b = asNode(newResolved);
  if (a === undefined || b === undefined) {
    // Boolean schemas (3.1), dangling $refs: compared as they are.
    if (!sameJson(oldResolved, newResolved))
      report(walk, 'type-changed', path, JSON.stringify(oldResolved ?? null), JSON.stringify(newResolved ?? null));
    return;
  }
  compareDocs(a, b, path, walk);
  if (!compareTypes(a, b, path, walk)) return;
  compareEnums(a, b, path, walk);
  compareProperties(a, b, path, walk);
  if (a['items'] !== undefined || b['items'] !== undefined) compareAt(a['items'], b['items'], `${path}[]`, walk);
  compareAdditionalProperties(a, b, path, walk);
  for (const keyword of COMPOSITIONS) compareComposition(keyword, a, b, path, walk);
  compareBounds(a, b, path, walk);
  compareRest(a, b, path, walk);
}

/** Documentation, deprecation and extensions. */
function compareDocs(a: SpecNode, b: SpecNode, path: string, walk: Walk): void {
  const docs = DOC_KEYWORDS.filter((keyword) => !sameJson(a[keyword], b[keyword]));
  if (docs.length > 0) report(walk, 'schema-docs-changed', path, undefined, docs.join(', '));
  const extensions = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => key.startsWith('x-') && !sameJson(a[key], b[key]),
  );
  if (extensions.length > 0) report(walk, 'schema-extension-changed', path, undefined, extensions.join(', '));
  if (a['deprecated'] !== true && b['deprecated'] === true) report(walk, 'schema-deprecated', path);
  if (a['deprecated'] === true && b['deprecated'] !== true) report(walk, 'schema-undeprecated', path);
}

/** The allowed JSON types, sorted (`undefined`: any), counting 3.0's `nullable` and implied object/array types. */
function typesOf(schema: SpecNode): string[] | undefined {
  const declared = schema['type'];
  let types =
    typeof declared === 'string'
      ? [declared]
      : Array.isArray(declared)
        ? declared.filter((type): type is string => typeof type === 'string')
        : undefined;
  if (types === undefined && (schema['properties'] !== undefined || schema['additionalProperties'] !== undefined))
    types = ['object'];
  if (types === undefined && schema['items'] !== undefined) types = ['array'];
  if (types !== undefined && schema['nullable'] === true && !types.includes('null')) types = [...types, 'null'];
  return types?.sort();
}

function covers(types: readonly string[] | undefined, type: string): boolean {
  return types === undefined || types.includes(type) || (type === 'integer' && types.includes('number'));
}

function typeText(types: readonly string[] | undefined): string {
  return types === undefined ? 'any' : types.join(' | ');
}

/** Reports a type change; false when the types no longer overlap enough to compare the rest. */
function compareTypes(a: SpecNode, b: SpecNode, path: string, walk: Walk): boolean {
  const oldTypes = typesOf(a);
  const newTypes = typesOf(b);
  if (sameJson(oldTypes, newTypes)) return true;
  const widened = oldTypes !== undefined && oldTypes.every((type) => covers(newTypes, type));
  report(walk, widened ? 'type-widened' : 'type-changed', path, typeText(oldTypes), typeText(newTypes));
  return widened;
}

function compareEnums(a: SpecNode, b: SpecNode, path: string, walk: Walk): void {
  const oldValues = Array.isArray(a['enum']) ? a['enum'] : undefined;
  const newValues = Array.isArray(b['enum']) ? b['enum'] : undefined;
  if (oldValues === undefined && newValues === undefined) return;
  const list = (values: readonly unknown[]) => values.map((value) => JSON.stringify(value)).join(', ');
  if (oldValues === undefined || newValues === undefined) {
    if (newValues === undefined)
      report(walk, 'type-widened', path, `one of ${list(oldValues ?? [])}`, typeText(typesOf(b)));
    else report(walk, 'type-changed', path, typeText(typesOf(a)), `one of ${list(newValues)}`);
    return;
  }
  for (const value of newValues)
    if (!oldValues.some((old) => sameJson(old, value)))
      report(walk, 'enum-value-added', path, undefined, JSON.stringify(value));
  for (const value of oldValues)
    if (!newValues.some((next) => sameJson(next, value)))
      report(walk, 'enum-value-removed', path, JSON.stringify(value));
}

function strings(value: unknown): Set<string> {
  return new Set(asArray(value).filter((item): item is string => typeof item === 'string'));
}

function propertyPath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

/** Properties added, removed, made required or optional, and each common property's own changes. */
function compareProperties(a: SpecNode, b: SpecNode, path: string, walk: Walk): void {
  const oldProperties = asNode(a['properties']) ?? {};
  const newProperties = asNode(b['properties']) ?? {};
  const oldRequired = strings(a['required']);
  const newRequired = strings(b['required']);
  for (const name of Object.keys(oldProperties))
    if (!Object.hasOwn(newProperties, name)) report(walk, 'property-removed', propertyPath(path, name));
  for (const name of Object.keys(newProperties)) {
    const at = propertyPath(path, name);
    if (!Object.hasOwn(oldProperties, name)) {
      report(walk, newRequired.has(name) ? 'property-added-required' : 'property-added-optional', at);
      continue;
    }
    compareAt(oldProperties[name], newProperties[name], at, walk);
    if (!oldRequired.has(name) && newRequired.has(name)) report(walk, 'property-made-required', at);
    if (oldRequired.has(name) && !newRequired.has(name)) report(walk, 'property-made-optional', at);
  }
}

/** `additionalProperties`: absent means `true`; `false` < a schema < `true` in what they allow. */
function compareAdditionalProperties(a: SpecNode, b: SpecNode, path: string, walk: Walk): void {
  const oldValue = a['additionalProperties'] ?? true;
  const newValue = b['additionalProperties'] ?? true;
  if (sameJson(oldValue, newValue)) return;
  if (asNode(oldValue) !== undefined && asNode(newValue) !== undefined) {
    compareAt(oldValue, newValue, `${path}{}`, walk);
    return;
  }
  const allows = (value: unknown) => (value === false ? 0 : value === true ? 2 : 1);
  const text = (value: unknown) =>
    value === false ? 'no extra properties' : value === true ? 'any extra properties' : 'typed extra properties';
  report(
    walk,
    allows(newValue) > allows(oldValue) ? 'type-widened' : 'type-changed',
    `${path}{}`,
    text(oldValue),
    text(newValue),
  );
}

/**
 * Same number of members: compared pairwise. A `oneOf`/`anyOf` that only gained members is widened;
 * anything else (including any `allOf` change of length) is a type change.
 */
function compareComposition(
  keyword: (typeof COMPOSITIONS)[number],
  a: SpecNode,
  b: SpecNode,
  path: string,
  walk: Walk,
): void {
  const oldMembers = asArray(a[keyword]);
  const newMembers = asArray(b[keyword]);
  if (sameJson(oldMembers, newMembers)) return;
  if (oldMembers.length === newMembers.length) {
    oldMembers.forEach((member, index) =>
      compareAt(member, newMembers[index], `${path}(${keyword} #${index + 1})`, walk),
    );
    return;
  }
  const only = (members: readonly unknown[], among: readonly unknown[]) =>
    members.every((member) => among.some((other) => sameJson(member, other)));
  const widened = keyword !== 'allOf' && oldMembers.length > 0 && only(oldMembers, newMembers);
  report(
    walk,
    widened ? 'type-widened' : 'type-changed',
    path,
    `${keyword} of ${oldMembers.length}`,
    `${keyword} of ${newMembers.length}`,
  );
}

/** Numeric bounds: a higher maximum or lower minimum (or none) accepts more values. */
function compareBounds(a: SpecNode, b: SpecNode, path: string, walk: Walk): void {
  for (const [keyword, end] of Object.entries(BOUNDS)) {
    const oldBound = a[keyword];
    const newBound = b[keyword];
    if (sameJson(oldBound, newBound)) continue;
    const text = (bound: unknown) => (bound === undefined ? `no ${keyword}` : `${keyword} ${JSON.stringify(bound)}`);
    if (
      (oldBound !== undefined && typeof oldBound !== 'number') ||
      (newBound !== undefined && typeof newBound !== 'number')
    ) {
      // OpenAPI 3.0's boolean exclusiveMinimum/exclusiveMaximum.
      report(walk, 'schema-keyword-changed', path, text(oldBound), text(newBound));
      continue;
    }
    const moved = newBound ?? (end === 'max' ? Infinity : -Infinity);
    const was = oldBound ?? (end === 'max' ? Infinity : -Infinity);
    const loosened = end === 'max' ? moved > was : moved < was;
    report(walk, loosened ? 'constraint-loosened' : 'constraint-tightened', path, text(oldBound), text(newBound));
  }
}

/** `default`, then every keyword the rules above do not know, compared as a whole. */
function compareRest(a: SpecNode, b: SpecNode, path: string, walk: Walk): void {
  const show = (value: unknown) => (value === undefined ? 'none' : JSON.stringify(value));
  if (!sameJson(a['default'], b['default']))
    report(walk, 'default-changed', path, show(a['default']), show(b['default']));
  const keywords = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => !HANDLED.has(key) && !key.startsWith('x-'),
  );
  for (const keyword of keywords) {
    if (sameJson(a[keyword], b[keyword])) continue;
    const text = (value: unknown) => (value === undefined ? `no ${keyword}` : `${keyword} ${JSON.stringify(value)}`);
    report(walk, 'schema-keyword-changed', path, text(a[keyword]), text(b[keyword]));
  }
}
