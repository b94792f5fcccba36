import {
  StructureKind,
  type ClassDeclarationStructure,
  type InterfaceDeclarationStructure,
  type WriterFunction,
} from 'ts-morph';
import type { Api, AuthScheme } from '../model/types.js';
import { isIdentifier, propertyKey, stringLiteral, templateLiteralText } from './escape.js';
import type { TypeScriptFile } from './file.js';
import { tsHeader, type HeaderInfo } from './header.js';
import { namedImports } from './imports.js';
import { authOptions, baseUrlEnvVar, defaultBaseUrl } from './client-settings.js';
import { resourceSpecifier } from './resource-class.js';
import { tsDoc } from './tsdoc.js';

/** What the client module needs beyond the IR. */
export interface ClientFileOptions {
  clientName: string;
  runtimePackage: string;
  header: HeaderInfo;
}

/**
 * `src/client.ts`: `<ClientName>Options` (one property per auth option, `baseUrl`, and the runtime's
 * client options) and `<ClientName> extends ClientCore` with one property per resource.
 */
export function emitClientFile(api: Api, options: ClientFileOptions): TypeScriptFile {
  const { runtimePackage, header } = options;
  return {
    path: 'src/client.ts',
    structure: {
      statements: [
        tsHeader(header),
        ...namedImports(runtimePackage, ['ClientCore', 'resolveOptions'], { typeOnly: false }),
        ...namedImports(runtimePackage, ['ClientOptions'], { typeOnly: true }),
        ...api.resources.map((resource) => ({
          kind: StructureKind.ImportDeclaration as const,
          moduleSpecifier: resourceSpecifier(resource),
          namedImports: [resource.className],
        })),
        emitOptionsInterface(api, options),
        emitClientClass(api, options),
      ],
    },
  };
}

/** `export interface <ClientName>Options`: every property optional, each naming its environment variable. */
export function emitOptionsInterface(api: Api, { clientName }: ClientFileOptions): InterfaceDeclarationStructure {
  const baseUrl = defaultBaseUrl(api);
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name: `${clientName}Options`,
    extends: ["Omit<ClientOptions, 'auth' | 'baseUrl'>"],
    docs: tsDoc({ summary: `Options for {@link ${clientName}}. Left-out options are read from environment variables.` }),
    properties: [
      ...authOptions(api).map(({ option, required }) => ({
        name: propertyKey(option.name),
        hasQuestionToken: true,
        type: 'string | undefined',
        docs: tsDoc({
          summary: option.description,
          description: `${required ? 'Required' : 'Optional'}; defaults to the \`${option.envVar}\` environment variable.`,
        }),
      })),
      {
        name: 'baseUrl',
        hasQuestionToken: true,
        type: 'string | undefined',
        docs: tsDoc({
          summary: 'The API root that operation paths are appended to.',
          description: `Defaults to the \`${baseUrlEnvVar(api)}\` environment variable${
            baseUrl === undefined ? ' (required)' : `, then \`${baseUrl}\``
          }.`,
        }),
      },
    ],
  };
}

/** `export class <ClientName> extends ClientCore`: resources as properties, options resolved in the constructor. */
export function emitClientClass(api: Api, options: ClientFileOptions): ClassDeclarationStructure {
  const { clientName } = options;
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: clientName,
    extends: 'ClientCore',
    docs: tsDoc({ summary: `The ${api.title} client.`, description: api.description }),
    properties: api.resources.map((resource) => ({
      name: resource.propertyName,
      isReadonly: true,
      initializer: `new ${resource.className}(this)`,
      docs: tsDoc({ summary: resource.description ?? `Operations on ${resource.sourceName}.` }),
    })),
    ctors: [
      {
        parameters: [{ name: 'options', type: `${clientName}Options`, initializer: '{}' }],
        docs: tsDoc({
          summary: `Creates a client; options left out are read from environment variables.`,
          tags: [{ tagName: 'throws', text: '{MissingOptionsError} when a required option has no value.' }],
        }),
        statements: [resolveStatement(api, options), superStatement(api)],
      },
    ],
  };
}

/** `const resolved = resolveOptions(options, { name: { env, required }, ... }, '<ClientName>');` */
function resolveStatement(api: Api, { clientName }: ClientFileOptions): WriterFunction {
  const specs = [
    ...authOptions(api).map(({ option, required }) => [option.name, option.envVar, required] as const),
    ['baseUrl', baseUrlEnvVar(api), defaultBaseUrl(api) === undefined] as const,
  ];
  return (writer) => {
    writer.write('const resolved = resolveOptions(').indent(() => {
      writer.write('options,').newLine().write('{').indent(() => {
        specs.forEach(([name, env, required], index) => {
          if (index > 0) writer.newLine();
          writer.write(`${propertyKey(name)}: { env: ${stringLiteral(env)}, required: ${required} },`);
        });
      });
      writer.write('},').newLine().write(`${stringLiteral(clientName)},`);
    });
    writer.write(');');
  };
}

/** `super({ ...options, baseUrl, auth: [...] });` */
function superStatement(api: Api): WriterFunction {
  const baseUrl = defaultBaseUrl(api);
  return (writer) => {
    writer.write('super({').indent(() => {
      writer.write('...options,').newLine();
      writer.write(`baseUrl: resolved.baseUrl${baseUrl === undefined ? '' : ` ?? ${stringLiteral(baseUrl)}`},`);
      if (api.auth.length === 0) return;
      writer.newLine().write('auth: [').indent(() => {
        api.auth.forEach((scheme, index) => {
          if (index > 0) writer.newLine();
          writer.write(`${authConfig(scheme)},`);
        });
      });
      writer.write('],');
    });
    writer.write('});');
  };
}

/** The runtime `AuthConfig` literal for one scheme, reading credentials from `resolved`. */
export function authConfig(scheme: AuthScheme): string {
  switch (scheme.kind) {
    case 'basic':
      return `{ type: 'basic', username: ${basicUsername(scheme)}, password: ${resolvedValue(scheme.passwordOption)} }`;
    case 'apiKey':
      return `{ type: 'apiKey', in: ${stringLiteral(scheme.in)}, name: ${stringLiteral(scheme.wireName)}, value: ${resolvedValue(scheme.option.name)} }`;
    case 'bearer':
      return `{ type: 'bearer', token: ${resolvedValue(scheme.option.name)} }`;
  }
}

/**
 * The Basic user from the scheme's template, e.g. `${resolved.username}@${resolved.clientCode}`. When
 * the scheme is optional and a part is missing, the user is `undefined` and the runtime sends no header.
 */
function basicUsername(scheme: Extract<AuthScheme, { kind: 'basic' }>): string {
  const parts = scheme.usernameTemplate.split(/\{([^}]*)\}/);
  const placeholders = parts.filter((_, index) => index % 2 === 1);
  if (parts.length === 3 && parts[0] === '' && parts[2] === '') return resolvedValue(placeholders[0]!);
  const template = `\`${parts
    .map((part, index) => (index % 2 === 0 ? templateLiteralText(part) : `\${${resolvedValue(part)}}`))
    .join('')}\``;
  if (scheme.required || placeholders.length === 0) return template;
  const missing = placeholders.map((name) => `${resolvedValue(name)} === undefined`).join(' || ');
  return `${missing} ? undefined : ${template}`;
}

function resolvedValue(optionName: string): string {
  return isIdentifier(optionName) ? `resolved.${optionName}` : `resolved[${stringLiteral(optionName)}]`;
}

