/**
 * Three pages of a paginated list for the contract tests, made from the sample page envelope: each page
 * holds two distinct items, and only the last one says that no page follows.
 */
import { asNode } from '../../model/spec-node.js';
import type { Pagination } from '../../model/types.js';
import type { ContractOperation } from './contract-types.js';

const PAGES = 3;
const ITEMS_PER_PAGE = 2;

export function pagedSamples(pagination: Pagination, envelope: unknown): NonNullable<ContractOperation['pagination']> {
  const page = asNode(envelope) ?? {};
  const found = page[pagination.itemsField];
  const sampleItem: unknown = Array.isArray(found) && found.length > 0 ? found[0] : {};
  const items = Array.from({ length: PAGES * ITEMS_PER_PAGE }, (_, index) => numbered(sampleItem, index));
  const pages = Array.from({ length: PAGES }, (_, index) => ({
    ...page,
    [pagination.itemsField]: items.slice(index * ITEMS_PER_PAGE, (index + 1) * ITEMS_PER_PAGE),
    [pagination.hasMoreField]: index < PAGES - 1,
  }));
  return { pageParam: pagination.pageParam, pages, items };
}

/**
 * The item made distinct by its position, so the order of the yielded items shows: a number (the item
 * itself, or its first numeric property) is raised by `index`. An item without numbers stays as it is.
 */
function numbered(item: unknown, index: number): unknown {
  if (typeof item === 'number') return item + index;
  const node = asNode(item);
  const key = node === undefined ? undefined : Object.keys(node).find((name) => typeof node[name] === 'number');
  return key === undefined ? item : { ...node, [key]: (node![key] as number) + index };
}
