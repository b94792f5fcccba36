import type { Diagnostic } from './types.js';
import { createModelContext, type ModelContext } from './model-context.js';
import { buildAuth } from './auth.js';
import {
  NameScope,
  OPERATION_TYPE_SUFFIXES,
  RESERVED_MEMBER_NAMES,
  RESERVED_TYPE_NAMES,
  coreClassName,
  defaultClientName,
  defaultEnvPrefix,
  toFileName,
  toTypeName,
} from './naming.js';
import { buildOperation } from './operation.js';
import { operationNaming } from './operation-names.js';
import { collectOperations, type OperationSource } from './operation-source.js';
import { PAGINATION_EXTENSION, readPaginationConfig } from './pagination.js';
import { groupByResource, tagDescriptions, type ResourceGroup } from './resources.js';
import { buildSuccess, type SuccessResult } from './responses.js';
import { buildSchemas } from './schemas.js';
import { shownTypeReader, type TypeNaming } from './shown-types.js';
import { asArray, asNode, asString, descriptionOf, entriesOf, type SpecNode } from './spec-node.js';
import type { Api, Resource, SchemaRef, Server } from './types.js';

/** Inputs of `buildModel` besides the document. */
export interface ModelOptions {
  /** The spec file, as diagnostics name it. */
  sourceFile: string;
  /** Prefix of the environment variables client options fall back to; default: from `info.title`. */
  envPrefix?: string;
  /**
   * The generated client's class name, kept free (with `<clientName>Options` and its core class) among type
   * names; default: from `info.title`.
   */
  clientName?: string;
}

/** The IR and the warnings found while building it. */
export interface ModelResult {
  api: Api;
  /** Warnings about constructs modelled as `unknown` or left out; never errors. */
  diagnostics: Diagnostic[];
}

/** Names that must stay unique across the whole API while it is modelled. */
interface NameScopes {
  types: NameScope;
  properties: NameScope;
  files: NameScope;
}

/**
 * Builds the IR of a loaded (bundled, OpenAPI 3.x) document in one pass over its operations. Never throws
 * on odd input: what cannot be modelled exactly becomes `unknown` or is left out, with a warning.
 */
export function buildModel(document: SpecNode, options: ModelOptions): ModelResult {
  const ctx = createModelContext(document, options.sourceFile);
  const info = asNode(document['info']);
  const title = asString(info?.['title']) ?? '';
  const scopes: NameScopes = {
    types: new NameScope(RESERVED_TYPE_NAMES),
    properties: new NameScope(RESERVED_MEMBER_NAMES),
    files: new NameScope(['index'], true),
  };
  const clientName = options.clientName ?? defaultClientName(title);
  scopes.types.claim(clientName);
  scopes.types.claim(`${clientName}Options`);
  scopes.types.claim(coreClassName(clientName));
  const schemas = buildSchemas(ctx, scopes.types);
  const operations = collectOperations(ctx);
  const envPrefix = options.envPrefix ?? defaultEnvPrefix(title);
  const api: Api = {
    title,
    version: asString(info?.['version']) ?? '',
    openapiVersion: asString(document['openapi']) ?? '',
    envPrefix,
    clientName,
    servers: buildServers(document),
    auth: buildAuth(operations, envPrefix, ctx),
    resources: buildResources(operations, scopes, typeNaming(schemas, scopes.types), ctx),
    schemas,
  };
  const description = descriptionOf(info);
  if (description !== undefined) api.description = description;
  return { api, diagnostics: ctx.diagnostics };
}

/**
 * `servers` in order, each with its URL template and the URL its variables' defaults give.
 * @see https://spec.openapis.org/oas/v3.1.0#server-variable-object
 */
function buildServers(document: SpecNode): Server[] {
  return asArray(document['servers']).flatMap((value) => {
    const server = asNode(value);
    const url = asString(server?.['url']);
    if (url === undefined) return [];
    const defaults = new Map(
      entriesOf(server?.['variables']).map(([name, variable]) => [name, asString(asNode(variable)?.['default'])]),
    );
    const defaultUrl = url.replace(/\{([^}]*)\}/g, (placeholder, name: string) => defaults.get(name) ?? placeholder);
    const description = descriptionOf(server);
    return [description === undefined ? { url, defaultUrl } : { url, defaultUrl, description }];
  });
}

/** Shown types over the API's named schemas; aliases claimed in its type-name scope. */
function typeNaming(schemas: readonly SchemaRef[], types: NameScope): TypeNaming {
  return { shown: shownTypeReader(schemas), alias: (text) => types.claim(toTypeName(text, 'Type')) };
}

function buildResources(
  operations: readonly OperationSource[],
  scopes: NameScopes,
  naming: TypeNaming,
  ctx: ModelContext,
): Resource[] {
  const rootPagination =
    readPaginationConfig(ctx.document[PAGINATION_EXTENSION], `#/${PAGINATION_EXTENSION}`, ctx) || undefined;
  const successes = new Map<OperationSource, SuccessResult>();
  // Memoised: a PATCH asks for the success type of the GET on its path, which may come later.
  const successOf = (source: OperationSource): SuccessResult => {
    const success = successes.get(source) ?? buildSuccess(source, ctx);
    successes.set(source, success);
    return success;
  };
  const getsByPath = new Map(
    operations.filter((source) => source.method === 'GET').map((source) => [source.path, source]),
  );
  const patchTarget = (source: OperationSource) => () => successOf(getsByPath.get(source.path) ?? source).success.type;
  const descriptions = tagDescriptions(ctx.document);
  return groupByResource(operations).map((group) => {
    const resource = nameResource(group, scopes);
    const description = descriptions.get(group.sourceName);
    if (description !== undefined) resource.description = description;
    const methodNames = new NameScope(RESERVED_MEMBER_NAMES);
    for (const source of group.operations) {
      const derived = operationNaming(source, group.key);
      const methodName = methodNames.claim(derived.methodName);
      const names = {
        ...derived,
        methodName,
        typeName: claimOperationTypeName(`${group.key} ${methodName}`, scopes.types),
      };
      const input = { source, names, success: successOf(source), patchTarget: patchTarget(source), rootPagination, naming };
      resource.operations.push(buildOperation(input, ctx));
    }
    return resource;
  });
}

function nameResource(group: ResourceGroup, scopes: NameScopes): Resource {
  const pascal = toTypeName(group.key, 'Root');
  return {
    propertyName: scopes.properties.claim(group.key),
    className: scopes.types.claim(`${pascal}Resource`),
    fileName: scopes.files.claim(toFileName(group.key, 'root')),
    sourceName: group.sourceName,
    operations: [],
  };
}

/**
 * A type-name stem unique in the API whose suffixed forms (`<stem>Params`, `<stem>Error`, ...) are free
 * too; all of them are claimed.
 */
function claimOperationTypeName(text: string, types: NameScope): string {
  const stem = types.claim(toTypeName(text, 'Operation'), (name) =>
    OPERATION_TYPE_SUFFIXES.every((suffix) => !types.has(`${name}${suffix}`)),
  );
  for (const suffix of OPERATION_TYPE_SUFFIXES) types.claim(`${stem}${suffix}`);
  return stem;
}
