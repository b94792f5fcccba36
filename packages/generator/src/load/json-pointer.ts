/**
 * JSON pointers in URI-fragment form (`#/paths/~1pets/get`), the form `$ref`s and diagnostics use.
 * @see https://www.rfc-editor.org/rfc/rfc6901
 */

/** Escapes one segment (`~` -> `~0`, `/` -> `~1`). */
function encodePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Decodes one segment (`~1` -> `/`, `~0` -> `~`, `%7B` -> `{`). */
export function decodePointerSegment(segment: string): string {
  const unescaped = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

/** Appends segments to a pointer: `childPointer('#/paths', '/a/{id}', 'get')` -> `#/paths/~1a~1{id}/get`. */
export function childPointer(pointer: string, ...segments: (string | number)[]): string {
  return segments.reduce<string>((result, segment) => `${result}/${encodePointerSegment(segment)}`, pointer);
}

/** The decoded keys of a local pointer (`#/a~1b/c` -> `['a/b', 'c']`); undefined when it is not local. */
export function pointerSegments(pointer: string): string[] | undefined {
  if (!pointer.startsWith('#')) return undefined;
  const path = pointer.slice(1);
  if (path === '') return [];
  if (!path.startsWith('/')) return undefined;
  return path.slice(1).split('/').map(decodePointerSegment);
}

/** The value a local JSON pointer (`#/components/schemas/Pet`) points to in `root`, or undefined. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  const keys = pointerSegments(pointer);
  if (keys === undefined) return undefined;
  let value = root;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
