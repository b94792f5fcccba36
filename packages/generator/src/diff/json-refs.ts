/**
 * Reading local `$ref`s of a loaded (bundled) document, which keeps them as written.
 * @see https://spec.openapis.org/oas/v3.1.0#reference-object
 */
import { asNode, asString } from '../model/spec-node.js';
import { decodePointerSegment, valueAtPointer } from '../load/json-pointer.js';

/** More hops than any sane document needs; stops `$ref` loops. */
const MAX_HOPS = 32;

/** The node's local `$ref` (`#/components/schemas/Pet`), if it is a reference. */
export function refOf(value: unknown): string | undefined {
  const ref = asString(asNode(value)?.['$ref']);
  return ref !== undefined && ref.startsWith('#') ? ref : undefined;
}

/** The value with local `$ref`s followed (the value itself when it is not one; undefined when dangling). */
export function resolveRef(value: unknown, document: unknown): unknown {
  let current = value;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const ref = refOf(current);
    if (ref === undefined) return current;
    current = valueAtPointer(document, ref);
  }
  return undefined;
}

/**
 * Every local `$ref` reachable from `value`: the ones inside it, then transitively the ones inside what
 * they point to. `into` collects them (and stops cycles).
 */
export function collectRefs(value: unknown, document: unknown, into: Set<string> = new Set()): Set<string> {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== 'object' || current === null) continue;
    const ref = refOf(current);
    if (ref !== undefined && !into.has(ref)) {
      into.add(ref);
      pending.push(valueAtPointer(document, ref));
    }
    pending.push(...Object.values(current as Record<string, unknown>));
  }
  return into;
}

/** The component schema a pointer is in: `#/components/schemas/Pet/properties/id` -> `Pet`. */
export function componentSchemaName(pointer: string): string | undefined {
  const match = /^#\/components\/schemas\/([^/]+)/.exec(pointer);
  return match?.[1] === undefined ? undefined : decodePointerSegment(match[1]);
}

/** Structural equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every(
    (key) => Object.hasOwn(bRecord, key) && sameJson((a as Record<string, unknown>)[key], bRecord[key]),
  );
}
