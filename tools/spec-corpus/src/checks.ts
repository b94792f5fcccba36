/**
 * The comparison of the raw spec with the generated code: what the corpus test asserts is empty.
 */
import type { GeneratedMethod } from './generated-code.js';
import { operationKey, type RawOperation } from './raw-spec.js';

/**
 * Every way the generated methods fail to mirror the spec's operations: an operation without exactly
 * one method, an error union missing a documented 4xx/5xx status or having one the operation does
 * not document, an unexpected union member, no `CommonError`, a method for no operation.
 */
export function operationProblems(operations: readonly RawOperation[], methods: readonly GeneratedMethod[]): string[] {
  const byOperation = new Map<string, GeneratedMethod[]>();
  for (const method of methods)
    byOperation.set(method.operation, [...(byOperation.get(method.operation) ?? []), method]);
  const problems: string[] = [];
  for (const operation of operations) {
    const key = operationKey(operation.method, operation.path);
    const found = byOperation.get(key) ?? [];
    byOperation.delete(key);
    if (found.length !== 1) {
      problems.push(
        `${key}: ${found.length} methods${found.length > 0 ? ` (${found.map((m) => `${m.resourceClass}.${m.methodName}`).join(', ')})` : ''}`,
      );
      continue;
    }
    const method = found[0] as GeneratedMethod;
    const where = `${key} (${method.resourceClass}.${method.methodName})`;
    const statuses = method.errorStatuses;
    if (statuses === undefined) {
      problems.push(`${where}: no error union found (return type names ${method.errorType ?? 'none'})`);
      continue;
    }
    const missing = operation.errorStatuses.filter((status) => !statuses.includes(status));
    const extra = statuses.filter((status) => !operation.errorStatuses.includes(status));
    if (missing.length > 0) problems.push(`${where}: ${method.errorType} lacks documented ${missing.join(', ')}`);
    if (extra.length > 0) problems.push(`${where}: ${method.errorType} has undocumented ${extra.join(', ')}`);
    if (method.unknownMembers.length > 0)
      problems.push(`${where}: ${method.errorType} has unexpected members ${method.unknownMembers.join(', ')}`);
    if (!method.hasCommonError) problems.push(`${where}: ${method.errorType} lacks CommonError`);
  }
  for (const [key, extra] of byOperation)
    problems.push(`${key}: ${extra.length} methods for an operation the spec does not have`);
  return problems;
}

/** Files that differ between two runs (posix path -> hash): missing on one side or different bytes. */
export function differentFiles(first: ReadonlyMap<string, string>, second: ReadonlyMap<string, string>): string[] {
  const files = new Set([...first.keys(), ...second.keys()]);
  return [...files].filter((file) => first.get(file) !== second.get(file)).sort();
}

/** tsc's error lines (`--pretty false`) in files whose path ends with `fileSuffix`, e.g. `src/schema.ts`. */
export function tscErrors(output: string, fileSuffix: string): string[] {
  return output.split('\n').filter((line) => {
    const file = /^(.+)\(\d+,\d+\): error TS\d+: /.exec(line)?.[1]?.replace(/\\/g, '/');
    return file !== undefined && (file === fileSuffix || file.endsWith(`/${fileSuffix}`));
  });
}

/**
 * How our schema types compare with openapi-typescript's own output for a spec, from the tsc errors in
 * each (`theirs` undefined: it produced none). Ours is worse only where it has errors and theirs has none.
 */
export function compareSchemaTypes(
  ours: number,
  theirs: number | undefined,
  sameText: boolean,
): { worse: boolean; summary: string } {
  const errors = (count: number) => (count === 0 ? 'type-checks' : `${count} tsc errors`);
  if (theirs === undefined) return { worse: false, summary: `ours ${errors(ours)}; openapi-typescript made no types` };
  if (sameText) return { worse: false, summary: `same text as openapi-typescript: ${errors(ours)}` };
  const verdict = ours === 0 && theirs > 0 ? ' (ours fixes theirs)' : '';
  return {
    worse: ours > 0 && theirs === 0,
    summary: `ours ${errors(ours)}, openapi-typescript ${errors(theirs)}${verdict}`,
  };
}
