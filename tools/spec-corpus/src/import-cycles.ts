/**
 * The import graph of a generated package's `src/`, from each module's relative `import`/`export ... from`
 * specifiers, and the cycles in it. Functions, resource classes and operation types must import one way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every `.ts` module under `dir`, relative to it with `/` separators. */
function modulesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) return modulesUnder(path.join(dir, entry.name), `${relative}/`);
    return relative.endsWith('.ts') ? [relative] : [];
  });
}

/** The modules of the package that `text` (the module at `from`) imports or re-exports. */
export function relativeImports(from: string, text: string): string[] {
  const source = ts.createSourceFile(from, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  return source.statements.flatMap((statement) => {
    const specifier =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : undefined;
    if (specifier?.startsWith('.') !== true) return [];
    return [path.posix.join(path.posix.dirname(from), specifier).replace(/\.js$/, '.ts')];
  });
}

/**
 * Each cycle of the import graph `graph` (module -> imported modules), as the modules on it starting from
 * the smallest name, found once per cycle through its strongly connected component (Tarjan).
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (module: string): void => {
    index.set(module, counter);
    low.set(module, counter);
    counter += 1;
    stack.push(module);
    onStack.add(module);
    for (const next of graph.get(module) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(module, Math.min(low.get(module) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(module, Math.min(low.get(module) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(module) !== index.get(module)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === module) break;
    }
    const selfImport = graph.get(module)?.includes(module) === true;
    if (component.length > 1 || selfImport) cycles.push(component.sort());
  };
  for (const module of [...graph.keys()].sort()) if (!index.has(module)) visit(module);
  return cycles;
}

/** The import cycles among the modules of the generated package at `packageDir`. */
export function packageImportCycles(packageDir: string): string[][] {
  const src = path.join(packageDir, 'src');
  if (!existsSync(src)) return [];
  const graph = new Map(
    modulesUnder(src).map((module) => [module, relativeImports(module, readFileSync(path.join(src, module), 'utf8'))]),
  );
  return importCycles(graph);
}
