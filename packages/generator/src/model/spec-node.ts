/**
 * Guarded reads of a loaded OpenAPI document. Documents come from users and may break the spec in ways
 * validation only warns about, so the model reads every value through these instead of trusting types.
 */

/** A JSON object from the document. */
export type SpecNode = Readonly<Record<string, unknown>>;

/** The value as an object node, or undefined when it is not a (non-array) object. */
export function asNode(value: unknown): SpecNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SpecNode) : undefined;
}

/** The value when it is a string. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value when it is an array, else an empty one. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The entries of an object node (none for anything else), in document order. */
export function entriesOf(value: unknown): [string, unknown][] {
  const node = asNode(value);
  return node === undefined ? [] : Object.entries(node);
}

/** The node's `description` when it is a non-empty string. */
export function descriptionOf(node: SpecNode | undefined): string | undefined {
  const description = asString(node?.['description'])?.trim();
  return description === '' ? undefined : description;
}
