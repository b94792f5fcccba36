import type { ModelContext } from './model-context.js';
import { derivedEnvVar } from '@revio-sdk/runtime';
import { NameScope, RESERVED_CLIENT_OPTIONS, toVariableName } from './naming.js';
import type { OperationSource } from './operation-source.js';
import { asArray, asNode, asString, descriptionOf, entriesOf, type SpecNode } from './spec-node.js';
import type { AuthOption, AuthScheme } from './types.js';
import { childPointer } from '../load/json-pointer.js';

/** Extension on an http basic scheme: how the Basic user name is built from options, e.g. `{username}@{tenant}`. */
export const USERNAME_TEMPLATE_EXTENSION = 'x-sdk-username-template';
/** Extension on any scheme: the client option's name. */
export const OPTION_NAME_EXTENSION = 'x-sdk-option-name';

const API_KEY_LOCATIONS: ReadonlySet<string> = new Set(['header', 'query', 'cookie']);

/** Scheme names in each security requirement of a `security` list. */
function requirementNames(security: unknown): string[][] {
  return asArray(security).map((requirement) => Object.keys(asNode(requirement) ?? {}));
}

/**
 * Client options for the security schemes the API uses (all declared ones when no requirement names
 * any), in declaration order. A scheme is `required` when every top-level requirement names it.
 * @see https://spec.openapis.org/oas/v3.1.0#security-scheme-object
 */
export function buildAuth(operations: readonly OperationSource[], envPrefix: string, ctx: ModelContext): AuthScheme[] {
  const topLevel = requirementNames(ctx.document['security']);
  const used = new Set(
    [...topLevel, ...operations.flatMap((operation) => requirementNames(operation.node['security']))].flat(),
  );
  const options = new NameScope(RESERVED_CLIENT_OPTIONS);
  const schemesPointer = '#/components/securitySchemes';
  const schemes: AuthScheme[] = [];
  for (const [schemeName, value] of entriesOf(asNode(ctx.document['components'])?.['securitySchemes'])) {
    if (used.size > 0 && !used.has(schemeName)) continue;
    const scheme = ctx.resolve(value, childPointer(schemesPointer, schemeName));
    if (scheme === undefined) continue;
    const required = topLevel.length > 0 && topLevel.every((names) => names.includes(schemeName));
    const built = buildScheme(
      { schemeName, node: scheme.node, pointer: scheme.pointer, required, envPrefix, options },
      ctx,
    );
    if (built !== undefined) schemes.push(built);
  }
  return schemes;
}

interface SchemeInput {
  schemeName: string;
  node: SpecNode;
  pointer: string;
  required: boolean;
  envPrefix: string;
  /** Option names already taken on the client. */
  options: NameScope;
}

function buildScheme(input: SchemeInput, ctx: ModelContext): AuthScheme | undefined {
  const { schemeName, node, pointer, required } = input;
  const type = asString(node['type']);
  const httpScheme = asString(node['scheme'])?.toLowerCase();
  if (type === 'http' && httpScheme === 'basic') return basicScheme(input);
  if ((type === 'http' && httpScheme === 'bearer') || type === 'oauth2' || type === 'openIdConnect') {
    const fallback = input.options.has('token') ? `${schemeName} token` : 'token';
    return {
      kind: 'bearer',
      schemeName,
      option: claimOption(input, optionNameOf(node) ?? fallback, descriptionOf(node)),
      required,
    };
  }
  if (type === 'apiKey') {
    const location = asString(node['in']);
    const wireName = asString(node['name']);
    if (location !== undefined && API_KEY_LOCATIONS.has(location) && wireName !== undefined) {
      const option = claimOption(input, optionNameOf(node) ?? schemeName, descriptionOf(node));
      return { kind: 'apiKey', schemeName, in: location as 'header' | 'query' | 'cookie', wireName, option, required };
    }
  }
  const what = type === 'http' ? `http scheme '${httpScheme ?? ''}'` : `security scheme type '${type ?? ''}'`;
  ctx.warn(pointer, `unsupported ${what}; the client gets no option for it (pass credentials through defaultHeaders)`);
  return undefined;
}

function optionNameOf(scheme: SpecNode): string | undefined {
  return asString(scheme[OPTION_NAME_EXTENSION]);
}

/** A client option named after `wanted`, unique on the client, read from `PREFIX_NAME` when left out. */
function claimOption({ options, envPrefix }: SchemeInput, wanted: string, description: string | undefined): AuthOption {
  const name = options.claim(toVariableName(wanted, 'credential'));
  const option: AuthOption = { name, envVar: derivedEnvVar(envPrefix, name) };
  if (description !== undefined) option.description = description;
  return option;
}

/**
 * http basic: one option per `{placeholder}` of `x-sdk-username-template` (default `{username}`), then
 * `password`; the template is rewritten with the option names finally chosen.
 */
function basicScheme(input: SchemeInput): AuthScheme {
  const template = asString(input.node[USERNAME_TEMPLATE_EXTENSION]) ?? '{username}';
  const options: AuthOption[] = [];
  const names = new Map<string, string>();
  for (const [, placeholder = ''] of template.matchAll(/\{([^}]*)\}/g)) {
    if (names.has(placeholder)) continue;
    const option = claimOption(input, placeholder, undefined);
    names.set(placeholder, option.name);
    options.push(option);
  }
  const usernameTemplate = template.replace(
    /\{([^}]*)\}/g,
    (_, placeholder: string) => `{${names.get(placeholder) ?? placeholder}}`,
  );
  const password = claimOption(input, 'password', undefined);
  options.push(password);
  return {
    kind: 'basic',
    schemeName: input.schemeName,
    options,
    usernameTemplate,
    passwordOption: password.name,
    required: input.required,
  };
}
