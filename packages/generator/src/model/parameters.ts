import type { ModelContext } from './model-context.js';
import { NameScope, RESERVED_METHOD_ARGUMENTS, toParamPropertyName, toVariableName } from './naming.js';
import type { OperationSource } from './operation-source.js';
import { shownOrAlias, type TypeNaming } from './shown-types.js';
import { asArray, asString, descriptionOf, type SpecNode } from './spec-node.js';
import { indexType, nonNullable, operationType } from './type-expressions.js';
import type { Parameter } from './types.js';
import { childPointer } from '../load/json-pointer.js';

/** An operation's parameters as the IR splits them. */
export interface OperationParameters {
  /** In the order they appear in the path template. */
  pathParams: Parameter[];
  /** Query, header and cookie parameters. */
  params: Parameter[];
}

type Location = Parameter['in'];
type Style = NonNullable<Parameter['style']>;

const LOCATIONS: ReadonlySet<string> = new Set<Location>(['path', 'query', 'header', 'cookie']);
const STYLES: ReadonlySet<string> = new Set<Style>([
  'form',
  'simple',
  'label',
  'matrix',
  'spaceDelimited',
  'pipeDelimited',
  'deepObject',
]);

/** Header parameters the spec says to ignore: the client sets these itself. */
const IGNORED_HEADERS: ReadonlySet<string> = new Set(['accept', 'content-type', 'authorization']);

interface DeclaredParameter {
  node: SpecNode;
  name: string;
  in: Location;
}

/**
 * The operation's parameters: path-item parameters merged with the operation's (the operation's win),
 * `$ref`s resolved, typed over openapi-typescript's `parameters` member.
 * @see https://spec.openapis.org/oas/v3.1.0#parameter-object
 */
export function buildParameters(
  source: OperationSource,
  ctx: ModelContext,
  naming: TypeNaming & { typeName: string },
): OperationParameters {
  const declared = declaredParameters(source, ctx);
  const templateNames = pathTemplateNames(source.path);
  const pathArguments = new NameScope(RESERVED_METHOD_ARGUMENTS);
  const pathParams = templateNames.map((wireName): Parameter => {
    const parameter = declared.get(`path:${wireName}`);
    const name = pathArguments.claim(toVariableName(wireName, 'param'));
    if (parameter !== undefined) return toParameter(parameter, source, name, naming);
    // A path segment is a string on the wire whatever the spec would have said.
    ctx.warn(source.pointer, `path parameter {${wireName}} is not declared; typed as string`);
    const shown = { text: 'string', schemas: [] };
    return { wireName, name, in: 'path', required: true, deprecated: false, type: 'string', shown };
  });
  const properties = new NameScope();
  const params: Parameter[] = [];
  for (const parameter of declared.values()) {
    if (parameter.in !== 'path') {
      params.push(toParameter(parameter, source, properties.claim(toParamPropertyName(parameter.name)), naming));
    } else if (!templateNames.includes(parameter.name)) {
      ctx.warn(
        source.pointer,
        `path parameter '${parameter.name}' does not appear in the path ${source.path}; ignored`,
      );
    }
  }
  return { pathParams, params };
}

/** Names in `{braces}` in a path template, first occurrence each, in order. */
function pathTemplateNames(path: string): string[] {
  return [...new Set(Array.from(path.matchAll(/\{([^}]+)\}/g), (match) => match[1] ?? ''))];
}

/** Declared parameters keyed by `in:name`: the path item's, then the operation's (replacing same keys). */
function declaredParameters(source: OperationSource, ctx: ModelContext): Map<string, DeclaredParameter> {
  const declared = new Map<string, DeclaredParameter>();
  const lists: [unknown, string][] = [
    [source.pathItem['parameters'], childPointer(source.pathItemPointer, 'parameters')],
    [source.node['parameters'], childPointer(source.pointer, 'parameters')],
  ];
  for (const [list, listPointer] of lists) {
    asArray(list).forEach((value, index) => {
      const parameter = declaredParameter(
        ctx.resolve(value, childPointer(listPointer, index))?.node,
        childPointer(listPointer, index),
        ctx,
      );
      if (parameter !== undefined) declared.set(`${parameter.in}:${parameter.name}`, parameter);
    });
  }
  return declared;
}

function declaredParameter(
  node: SpecNode | undefined,
  pointer: string,
  ctx: ModelContext,
): DeclaredParameter | undefined {
  if (node === undefined) return undefined;
  const name = asString(node['name']);
  const location = asString(node['in']);
  if (name === undefined || location === undefined || !LOCATIONS.has(location)) {
    ctx.warn(pointer, 'parameter without a valid `name` and `in`; ignored');
    return undefined;
  }
  if (location === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) return undefined;
  return { node, name, in: location as Location };
}

function toParameter(
  { node, name: wireName, in: location }: DeclaredParameter,
  source: OperationSource,
  name: string,
  naming: TypeNaming & { typeName: string },
): Parameter {
  const parameters = indexType(operationType(source.path, source.method), 'parameters');
  const parameter: Parameter = {
    wireName,
    name,
    in: location,
    required: location === 'path' || node['required'] === true,
    deprecated: node['deprecated'] === true,
    type: indexType(nonNullable(indexType(parameters, location)), wireName),
    ...shownOrAlias(naming, node['schema'], `${naming.typeName} ${wireName}`),
  };
  const description = descriptionOf(node);
  if (description !== undefined) parameter.description = description;
  const style = asString(node['style']);
  if (style !== undefined && STYLES.has(style)) parameter.style = style as Style;
  if (typeof node['explode'] === 'boolean') parameter.explode = node['explode'];
  return parameter;
}
