import { childPointer } from '../load/json-pointer.js';
import { asArray, asNode, asString } from './spec-node.js';
import type { SchemaRef, ShownType } from './types.js';

/** Schema keywords that do not change the TypeScript type openapi-typescript prints for a primitive. */
const ANNOTATIONS: ReadonlySet<string> = new Set([
  'description',
  'title',
  'format',
  'example',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'externalDocs',
  'xml',
]);

/** How the model names types: shown forms of schemas, and fresh aliases claimed among the API's type names. */
export interface TypeNaming {
  shown(schema: unknown): ShownType | undefined;
  /** Claims a type name made from `text` (`customers list sort` -> `CustomersListSort`), unique in the API. */
  alias(text: string): string;
}

/** A shown type that is a name declared in the operation's own module. */
export function localName(name: string): ShownType {
  return { text: name, schemas: [] };
}

/** The schema's shown form, or a fresh alias named from `aliasText` when it has none. */
export function shownOrAlias(
  naming: TypeNaming,
  schema: unknown,
  aliasText: string,
): { shown: ShownType; alias?: string } {
  const shown = naming.shown(schema);
  if (shown !== undefined) return { shown };
  const alias = naming.alias(aliasText);
  return { shown: localName(alias), alias };
}

const PRIMITIVES: Readonly<Record<string, string>> = {
  string: 'string',
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
};

/** Literal unions longer than this stay behind a named alias rather than inline in every signature. */
const MAX_INLINE_LITERALS = 12;

/**
 * Decides how a schema reads in a public signature: the models name of a `$ref` to a named schema
 * (`Customer`), a primitive (`number`, `string | null`), a short literal union (`'asc' | 'desc'`) or an
 * array of those; undefined for anything else, which the emitter then shows through a named alias.
 */
export function shownTypeReader(schemas: readonly SchemaRef[]): (schema: unknown) => ShownType | undefined {
  const byPointer = new Map(
    schemas.map((schema) => [childPointer('#/components/schemas', schema.sourceName), schema.typeName]),
  );
  const read = (value: unknown, depth: number): ShownType | undefined => {
    const node = asNode(value);
    if (node === undefined || depth > 3) return undefined;
    const ref = asString(node['$ref']);
    if (ref !== undefined) {
      const name = byPointer.get(ref);
      const siblings = Object.keys(node).filter((key) => key !== '$ref' && !ANNOTATIONS.has(key));
      return name === undefined || siblings.length > 0 ? undefined : { text: name, schemas: [name] };
    }
    const keys = Object.keys(node).filter((key) => !ANNOTATIONS.has(key) && !key.startsWith('x-'));
    const { types, nullable } = declaredTypes(node);
    if (keys.some((key) => !['type', 'nullable', 'enum', 'items'].includes(key)) || types.length !== 1) {
      return undefined;
    }
    const [type = ''] = types;
    const inner = type === 'array' ? arrayOf(read(node['items'], depth + 1)) : primitive(type, node['enum']);
    if (inner === undefined) return undefined;
    return nullable && !inner.text.endsWith(' | null') ? { ...inner, text: `${inner.text} | null` } : inner;
  };
  return (schema) => read(schema, 0);
}

/** The schema's non-null `type`s and whether `null` is allowed (3.1 type arrays, 3.0 `nullable`). */
function declaredTypes(node: Readonly<Record<string, unknown>>): { types: string[]; nullable: boolean } {
  const raw = Array.isArray(node['type']) ? asArray(node['type']) : [node['type']];
  const names = raw.filter((type): type is string => typeof type === 'string');
  return { types: names.filter((type) => type !== 'null'), nullable: names.includes('null') || node['nullable'] === true };
}

function primitive(type: string, values: unknown): ShownType | undefined {
  const base = PRIMITIVES[type];
  if (base === undefined) return undefined;
  if (values === undefined) return { text: base, schemas: [] };
  const literals = asArray(values);
  const printable = literals.every((literal) => typeof literal === (base === 'number' ? 'number' : base));
  if (!printable || literals.length === 0 || literals.length > MAX_INLINE_LITERALS) return undefined;
  return { text: [...new Set(literals)].map((literal) => JSON.stringify(literal)).join(' | '), schemas: [] };
}

function arrayOf(item: ShownType | undefined): ShownType | undefined {
  if (item === undefined) return undefined;
  return { text: item.text.includes(' ') ? `(${item.text})[]` : `${item.text}[]`, schemas: item.schemas };
}
