/**
 * Typed JSON Patch documents (RFC 6902) for `application/json-patch+json` bodies.
 * @see https://www.rfc-editor.org/rfc/rfc6902
 */

/** Declared property names; an index signature (`additionalProperties: true`) would widen them to `string`. */
type DeclaredKey<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] } &
  string;

/** The paths a patch may name: the declared properties, or any key for a pure record type. */
type Key<T> = [DeclaredKey<T>] extends [never] ? keyof T & string : DeclaredKey<T>;

/** `/name` for each top-level property, or `/fields/0/value`-style paths below one. */
type PatchPath<T> = `/${Key<T>}` | `/${Key<T>}/${string}`;

/** add/replace/test on a top-level property: the value must have that property's type. */
type TopLevelOperation<T> = {
  [K in Key<T>]: { op: 'add' | 'replace' | 'test'; path: `/${K}`; value: Exclude<T[K], undefined> };
}[Key<T>];

/** add/replace/test below a top-level property, where the path no longer tells the type. */
type NestedOperation<T> = { op: 'add' | 'replace' | 'test'; path: `/${Key<T>}/${string}`; value: unknown };

type RemoveOperation<Path extends string> = { op: 'remove'; path: Path };
type MoveOperation<Path extends string> = { op: 'move' | 'copy'; from: Path; path: Path };

/** One JSON Patch operation on a document of type `T`. */
export type JsonPatchOperation<T = unknown> = unknown extends T
  ? { op: 'add' | 'replace' | 'test'; path: string; value: unknown } | RemoveOperation<string> | MoveOperation<string>
  : TopLevelOperation<T> | NestedOperation<T> | RemoveOperation<PatchPath<T>> | MoveOperation<PatchPath<T>>;

/**
 * A JSON Patch document for `T`: `[{ op: 'replace', path: '/name', value: 'Jane' }]`. Top-level values
 * are checked against `T`; deeper paths (`/fields/0/value`) accept any value. Only declared properties
 * can be named: patching a field the type does not declare needs a cast.
 */
export type JsonPatch<T = unknown> = readonly JsonPatchOperation<T>[];
