import type { ModelContext } from './model-context.js';
import { asNode, entriesOf, type SpecNode } from './spec-node.js';
import type { HttpMethod } from './types.js';
import { childPointer } from '../load/json-pointer.js';

/** An operation as found in the document, before it is modelled. */
export interface OperationSource {
  /** Path template as in the spec, e.g. `/pets/{id}`. */
  path: string;
  method: HttpMethod;
  /** The operation object. */
  node: SpecNode;
  /** JSON pointer of the operation object. */
  pointer: string;
  /** The path item (after any `$ref`), for its shared parameters. */
  pathItem: SpecNode;
  pathItemPointer: string;
}

/** Path item keys that hold operations, in the spec's (and the IR's) method order. */
export const HTTP_METHODS: readonly HttpMethod[] = [
  'GET',
  'PUT',
  'POST',
  'DELETE',
  'OPTIONS',
  'HEAD',
  'PATCH',
  'TRACE',
];

/**
 * Every operation under `paths`, in document order.
 * @see https://spec.openapis.org/oas/v3.1.0#path-item-object
 */
export function collectOperations(ctx: ModelContext): OperationSource[] {
  const operations: OperationSource[] = [];
  for (const [path, value] of entriesOf(ctx.document['paths'])) {
    const pathItem = ctx.resolve(value, childPointer('#/paths', path));
    if (pathItem === undefined) continue;
    for (const method of HTTP_METHODS) {
      const key = method.toLowerCase();
      const pointer = childPointer(pathItem.pointer, key);
      const node = pathItem.node[key];
      if (node === undefined) continue;
      const operation = asNode(node);
      if (operation === undefined) {
        ctx.warn(pointer, 'expected an operation object; ignored');
        continue;
      }
      operations.push({
        path,
        method,
        node: operation,
        pointer,
        pathItem: pathItem.node,
        pathItemPointer: pathItem.pointer,
      });
    }
  }
  return operations;
}
