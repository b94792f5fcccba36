import ts from 'typescript';
import type { GlobalContext } from 'openapi-typescript';

/**
 * openapi-typescript adds each operation to its `operations` interface by copying every member added
 * before it (`members = [...members, member]`, in `injectOperationObject`): quadratic in the number of
 * operations, the step that made generation grow faster than the spec. So the interface is put in the
 * footer first, where openapi-typescript looks for it, with a `members` that hands it an empty list and
 * keeps the member it appends. The returned function gives the interface its real members once the
 * transform is done or, when no operation was added, puts `Record<string, never>` in its place, as
 * openapi-typescript does.
 */
export function collectOperationsLinearly(ctx: GlobalContext): (nodes: ts.Node[]) => ts.Node[] {
  const operations = ts.factory.createInterfaceDeclaration(
    [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)],
    'operations',
    undefined,
    undefined,
    [],
  );
  const members: ts.TypeElement[] = [];
  Object.defineProperty(operations, 'members', {
    configurable: true,
    get: () => ts.factory.createNodeArray<ts.TypeElement>([]),
    set: (next: ts.NodeArray<ts.TypeElement>) => members.push(...next),
  });
  ctx.injectFooter.push(operations);
  return (nodes) => {
    Object.defineProperty(operations, 'members', {
      configurable: true,
      enumerable: true,
      writable: true,
      value: ts.factory.createNodeArray(members),
    });
    if (members.length > 0) return nodes;
    const none = ts.factory.createTypeAliasDeclaration(
      [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)],
      'operations',
      undefined,
      ts.factory.createTypeReferenceNode('Record', [
        ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
        ts.factory.createKeywordTypeNode(ts.SyntaxKind.NeverKeyword),
      ]),
    );
    return nodes.map((node) => (node === operations ? none : node));
  };
}
