import { HTTP_METHODS, type OperationSource } from './operation-source.js';
import { asArray, asNode, asString, descriptionOf, type SpecNode } from './spec-node.js';
import { toPropertyName } from './naming.js';

/** Operations that share a resource, before the resource is named. */
export interface ResourceGroup {
  /** camelCase key the group is merged by (tags differing only in case or punctuation share a group). */
  key: string;
  /** The tag or path segment of the group's first operation (in document order). */
  sourceName: string;
  /** Sorted by path, then method. */
  operations: OperationSource[];
}

/** Path segments that only version the API (`/v1/...`): grouping and naming skip them. */
export const VERSION_SEGMENT = /^v\d+([a-z]+\d*)?$/i;

/**
 * What an operation is grouped by: its first tag, else its first path segment that is not a version
 * prefix (`/v1/customers/{id}` -> `customers`), else `root`.
 */
function resourceSourceName(source: OperationSource): string {
  const tag = asString(asArray(source.node['tags'])[0])?.trim();
  if (tag !== undefined && tag !== '') return tag;
  const segments = source.path.split('/').filter((segment) => segment !== '');
  const segment = segments.find((candidate) => !VERSION_SEGMENT.test(candidate)) ?? segments[0] ?? 'root';
  return segment.replace(/[{}]/g, '');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Path order, then the spec's method order: the stable order of operations in a resource. */
function compareOperations(a: OperationSource, b: OperationSource): number {
  return compareStrings(a.path, b.path) || HTTP_METHODS.indexOf(a.method) - HTTP_METHODS.indexOf(b.method);
}

/** Groups operations into resources, sorted by key, each group's operations sorted. */
export function groupByResource(operations: readonly OperationSource[]): ResourceGroup[] {
  const groups = new Map<string, ResourceGroup>();
  for (const operation of operations) {
    const sourceName = resourceSourceName(operation);
    const key = toPropertyName(sourceName, 'root');
    const group = groups.get(key) ?? { key, sourceName, operations: [] };
    group.operations.push(operation);
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort((a, b) => compareStrings(a.key, b.key));
  for (const group of sorted) group.operations.sort(compareOperations);
  return sorted;
}

/** Descriptions of the document's tags, by tag name. */
export function tagDescriptions(document: SpecNode): Map<string, string> {
  const descriptions = new Map<string, string>();
  for (const value of asArray(document['tags'])) {
    const tag = asNode(value);
    const name = asString(tag?.['name']);
    const description = descriptionOf(tag);
    if (name !== undefined && description !== undefined) descriptions.set(name, description);
  }
  return descriptions;
}
