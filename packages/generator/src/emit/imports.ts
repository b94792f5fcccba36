import { StructureKind, type ImportDeclarationStructure } from 'ts-morph';

/**
 * One `import { ... } from` (or `import type`) with its names sorted, or nothing when no name is used,
 * so callers can spread the result into a file's statements.
 */
export function namedImports(
  moduleSpecifier: string,
  names: Iterable<string>,
  { typeOnly }: { typeOnly: boolean },
): ImportDeclarationStructure[] {
  const sorted = [...new Set(names)].sort();
  if (sorted.length === 0) return [];
  return [{ kind: StructureKind.ImportDeclaration, moduleSpecifier, namedImports: sorted, isTypeOnly: typeOnly }];
}

/** The roots of `src/schema.ts` (openapi-typescript's output) that other modules import and the index re-exports. */
export const SCHEMA_ROOTS: readonly string[] = ['components', 'paths'];

/** The names among `paths` and `components` that some type expression refers to. */
export function schemaNamesUsed(typeExpressions: Iterable<string>): string[] {
  return namesUsed(SCHEMA_ROOTS, typeExpressions);
}

/** The `candidates` (identifiers) that some type expression refers to. */
export function namesUsed(candidates: Iterable<string>, typeExpressions: Iterable<string>): string[] {
  // String literals are dropped first: a path such as `paths["/v1/components/{key}"]` names no `components`.
  const text = [...typeExpressions].join(' ').replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const identifiers = new Set(text.match(/[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu));
  return [...new Set(candidates)].filter((name) => identifiers.has(name));
}
