import {
  StructureKind,
  type ClassDeclarationStructure,
  type InterfaceDeclarationStructure,
  type WriterFunction,
} from 'ts-morph';
import { coreClassName, operationFunctionName } from '../model/naming.js';
import { AUTH_SCHEME_FUNCTIONS, CORE_RUNTIME_TYPES, CORE_RUNTIME_VALUES } from '../model/runtime-names.js';
import type { Api, AuthScheme } from '../model/types.js';
import { isIdentifier, propertyKey, stringLiteral, templateLiteralText } from './escape.js';
import type { TypeScriptFile } from './file.js';
import { tsHeader, type HeaderInfo } from './header.js';
import { namedImports } from './imports.js';
import { authOptions, baseUrlEnvVar, defaultBaseUrl } from './client-settings.js';
import { signatureParameters } from './operation-signature.js';
import { tsDoc } from './tsdoc.js';

/** What the core and client modules need beyond the IR. */
export interface ClientFileOptions {
  clientName: string;
  runtimePackage: string;
  header: HeaderInfo;
}

/** The specifier that imports the core module from a module in `src/`. */
export const CORE_SPECIFIER = './core.js';

/**
 * `src/core.ts`: `<ClientName>Options` (one property per auth option, `baseUrl`, and the runtime's
 * client options) and `<Name>Core extends ClientCore`, which resolves them. The client class extends the
 * core and adds the resources; standalone functions take the core, so an app that imports only the core
 * and the functions it calls bundles nothing else.
 */
export function emitCoreFile(api: Api, options: ClientFileOptions): TypeScriptFile {
  const { runtimePackage, header } = options;
  return {
    path: 'src/core.ts',
    structure: {
      statements: [
        tsHeader(header),
        ...namedImports(runtimePackage, [...CORE_RUNTIME_VALUES, ...api.auth.map(authSchemeFunction)], {
          typeOnly: false,
        }),
        ...namedImports(runtimePackage, CORE_RUNTIME_TYPES, { typeOnly: true }),
        emitOptionsInterface(api, options),
        emitCoreClass(api, options),
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
    docs: tsDoc({
      summary: `Options for \`${clientName}\` and \`${coreClassName(clientName)}\`. Left-out options are read from environment variables.`,
    }),
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

/**
 * `export class <Name>Core extends ClientCore`: options resolved in the constructor, no resources. What
 * the standalone functions take (`petsGet(core, id)`, from the spec's first operation); the client class
 * extends it.
 */
export function emitCoreClass(api: Api, options: ClientFileOptions): ClassDeclarationStructure {
  const { clientName } = options;
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: coreClassName(clientName),
    extends: 'ClientCore',
    docs: tsDoc({
      summary: `The ${api.title} client without its resource properties: \`${clientName}\` extends it.`,
      description:
        `Pass it to the standalone operation functions (one per operation${firstFunctionExample(api)}), ` +
        'which return the same results and errors as the client methods. An app that imports only this class ' +
        'and the functions it calls bundles no other operation.',
    }),
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

/** `, e.g. \`petsGet(core, id)\``: a call of the spec's first operation's function; empty without operations. */
function firstFunctionExample(api: Api): string {
  const operation = api.resources[0]?.operations[0];
  if (operation === undefined) return '';
  const args = ['core', ...signatureParameters(operation).flatMap(({ name, optional }) => (optional ? [] : [name]))];
  return `, e.g. \`${operationFunctionName(operation.typeName)}(${args.join(', ')})\``;
}

/**
 * `const resolved = resolveOptions(options, { name: required, ... }, '<ClientName>', '<PREFIX>');`: the runtime
 * derives each option's environment variable from the prefix and its name, as the model documents it.
 */
function resolveStatement(api: Api, { clientName }: ClientFileOptions): WriterFunction {
  const specs = [
    ...authOptions(api).map(({ option, required }) => [option.name, required] as const),
    ['baseUrl', defaultBaseUrl(api) === undefined] as const,
  ];
  return (writer) => {
    writer.write('const resolved = resolveOptions(').indent(() => {
      writer
        .write('options,')
        .newLine()
        .write('{')
        .indent(() => {
          specs.forEach(([name, required], index) => {
            if (index > 0) writer.newLine();
            writer.write(`${propertyKey(name)}: ${required},`);
          });
        });
      writer
        .write('},')
        .newLine()
        .write(`${stringLiteral(clientName)},`)
        .newLine()
        .write(`${stringLiteral(api.envPrefix)},`);
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
      writer
        .newLine()
        .write('auth: [')
        .indent(() => {
          api.auth.forEach((scheme, index) => {
            if (index > 0) writer.newLine();
            writer.write(`${authSchemeCall(scheme)},`);
          });
        });
      writer.write('],');
    });
    writer.write('});');
  };
}

/** The runtime function that makes `scheme`. */
function authSchemeFunction(scheme: AuthScheme): string {
  return AUTH_SCHEME_FUNCTIONS[scheme.kind === 'apiKey' ? scheme.in : scheme.kind];
}

/** The runtime call that makes one scheme, reading credentials from `resolved`. */
export function authSchemeCall(scheme: AuthScheme): string {
  const args =
    scheme.kind === 'basic'
      ? [basicUsername(scheme), resolvedValue(scheme.passwordOption)]
      : scheme.kind === 'apiKey'
        ? [stringLiteral(scheme.wireName), resolvedValue(scheme.option.name)]
        : [resolvedValue(scheme.option.name)];
  return `${authSchemeFunction(scheme)}(${args.join(', ')})`;
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
