import { camelCase, splitWords, toPropertyName } from './naming.js';
import type { OperationSource } from './operation-source.js';
import { VERSION_SEGMENT } from './resources.js';
import { asString } from './spec-node.js';

/** An operation's identity before uniqueness is enforced. */
export interface OperationNaming {
  /** The wanted method name (the resource may still add a suffix). */
  methodName: string;
  operationId: string;
  derivedOperationId: boolean;
}

/**
 * The method name for an operation in the resource keyed `resourceKey`: its operationId without a prefix
 * naming the resource (`customers.list`, `issues/create`, `CustomersList` -> `list`, `create`, `list`),
 * else the whole operationId in camelCase. Without an operationId, a name derived from method and path
 * (`GET /blocks/{hash}/txs` -> `getBlocksHashTxs`) serves as operationId and, except for a GET on a
 * collection (`/blocks` -> `list`) or on one of its items (`/blocks/{hash}` -> `get`), as method name.
 */
export function operationNaming(source: OperationSource, resourceKey: string): OperationNaming {
  const operationId = asString(source.node['operationId'])?.trim();
  if (operationId === undefined || operationId === '' || camelCase(operationId) === '') {
    const derived = toPropertyName(`${source.method.toLowerCase()} ${source.path}`, source.method.toLowerCase());
    return {
      methodName: source.method === 'GET' ? (collectionMethod(source.path) ?? derived) : derived,
      operationId: derived,
      derivedOperationId: true,
    };
  }
  return {
    methodName: toPropertyName(withoutResourcePrefix(operationId, resourceKey), 'call'),
    operationId,
    derivedOperationId: false,
  };
}

/** `list` for a GET on `/things`, `get` for one on `/things/{id}` (an API version prefix aside). */
function collectionMethod(path: string): 'list' | 'get' | undefined {
  const segments = path.split('/').filter((segment) => segment !== '' && !VERSION_SEGMENT.test(segment));
  const [collection, item, ...rest] = segments;
  if (collection === undefined || isTemplate(collection) || rest.length > 0) return undefined;
  if (item === undefined) return 'list';
  return isTemplate(item) ? 'get' : undefined;
}

function isTemplate(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/**
 * The operationId without a leading part naming the resource: a whole `.`, `/` or `:` separated segment
 * when there is one (so `userRoles.list` in `user` keeps its prefix), else leading words.
 */
function withoutResourcePrefix(operationId: string, resourceKey: string): string {
  const segments = operationId.split(/[./:]/).filter((segment) => segment !== '');
  if (segments.length > 1) {
    return camelCase(segments[0] ?? '') === resourceKey ? segments.slice(1).join(' ') : operationId;
  }
  const words = splitWords(operationId).map((word) => word.toLowerCase());
  const prefix = splitWords(resourceKey).map((word) => word.toLowerCase());
  const matches = words.length > prefix.length && prefix.every((word, index) => words[index] === word);
  return matches ? words.slice(prefix.length).join(' ') : operationId;
}
