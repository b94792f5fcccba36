import type { CodeBlockWriter, WriterFunction } from 'ts-morph';
import type { Operation, Parameter } from '../model/types.js';
import { errorMapName } from './error-maps.js';
import { propertyKey, stringLiteral, templateLiteralText } from './escape.js';
import { resultTypeArguments } from './operation-signature.js';

/** A property of a printed object literal: a value expression, or a nested object printed inline. */
type Entry = [key: string, value: string | Entry[]];

/**
 * The body of an operation's standalone function: one `return client.request(...)` (or
 * `requestPage(client, ...)`) statement describing the operation as data. Everything else happens in the
 * runtime. `client` is the expression of the `ClientCore` to send with.
 */
export function requestStatement(operation: Operation, client: string): WriterFunction {
  const { pagination } = operation;
  const call = `${pagination ? 'requestPage' : `${client}.request`}<${resultTypeArguments(operation)}>`;
  const args: (string | Entry[])[] = pagination ? [client] : [];
  args.push(operationRequest(operation));
  if (pagination) {
    args.push([
      ['style', stringLiteral(pagination.style)],
      ['pageParam', stringLiteral(propertyNameOf(operation, pagination.pageParam))],
      ...(pagination.sizeParam === undefined
        ? []
        : [['sizeParam', stringLiteral(propertyNameOf(operation, pagination.sizeParam))] satisfies Entry]),
      ['itemsField', stringLiteral(pagination.itemsField)],
      ['hasMoreField', stringLiteral(pagination.hasMoreField)],
    ]);
  }
  args.push('options');
  return (writer) => {
    writer.write(`return ${call}(`).indent(() => {
      args.forEach((arg, index) => {
        if (index > 0) writer.newLine();
        if (typeof arg === 'string') writer.write(arg);
        else writeObject(writer, arg, true);
        writer.write(',');
      });
    });
    writer.write(');');
  };
}

/**
 * The runtime functions an operation's request statement names: the operation passes them, so that a
 * bundle holds the serialisers, the 201 result mapping and the pager only when an operation needs them.
 */
export function runtimeFunctionsUsed(operation: Operation): string[] {
  return [
    ...(operation.pathParams.length > 0 ? ['encodePath'] : []),
    ...(operation.pagination ? ['requestPage'] : []),
    ...(operation.params.length > 0 ? ['serializeParams'] : []),
    ...(operation.body ? ['serializeBody'] : []),
    ...(createsResource(operation) ? ['createdResult'] : []),
  ];
}

/** A 201 operation resolves to `Created<T>` (a paged list keeps its page result). */
function createsResource(operation: Operation): boolean {
  return operation.success.status === 201 && !operation.pagination;
}

/** The `OperationRequest` literal: only the fields that differ from the runtime's defaults. */
function operationRequest(operation: Operation): Entry[] {
  const { body, success } = operation;
  const paramSpecs = operation.params.flatMap((param): Entry[] => {
    const spec = paramSpec(param);
    return spec.length > 0 ? [[propertyKey(param.name), spec]] : [];
  });
  const entries: Entry[] = [
    ['method', stringLiteral(operation.method)],
    ['path', pathExpression(operation)],
  ];
  if (operation.params.length > 0) entries.push(['params', 'params'], ['serializeParams', 'serializeParams']);
  if (paramSpecs.length > 0) entries.push(['paramSpecs', paramSpecs]);
  if (body) {
    entries.push(['body', 'body'], ['serializeBody', 'serializeBody']);
    if (body.contentType !== 'application/json') entries.push(['contentType', stringLiteral(body.contentType)]);
  }
  if (success.kind !== 'json') entries.push(['responseKind', stringLiteral(success.kind)]);
  if (createsResource(operation)) entries.push(['result', 'createdResult']);
  const errors = errorMapName(operation);
  if (errors !== undefined) entries.push(['errors', errors]);
  return entries;
}

/**
 * The request path: a string literal, or an `encodePath` tagged template that percent-encodes each
 * path argument, e.g. ``encodePath`/customers/${id}` ``.
 */
export function pathExpression({ path, pathParams }: Operation): string {
  if (pathParams.length === 0) return stringLiteral(path);
  const byWireName = new Map(pathParams.map((param) => [param.wireName, param]));
  const parts = path.split(/\{([^}]*)\}/);
  const template = parts
    .map((part, index) => {
      if (index % 2 === 0) return templateLiteralText(part);
      const param = byWireName.get(part);
      if (!param) throw new Error(`Path ${path} has {${part}} but the operation has no such path parameter`);
      return `\${${param.name}}`;
    })
    .join('');
  return `encodePath\`${template}\``;
}

/** Runtime defaults (OpenAPI's): query and cookie use form, headers simple; only form explodes. */
const DEFAULT_STYLE = { query: 'form', cookie: 'form', header: 'simple' } as const;
/** Styles that only apply to path parameters, which the runtime's `ParamSpec` does not take. */
const PATH_ONLY_STYLES = new Set<Parameter['style']>(['label', 'matrix']);

/** The `ParamSpec` entries a parameter needs: where it goes, its wire name and its style, when not default. */
export function paramSpec(param: Parameter): Entry[] {
  if (param.in === 'path') return [];
  // Under a key Object.prototype also has (`constructor`), tsc types a string literal `string`, not its union.
  const literal = (text: string) =>
    Object.hasOwn(Object.prototype, param.name) ? `${stringLiteral(text)} as const` : stringLiteral(text);
  const entries: Entry[] = [];
  if (param.in !== 'query') entries.push(['in', literal(param.in)]);
  if (param.name !== param.wireName) entries.push(['name', stringLiteral(param.wireName)]);
  const defaultStyle = DEFAULT_STYLE[param.in];
  const style = param.style === undefined || PATH_ONLY_STYLES.has(param.style) ? defaultStyle : param.style;
  if (style !== defaultStyle) entries.push(['style', literal(style)]);
  if (param.explode !== undefined && param.explode !== (style === 'form')) {
    entries.push(['explode', String(param.explode)]);
  }
  return entries;
}

/** Pagination names query parameters by wire name; `params` is keyed by property name. */
function propertyNameOf(operation: Operation, wireName: string): string {
  return operation.params.find((param) => param.wireName === wireName)?.name ?? wireName;
}

/** Top-level objects print one property per line; nested ones stay on one line. */
function writeObject(writer: CodeBlockWriter, entries: Entry[], multiline: boolean): void {
  const property = ([key, value]: Entry): void => {
    if (typeof value === 'string' && key === value) writer.write(key);
    else {
      writer.write(`${key}: `);
      if (typeof value === 'string') writer.write(value);
      else writeObject(writer, value, multiline && value.some(([, inner]) => typeof inner !== 'string'));
    }
  };
  if (!multiline) {
    writer.write('{ ');
    entries.forEach((entry, index) => {
      if (index > 0) writer.write(', ');
      property(entry);
    });
    writer.write(' }');
    return;
  }
  writer.write('{').indent(() => {
    entries.forEach((entry, index) => {
      if (index > 0) writer.newLine();
      property(entry);
      writer.write(',');
    });
  });
  writer.write('}');
}
