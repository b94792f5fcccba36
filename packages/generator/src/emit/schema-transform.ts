import { createConfig } from '@redocly/openapi-core';
import {
  resolveRef,
  scanDiscriminators,
  transformSchema,
  transformSchemaObject,
  type GlobalContext,
  type OpenAPI3,
  type OpenAPITSOptions,
  type ReferenceObject,
  type SchemaObject,
  type TransformNodeOptions,
} from 'openapi-typescript';
import { deepRefTyper, markDeepRefs } from './deep-refs.js';
import { collectOperationsLinearly } from './operations-footer.js';
import { findUntransformableSchema, replaceWithUnknown, type SchemaFallback } from './schema-fallback.js';

/** At most this many schemas are typed `unknown` before a failing transform is given up on. */
const MAX_FALLBACKS = 100;

/**
 * openapi-typescript's syntax tree for a loaded document. `openapiTS()` would first lint and bundle the
 * document again with Redocly, which the load stage has already done: on GitHub's 13 MB spec that is
 * 3.5 of its 5.5 seconds. So this runs its `transformSchema` step directly, with the context
 * `openapiTS()` builds for these options (test/emit/schema-transform.test.ts checks both agree).
 * The document is cloned first, because the transform writes discriminator details into it.
 *
 * When openapi-typescript throws on the document (e.g. on `type: object` with a string `enum`, whose
 * values it reads as `oneOf` schemas), the schema it cannot transform is found, replaced by `{}` (typed
 * `unknown`) and reported through `onFallback`, then the transform runs again on a fresh copy.
 */
export async function transformDocument(
  document: object,
  onFallback?: (fallback: SchemaFallback) => void,
): Promise<ReturnType<typeof transformSchema>> {
  const fallbacks: SchemaFallback[] = [];
  for (;;) {
    const schema = structuredClone(document) as OpenAPI3;
    for (const { pointer } of fallbacks) replaceWithUnknown(schema, pointer);
    schema.components ??= {}; // as Redocly's bundle leaves it, so `components` is always an interface
    markDeepRefs(schema);
    const untypedRefs: SchemaFallback[] = [];
    const typeDeepRef = deepRefTyper(schema, (fallback) => untypedRefs.push(fallback));
    const options: OpenAPITSOptions = {
      silent: true,
      enum: false,
      transform: (node, nodeOptions) => typeDeepRef(node, nodeOptions) ?? untieSelfArrays(node, nodeOptions),
    };
    const ctx = await contextFor(schema, options);
    const finishOperations = collectOperationsLinearly(ctx);
    try {
      const nodes = finishOperations(transformSchema(schema, ctx));
      for (const fallback of [...fallbacks, ...untypedRefs]) onFallback?.(fallback);
      return nodes;
    } catch (error) {
      const fallback = fallbacks.length < MAX_FALLBACKS ? findUntransformableSchema(schema, ctx) : undefined;
      if (fallback === undefined || fallbacks.some(({ pointer }) => pointer === fallback.pointer)) throw error;
      fallbacks.push(fallback);
    }
  }
}

/**
 * The context `openapiTS(document, options)` passes to `transformSchema`, defaults included
 * (openapi-typescript 7.13, `src/index.ts`). `enum: false` keeps the module type-only, as the
 * `verbatimModuleSyntax` re-exports of the index need; its other defaults compile under
 * `exactOptionalPropertyTypes` (optional members are `?:`, never `| undefined`).
 */
async function contextFor(schema: OpenAPI3, options: OpenAPITSOptions): Promise<GlobalContext> {
  return {
    additionalProperties: options.additionalProperties ?? false,
    alphabetize: options.alphabetize ?? false,
    arrayLength: options.arrayLength ?? false,
    defaultNonNullable: options.defaultNonNullable ?? true,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: options.emptyObjectsUnknown ?? false,
    enum: options.enum ?? false,
    enumValues: options.enumValues ?? false,
    conditionalEnums: options.conditionalEnums ?? false,
    dedupeEnums: options.dedupeEnums ?? false,
    excludeDeprecated: options.excludeDeprecated ?? false,
    exportType: options.exportType ?? false,
    immutable: options.immutable ?? false,
    rootTypes: options.rootTypes ?? false,
    rootTypesNoSchemaPrefix: options.rootTypesNoSchemaPrefix ?? false,
    rootTypesKeepCasing: options.rootTypesKeepCasing ?? false,
    injectFooter: [],
    pathParamsAsTypes: options.pathParamsAsTypes ?? false,
    postTransform: options.postTransform,
    propertiesRequiredByDefault: options.propertiesRequiredByDefault ?? false,
    // Only read by the lint and bundle steps, which are skipped.
    redoc: await createConfig({ rules: {} }),
    silent: options.silent ?? false,
    transform: options.transform,
    transformProperty: options.transformProperty,
    makePathsEnum: options.makePathsEnum ?? false,
    generatePathParams: options.generatePathParams ?? false,
    readWriteMarkers: options.readWriteMarkers ?? false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: options.silent ?? false }),
  };
}

/**
 * openapi-typescript prints a schema whose union includes an array of itself (`Json: string | Json[]`,
 * common for JSON-like values) as `components["schemas"]["Json"][]` inside Json's own declaration,
 * which TypeScript rejects as circular (openapi-ts/openapi-typescript#1603). Such a branch is typed
 * `unknown[]` instead; recursion through objects is unaffected.
 */
export function untieSelfArrays(
  schema: SchemaObject,
  options: TransformNodeOptions,
): ReturnType<typeof transformSchemaObject> | undefined {
  const union = schema.oneOf ? 'oneOf' : schema.anyOf ? 'anyOf' : undefined;
  const branches = union === undefined ? undefined : schema[union];
  const isSelfArray = (branch: SchemaObject | ReferenceObject): boolean =>
    'type' in branch &&
    branch.type === 'array' &&
    typeof branch.items === 'object' &&
    '$ref' in branch.items &&
    branch.items.$ref === options.path;
  if (union === undefined || branches === undefined || !branches.some(isSelfArray)) return undefined;
  const untied = branches.map((branch) => (isSelfArray(branch) ? { ...branch, items: {} } : branch));
  return transformSchemaObject({ ...schema, [union]: untied }, options);
}
