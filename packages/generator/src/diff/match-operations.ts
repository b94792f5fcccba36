import type { Api, Operation, Resource } from '../model/types.js';

/** An operation with the resource it is called on. */
export interface LocatedOperation {
  resource: Resource;
  operation: Operation;
}

/** The same operation in the old and the new API. */
export interface OperationPair {
  old: LocatedOperation;
  new: LocatedOperation;
}

/** Operations of two versions of an API, paired; `removed` and `added` have no partner. */
export interface OperationMatch {
  /** In the new API's order. */
  pairs: OperationPair[];
  removed: LocatedOperation[];
  added: LocatedOperation[];
}

/** How app code calls an operation: `customers.get`. */
export function operationSubject({ resource, operation }: LocatedOperation): string {
  return `${resource.propertyName}.${operation.methodName}`;
}

/** The path with parameter names left out: `/a/{id}` and `/a/{aId}` are the same URL. */
export function pathShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

/**
 * Keys to pair operations by, tried in order: the spec's operationId (not a derived one: that is made
 * of method and path), then method and path, then method and path shape (a path parameter renamed).
 */
const MATCH_KEYS: ((operation: Operation) => string | undefined)[] = [
  (operation) => (operation.derivedOperationId ? undefined : `id ${operation.operationId}`),
  (operation) => `${operation.method} ${operation.path}`,
  (operation) => `${operation.method} ${pathShape(operation.path)}`,
];

function located(api: Api): LocatedOperation[] {
  return api.resources.flatMap((resource) => resource.operations.map((operation) => ({ resource, operation })));
}

/** Pairs the operations of `oldApi` and `newApi` (by operationId, then method and path). */
export function matchOperations(oldApi: Api, newApi: Api): OperationMatch {
  const olds = located(oldApi);
  const news = located(newApi);
  const partners = new Map<LocatedOperation, LocatedOperation>();
  const taken = new Set<LocatedOperation>();
  for (const key of MATCH_KEYS) {
    const byKey = new Map<string, LocatedOperation>();
    for (const candidate of news) {
      const value = key(candidate.operation);
      if (value !== undefined && !taken.has(candidate) && !byKey.has(value)) byKey.set(value, candidate);
    }
    for (const old of olds) {
      const value = key(old.operation);
      const partner = value === undefined || partners.has(old) ? undefined : byKey.get(value);
      if (value === undefined || partner === undefined) continue;
      partners.set(old, partner);
      taken.add(partner);
      byKey.delete(value);
    }
  }
  const oldOf = new Map([...partners].map(([old, partner]) => [partner, old]));
  return {
    pairs: news.flatMap((partner) => {
      const old = oldOf.get(partner);
      return old === undefined ? [] : [{ old, new: partner }];
    }),
    removed: olds.filter((old) => !partners.has(old)),
    added: news.filter((candidate) => !taken.has(candidate)),
  };
}
