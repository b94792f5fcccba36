/**
 * Problems in a document's shape that Redocly does not report but crashes on: nesting deep enough to
 * overflow its recursive walk, local `$ref`s that only lead to each other, never to a value, and keys
 * named after `Object.prototype` methods that its type lookup (`type.properties[key]`) calls.
 */
import { childPointer, valueAtPointer } from './json-pointer.js';
import { asNode } from '../model/spec-node.js';

/** Deepest nesting accepted; Redocly's walk overflows the stack at a few thousand levels. */
export const MAX_DEPTH = 256;

/** Keys whose inherited method Redocly 1.x calls without a receiver, which throws. */
const REDOCLY_CRASHING_KEYS: ReadonlySet<string> = new Set(
  Object.getOwnPropertyNames(Object.prototype).filter(
    (name) => !['constructor', 'toString', '__proto__'].includes(name),
  ),
);

/** A problem at a JSON pointer of the document. */
export interface StructureProblem {
  pointer: string;
  message: string;
}

/**
 * The first node nested deeper than `MAX_DEPTH` (then nothing else: deeper checks could overflow too),
 * or every local `$ref` that loops.
 */
export function structureProblems(document: unknown): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const stack: [unknown, string, number][] = [[document, '#', 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [value, pointer, depth] = entry;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) return [{ pointer, message: `nested more than ${MAX_DEPTH} levels deep` }];
    const ref: unknown = (value as Record<string, unknown>)['$ref'];
    const cycle = typeof ref === 'string' ? refCycle(document, ref) : undefined;
    if (cycle !== undefined) problems.push({ pointer, message: `$ref cycle that never reaches a value: ${cycle}` });
    for (const [key, child] of Object.entries(value)) {
      if (REDOCLY_CRASHING_KEYS.has(key) && !Array.isArray(value)) {
        problems.push({
          pointer: childPointer(pointer, key),
          message: `a key named \`${key}\` cannot be validated (Redocly 1.x fails on Object.prototype method names); rename it`,
        });
      }
      stack.push([child, childPointer(pointer, key), depth + 1]);
    }
  }
  return problems;
}

/** `#/a -> #/b -> #/a` when the local `$ref`s followed from `ref` come back to one already seen. */
function refCycle(document: unknown, ref: string): string | undefined {
  const seen: string[] = [];
  for (let next: unknown = ref; typeof next === 'string' && next.startsWith('#');) {
    if (seen.includes(next)) return [...seen, next].join(' -> ');
    seen.push(next);
    next = asNode(valueAtPointer(document, next))?.['$ref'];
  }
  return undefined;
}
