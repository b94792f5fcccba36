/**
 * The smoke call: which GET operation of a spec to call against its Prism mock, with which path values,
 * and (only for specs Prism is known not to load) the reduced document Prism serves instead.
 */
import { childPointer } from '@revio-sdk/generator';
import { asArray, asObject, RefResolver, type RawOperation } from './raw-spec.js';

/**
 * Specs Prism 5.14.2 (the newest that runs on Node 20, see the README) cannot load in any reasonable
 * time, with the measured reason. For these the mock serves a reduced copy of the spec: the smoke
 * operation without its `default` response, and the components it reaches; nothing rewritten.
 * Every other spec is mocked whole; one that does not start in time fails its smoke test.
 */
export const PRISM_CANNOT_LOAD: Readonly<Record<string, string>> = {
  'stripe.com.json':
    'Prism 5.14.2 dereferences the whole document, then @stoplight/json decycle() copies it as a tree, cutting only cycles through ' +
    "ancestors; Stripe's 775 schemas reference each other so densely that the copy is astronomically large (measured: no " +
    '"listening" after 10 min of CPU; the dereference alone of the components, with no paths, runs > 2 min). Every Stripe ' +
    "operation's `default` response is `error`, whose closure is 485 mutually recursive schemas, so not even one whole " +
    "operation loads (> 60 s). Same family as APIDevTools/json-schema-ref-parser#380, not fixed in Prism's fork.",
};

/**
 * Prism's startup limit. Its load time follows how its decycle step unfolds the schema graph more than
 * the size: measured on an idle 2-core machine, GitHub's 13 MB takes ~17 s but Figma's 392 KB ~64 s.
 * Three minutes plus 15 s per MB leaves room for a loaded CI machine and still ends a hang.
 */
export function prismStartupTimeoutMs(bytes: number): number {
  return 180_000 + Math.ceil(bytes / 1_000_000) * 15_000;
}

export interface SmokePlan {
  operation: RawOperation;
  /** One value per path parameter, in template order. */
  pathValues: (string | number)[];
  /** Whether a 2xx response has JSON content, so a resolved call must carry data. */
  jsonSuccess: boolean;
}

/**
 * The GET to call: no required query/header/cookie/body parameter (the simple call needs none), fewest
 * path parameters, a JSON success response, the smallest response schema closure, then document order.
 */
export function planSmoke(
  operations: readonly RawOperation[],
  document: unknown,
  specFile: string,
): SmokePlan | undefined {
  const resolver = new RefResolver(document, specFile);
  const candidates = operations
    .map((operation, index) => ({ operation, index }))
    .filter(({ operation }) => operation.method === 'GET')
    .filter(({ operation }) => !operation.parameters.some((p) => p['required'] === true && p['in'] !== 'path'))
    .map(({ operation, index }) => {
      const success = successResponses(operation, resolver);
      return {
        operation,
        index,
        jsonSuccess: success.some((response) => hasJsonBody(response, operation, document)),
        closure: localRefClosure(success, document).size,
      };
    })
    .sort(
      (a, b) =>
        a.operation.pathParams.length - b.operation.pathParams.length ||
        Number(b.jsonSuccess) - Number(a.jsonSuccess) ||
        a.closure - b.closure ||
        a.index - b.index,
    );
  const chosen = candidates[0];
  if (chosen === undefined) return undefined;
  const pathValues = chosen.operation.pathParams.map((name) => {
    const parameter = chosen.operation.parameters.find((p) => p['in'] === 'path' && p['name'] === name);
    return simpleValue(
      parameter === undefined ? {} : asObject(resolver.resolve(parameter['schema'] ?? parameter)),
      resolver,
    );
  });
  return { operation: chosen.operation, pathValues, jsonSuccess: chosen.jsonSuccess };
}

/** A value that satisfies a simple parameter schema: its example, first enum value, or a plain value of its type and format. */
export function simpleValue(schema: Record<string, unknown>, resolver: RefResolver): string | number {
  const example = schema['example'] ?? asArray(schema['examples'])[0];
  if (typeof example === 'string' || typeof example === 'number') return example;
  const first = asArray(schema['enum'])[0];
  if (typeof first === 'string' || typeof first === 'number') return first;
  const type = Array.isArray(schema['type']) ? (schema['type'] as unknown[]).find((t) => t !== 'null') : schema['type'];
  if (type === 'integer' || type === 'number') return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
  const branch = asArray(schema['oneOf'] ?? schema['anyOf'])[0];
  if (branch !== undefined) return simpleValue(asObject(resolver.resolve(branch)), resolver);
  switch (schema['format']) {
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'date':
      return '2024-01-01';
    case 'date-time':
      return '2024-01-01T00:00:00Z';
    case 'email':
      return 'user@example.com';
    default:
      return 'x';
  }
}

function successResponses(operation: RawOperation, resolver: RefResolver): Record<string, unknown>[] {
  return Object.entries(asObject(operation.operation['responses']))
    .filter(([status]) => /^2\d\d$/.test(status))
    .map(([, response]) => asObject(resolver.resolve(response)));
}

function hasJsonBody(response: Record<string, unknown>, operation: RawOperation, document: unknown): boolean {
  const content = Object.keys(asObject(response['content']));
  if (content.length > 0) return content.some((type) => /json/i.test(type));
  // Swagger 2.0: a schema, and JSON among the operation's (or the document's) `produces`.
  const produces = asArray(operation.operation['produces'] ?? asObject(document)['produces']);
  return (
    response['schema'] !== undefined && (produces.length === 0 || produces.some((type) => /json/i.test(String(type))))
  );
}

/** Every local `$ref` reachable from `roots` (transitively through the document). */
export function localRefClosure(roots: unknown, document: unknown): Set<string> {
  const seen = new Set<string>();
  const resolver = new RefResolver(document, '');
  const stack: unknown[] = [roots];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith('#')) {
        if (!seen.has(child)) {
          seen.add(child);
          stack.push(resolver.resolve({ $ref: child }));
        }
      } else {
        stack.push(child);
      }
    }
  }
  return seen;
}

/**
 * The document reduced to one operation for Prism: its path item keeps only that method, whose
 * responses lose the `default` one (Stripe's reaches 485 mutually recursive schemas); top-level
 * sections keep what it references (plus security schemes). Nothing else changes: the request is
 * validated against the same parameters and security, the documented statuses answer the same.
 */
export function reducedDocument(document: Record<string, unknown>, operation: RawOperation): Record<string, unknown> {
  const item = asObject(asObject(document['paths'])[operation.path]);
  const method = operation.method.toLowerCase();
  const responses = Object.fromEntries(
    Object.entries(asObject(asObject(item[method])['responses'])).filter(([status]) => status !== 'default'),
  );
  const reducedItem: Record<string, unknown> = { [method]: { ...asObject(item[method]), responses } };
  if (item['parameters'] !== undefined) reducedItem['parameters'] = item['parameters'];
  const reduced: Record<string, unknown> = { ...document, paths: { [operation.path]: reducedItem } };
  delete reduced['webhooks'];
  const keep = localRefClosure([reduced['paths'], reduced['security'] ?? []], document);
  // Swagger 2.0 keeps these at the top level, OpenAPI 3 under `components`.
  for (const section of ['definitions', 'parameters', 'responses']) {
    if (reduced[section] !== undefined) reduced[section] = pick(asObject(reduced[section]), `#/${section}`, keep);
  }
  if (reduced['components'] !== undefined) {
    const components = asObject(reduced['components']);
    reduced['components'] = Object.fromEntries(
      Object.entries(components).map(([section, entries]) => [
        section,
        section === 'securitySchemes' ? entries : pick(asObject(entries), `#/components/${section}`, keep),
      ]),
    );
  }
  return reduced;
}

function pick(entries: Record<string, unknown>, sectionPointer: string, keep: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([name]) => keep.has(childPointer(sectionPointer, name))));
}
