// Synthetic specs for the growth section: the GitHub spec with its operations copied k times under new paths and
// operation ids. Components are shared, so what grows is the number of operations, as in a growing API.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

interface SpecDocument {
  paths?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The spec with every path item copied `factor` times; copy n > 0 lives under `/copy{n}` with ids suffixed `-copy{n}`. */
export function multiplyOperations(spec: SpecDocument, factor: number): SpecDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (let copy = 0; copy < factor; copy++) {
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      paths[copy === 0 ? path : `/copy${copy}${path}`] = copy === 0 ? item : renamed(item, copy);
    }
  }
  return { ...spec, paths };
}

function renamed(item: Record<string, unknown>, copy: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    const operation = value as { operationId?: unknown };
    out[key] =
      methods.has(key) && typeof operation.operationId === 'string'
        ? { ...operation, operationId: `${operation.operationId}-copy${copy}` }
        : value;
  }
  return out;
}

export function countOperations(spec: SpecDocument): number {
  return Object.values(spec.paths ?? {}).reduce(
    (n, item) => n + Object.keys(item).filter((key) => methods.has(key)).length,
    0,
  );
}

/** Writes the k× spec of a JSON or YAML spec, as JSON, to `target`; returns its operation count. */
export function writeScaledSpec(source: string, factor: number, target: string): { operations: number } {
  const scaled = multiplyOperations(parse(readFileSync(source, 'utf8')) as SpecDocument, factor);
  writeFileSync(target, JSON.stringify(scaled));
  return { operations: countOperations(scaled) };
}
