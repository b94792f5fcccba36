/**
 * `diffModels()`: what changed between two versions of an API, as the IR (and, when given, the JSON
 * schemas of both documents) shows it. Pure: no files, no git, no classification (`classify-change.ts`
 * decides what each change means for semver).
 */
import type { Api, AuthScheme, Resource, SchemaRef, Server } from '../model/types.js';
import type { ApiChange } from './api-change.js';
import type { SchemaDocuments } from './compare-schema.js';
import { diffCallbacks, diffWebhooks } from './diff-events.js';
import { diffOperation } from './diff-operation.js';
import { diffSchemas } from './diff-schemas.js';
import { sameJson } from './json-refs.js';
import { matchOperations, operationSubject, type OperationMatch } from './match-operations.js';
import { diffOperationSchemas } from './operation-schemas.js';

/**
 * Every change from `oldApi` to `newApi`: servers, auth options, resources, operations (paired by
 * operationId, then method and path), parameters, bodies, responses, errors, pagination and exported
 * schema types. The IR's type expressions do not change when a schema's fields do, so pass the loaded
 * `documents` the two IRs were built from to compare the schemas too (named ones with `diffSchemas`,
 * those written inline in operations with `diffOperationSchemas`).
 */
export function diffModels(oldApi: Api, newApi: Api, documents?: SchemaDocuments): ApiChange[] {
  const match = matchOperations(oldApi, newApi);
  const changes = [
    ...diffInfo(oldApi, newApi),
    ...diffServers(oldApi.servers, newApi.servers),
    ...diffAuth(oldApi.auth, newApi.auth),
    ...diffResources(oldApi.resources, newApi.resources, match),
    ...match.pairs.flatMap((pair) => [
      ...diffOperation(pair),
      ...(documents === undefined ? [] : [...diffOperationSchemas(pair, documents), ...diffCallbacks(pair, documents)]),
    ]),
    ...diffSchemaNames(oldApi.schemas, newApi.schemas, documents === undefined),
  ];
  if (documents !== undefined) {
    const typeNames = new Map(newApi.schemas.map((schema) => [schema.sourceName, schema.typeName]));
    changes.push(...diffSchemas(documents.old, documents.new, typeNames), ...diffWebhooks(documents));
  }
  return changes;
}

function diffInfo(oldApi: Api, newApi: Api): ApiChange[] {
  const changes: ApiChange[] = [];
  for (const field of ['title', 'description'] as const) {
    if (oldApi[field] !== newApi[field]) changes.push({ kind: 'api-docs-changed', subject: 'API', name: field });
  }
  if (oldApi.version !== newApi.version)
    changes.push({ kind: 'api-version-changed', subject: 'API', from: oldApi.version, to: newApi.version });
  return changes;
}

/** The URL a client uses for a server: with its variables' defaults filled in, when the IR has them. */
function defaultUrl(server: Server | undefined): string | undefined {
  return server === undefined ? undefined : ((server as Server & { defaultUrl?: string }).defaultUrl ?? server.url);
}

/** The first server is the client's default base URL; the others are documentation. */
function diffServers(oldServers: readonly Server[], newServers: readonly Server[]): ApiChange[] {
  const from = defaultUrl(oldServers[0]);
  const to = defaultUrl(newServers[0]);
  if (from === undefined && to !== undefined) return [{ kind: 'base-url-added', subject: 'client', to }];
  if (from !== undefined && to === undefined) return [{ kind: 'base-url-removed', subject: 'client', from }];
  if (from !== to)
    return [
      {
        kind: 'base-url-changed',
        subject: 'client',
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      },
    ];
  return sameJson(oldServers, newServers) ? [] : [{ kind: 'servers-changed', subject: 'client' }];
}

/** A client option as the constructor sees it, with how its scheme sends credentials. */
interface ClientOption {
  name: string;
  envVar: string;
  description: string | undefined;
  required: boolean;
  schemeName: string;
  /** How the credential reaches the server, e.g. `API key in header X-Api-Key`. */
  wire: string;
}

function clientOptions(auth: readonly AuthScheme[]): Map<string, ClientOption> {
  const options = new Map<string, ClientOption>();
  for (const scheme of auth) {
    const wire =
      scheme.kind === 'basic'
        ? `HTTP Basic with user ${scheme.usernameTemplate}`
        : scheme.kind === 'apiKey'
          ? `API key in ${scheme.in} ${scheme.wireName}`
          : 'bearer token';
    for (const option of scheme.kind === 'basic' ? scheme.options : [scheme.option]) {
      options.set(option.name, {
        ...option,
        description: option.description,
        required: scheme.required,
        schemeName: scheme.schemeName,
        wire,
      });
    }
  }
  return options;
}

/** Client options (from security schemes): added, removed, made required or optional, sent differently. */
function diffAuth(oldAuth: readonly AuthScheme[], newAuth: readonly AuthScheme[]): ApiChange[] {
  const changes: ApiChange[] = [];
  const report = (kind: ApiChange['kind'], name: string, fields: Pick<ApiChange, 'from' | 'to'> = {}) =>
    changes.push({ kind, subject: 'client', name, ...fields });
  const before = clientOptions(oldAuth);
  const after = clientOptions(newAuth);
  const reportedSchemes = new Set<string>();
  for (const name of before.keys()) if (!after.has(name)) report('auth-option-removed', name);
  for (const [name, option] of after) {
    const old = before.get(name);
    if (old === undefined) {
      report(option.required ? 'auth-option-added-required' : 'auth-option-added-optional', name);
      continue;
    }
    if (!old.required && option.required) report('auth-option-made-required', name);
    if (old.required && !option.required) report('auth-option-made-optional', name);
    if (old.envVar !== option.envVar) report('auth-env-var-changed', name, { from: old.envVar, to: option.envVar });
    if (old.wire !== option.wire && !reportedSchemes.has(option.schemeName)) {
      reportedSchemes.add(option.schemeName);
      changes.push({
        kind: 'auth-scheme-changed',
        subject: 'client',
        name: option.schemeName,
        from: old.wire,
        to: option.wire,
      });
    }
    if (old.description !== option.description) report('auth-docs-changed', name);
  }
  return changes;
}

/**
 * Resources by client property. Operations added to or removed from a resource that exists on both
 * sides are reported one by one; a whole resource added or removed is one change naming its methods.
 */
function diffResources(
  oldResources: readonly Resource[],
  newResources: readonly Resource[],
  match: OperationMatch,
): ApiChange[] {
  const changes: ApiChange[] = [];
  const oldByName = new Map(oldResources.map((resource) => [resource.propertyName, resource]));
  const newByName = new Map(newResources.map((resource) => [resource.propertyName, resource]));
  const methods = (resource: Resource) => resource.operations.map((operation) => operation.methodName).join(', ');
  for (const old of oldResources)
    if (!newByName.has(old.propertyName))
      changes.push({ kind: 'resource-removed', subject: old.propertyName, from: methods(old) });
  for (const resource of newResources) {
    const old = oldByName.get(resource.propertyName);
    if (old === undefined) {
      changes.push({ kind: 'resource-added', subject: resource.propertyName, to: methods(resource) });
      continue;
    }
    if (old.className !== resource.className)
      changes.push({
        kind: 'resource-renamed',
        subject: resource.propertyName,
        from: old.className,
        to: resource.className,
      });
    if (old.description !== resource.description)
      changes.push({ kind: 'resource-docs-changed', subject: resource.propertyName });
  }
  for (const removed of match.removed) {
    if (newByName.has(removed.resource.propertyName))
      changes.push({
        kind: 'operation-removed',
        subject: operationSubject(removed),
        from: `${removed.operation.method} ${removed.operation.path}`,
      });
  }
  for (const added of match.added) {
    if (oldByName.has(added.resource.propertyName))
      changes.push({
        kind: 'operation-added',
        subject: operationSubject(added),
        to: `${added.operation.method} ${added.operation.path}`,
      });
  }
  return changes;
}

/**
 * Exported schema types, by their name in the spec. Their descriptions are compared here only when the
 * documents are not (`diffSchemas` compares them with the rest of each schema).
 */
function diffSchemaNames(
  oldSchemas: readonly SchemaRef[],
  newSchemas: readonly SchemaRef[],
  withDescriptions: boolean,
): ApiChange[] {
  const changes: ApiChange[] = [];
  const oldByName = new Map(oldSchemas.map((schema) => [schema.sourceName, schema]));
  const newNames = new Set(newSchemas.map((schema) => schema.sourceName));
  for (const old of oldSchemas)
    if (!newNames.has(old.sourceName)) changes.push({ kind: 'schema-removed', subject: old.typeName });
  for (const schema of newSchemas) {
    const old = oldByName.get(schema.sourceName);
    if (old === undefined) changes.push({ kind: 'schema-added', subject: schema.typeName });
    else if (old.typeName !== schema.typeName)
      changes.push({ kind: 'schema-renamed', subject: old.typeName, to: schema.typeName });
    else if (withDescriptions && old.description !== schema.description)
      changes.push({ kind: 'schema-docs-changed', subject: schema.typeName, to: 'description' });
  }
  return changes;
}
