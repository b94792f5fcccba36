import { warningAt } from '../load/diagnostics.js';
import type { Diagnostic } from './types.js';
import { asNode, asString, type SpecNode } from './spec-node.js';
import { valueAtPointer } from '../load/json-pointer.js';

/** A node reached through any `$ref`s, with the pointer where it really is. */
export interface Resolved {
  node: SpecNode;
  pointer: string;
}

/** What every model builder receives: the document, `$ref` resolution and a place for warnings. */
export interface ModelContext {
  readonly document: SpecNode;
  /** Collected warnings, in the order they were found. */
  readonly diagnostics: Diagnostic[];
  /** Adds a warning at `pointer`. */
  warn(pointer: string, message: string): void;
  /**
   * Follows `$ref`s (chains included) from `value`, found at `pointer`, to an object node. Warns and
   * returns undefined when a `$ref` cannot be followed or the target is not an object.
   */
  resolve(value: unknown, pointer: string): Resolved | undefined;
}

/**
 * The context for one `buildModel` run. Resolved `$ref` targets are cached, so each shared component
 * (e.g. a common error response used by a thousand operations) is looked up once.
 */
export function createModelContext(document: SpecNode, sourceFile: string): ModelContext {
  const diagnostics: Diagnostic[] = [];
  const targets = new Map<string, Resolved | undefined>();
  const warn = (pointer: string, message: string) => {
    diagnostics.push(warningAt({ file: sourceFile, pointer }, message));
  };

  function follow(ref: string): Resolved | undefined {
    if (targets.has(ref)) return targets.get(ref);
    targets.set(ref, undefined); // a cycle of $refs resolves to nothing
    let target: Resolved | undefined;
    const node = asNode(valueAtPointer(document, ref));
    if (node !== undefined) {
      const next = asString(node['$ref']);
      target = next === undefined ? { node, pointer: ref } : follow(next);
    }
    targets.set(ref, target);
    return target;
  }

  return {
    document,
    diagnostics,
    warn,
    resolve(value, pointer) {
      const node = asNode(value);
      const ref = asString(node?.['$ref']);
      if (node === undefined) {
        if (value !== undefined) warn(pointer, 'expected an object here; ignored');
        return undefined;
      }
      if (ref === undefined) return { node, pointer };
      const target = follow(ref);
      if (target === undefined)
        warn(pointer, `cannot resolve $ref '${ref}' (only local refs remain after bundling); ignored`);
      return target;
    },
  };
}
