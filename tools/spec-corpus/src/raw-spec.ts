/**
 * Facts read straight from a spec file, independently of the generator's loader and model: the
 * operations (HTTP-method keys under `paths`) and each one's documented error statuses (its numeric
 * 4xx/5xx response keys). Swagger 2.0 and OpenAPI 3.x have the same shape for both.
 */
import path from 'node:path';
import { valueAtPointer } from '@revio-sdk/generator';
import { parseSpecFile } from './discover.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface RawOperation {
  /** Upper case, as in the generated `@see GET /path` TSDoc. */
  method: string;
  path: string;
  /** Numeric 4xx/5xx response keys, ascending. */
  errorStatuses: number[];
  /** Names of the path template's `{params}`, in template order. */
  pathParams: string[];
  /** Parameters (path-item and operation level) and their resolved objects. */
  parameters: Record<string, unknown>[];
  /** The operation object as written. */
  operation: Record<string, unknown>;
}

/** `GET /pets/{id}`: how an operation is named in reports and in the generated `@see` tags. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

const ERROR_STATUS = /^[45]\d\d$/;

/** Every operation of the document, in document order. `$ref`s to path items and parameters are followed. */
export function rawOperations(document: Record<string, unknown>, specFile: string): RawOperation[] {
  const resolver = new RefResolver(document, specFile);
  const operations: RawOperation[] = [];
  for (const [pathKey, rawItem] of Object.entries(asObject(document['paths']))) {
    const item = asObject(resolver.resolve(rawItem));
    const shared = asArray(item['parameters']).map((parameter) => asObject(resolver.resolve(parameter)));
    for (const method of HTTP_METHODS) {
      if (!(method in item)) continue;
      const operation = asObject(item[method]);
      const own = asArray(operation['parameters']).map((parameter) => asObject(resolver.resolve(parameter)));
      // Operation-level parameters override path-item ones with the same name and location.
      const parameters = [
        ...own,
        ...shared.filter((s) => !own.some((o) => o['name'] === s['name'] && o['in'] === s['in'])),
      ];
      const errorStatuses = Object.keys(asObject(operation['responses']))
        .filter((status) => ERROR_STATUS.test(status))
        .map(Number)
        .sort((a, b) => a - b);
      const pathParams = [...pathKey.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
      operations.push({
        method: method.toUpperCase(),
        path: pathKey,
        errorStatuses,
        pathParams,
        parameters,
        operation,
      });
    }
  }
  return operations;
}

/** Follows local (`#/...`) and relative-file (`other.json#/...`) `$ref`s; leaves anything else as is. */
export class RefResolver {
  private readonly files = new Map<string, unknown>();

  constructor(
    private readonly document: unknown,
    private readonly specFile: string,
  ) {}

  resolve(value: unknown, depth = 0): unknown {
    const ref = asObject(value)['$ref'];
    if (typeof ref !== 'string' || depth > 20) return value;
    const [file, pointer = ''] = ref.split('#') as [string, string?];
    let root = this.document;
    if (file !== '') {
      const absolute = path.resolve(path.dirname(this.specFile), file);
      if (!this.files.has(absolute)) this.files.set(absolute, parseSpecFile(absolute));
      root = this.files.get(absolute);
      // Refs inside the other file are relative to it.
      return new RefResolver(root, absolute).resolve(valueAtPointer(root, `#${pointer}`), depth + 1);
    }
    return this.resolve(valueAtPointer(root, `#${pointer}`), depth + 1);
  }
}

export function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
