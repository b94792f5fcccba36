import type { Operation } from '../model/types.js';

/** The named schemas an operation's public signature and error union show, for the module's imports. */
export function shownSchemas(operation: Operation): string[] {
  return [
    ...operation.pathParams.flatMap((param) => param.shown.schemas),
    ...operation.params.flatMap((param) => param.shown.schemas),
    ...(operation.body?.shown.schemas ?? []),
    ...operation.success.shown.schemas,
    ...operation.errors.flatMap((error) => error.bodyShown?.schemas ?? []),
    ...(operation.defaultErrors ?? []).flatMap((error) => error.bodyShown?.schemas ?? []),
  ];
}

/** One argument of a resource method, in the order the method takes them. */
export interface SignatureParameter {
  name: string;
  type: string;
  /** Printed as `name?: type`. */
  optional: boolean;
  /** Raw (unescaped) text for the `@param` tag and the docs. */
  description: string;
}

/**
 * The method's arguments: path parameters in path order, then `body`, then `params`, then `options`
 * (the model keeps path parameter names clear of those three).
 * Only trailing arguments may be `?`-optional, so an optional body before required params is typed
 * `T | undefined` instead.
 */
export function signatureParameters(operation: Operation): SignatureParameter[] {
  const { typeNames } = operation;
  const paramsRequired = operation.params.some((param) => param.required);
  const parameters: SignatureParameter[] = operation.pathParams.map((param) => ({
    name: param.name,
    type: param.shown.text,
    optional: false,
    description: param.description ?? `The \`${param.wireName}\` path parameter.`,
  }));
  if (operation.body) {
    const { required, contentType, description, shown } = operation.body;
    parameters.push({
      name: 'body',
      type: required || !paramsRequired ? shown.text : `${shown.text} | undefined`,
      optional: !required && !paramsRequired,
      description: description ?? `The request body, sent as \`${contentType}\`.`,
    });
  }
  if (typeNames.params !== undefined) {
    parameters.push({
      name: 'params',
      type: typeNames.params,
      // Optional rather than `= {}`: `{}` is not assignable to a params type with a `constructor` property.
      optional: !paramsRequired,
      description: 'Query, header and cookie parameters.',
    });
  }
  parameters.push({
    name: 'options',
    type: 'RequestOptions',
    optional: true,
    description: 'Per-request options: timeout, retries, abort signal, extra headers.',
  });
  return parameters;
}

/** The method's return type: a `PagePromise` for paginated lists, else an `APIPromise`. */
export function returnType(operation: Operation): string {
  return `${operation.pagination ? 'PagePromise' : 'APIPromise'}<${resultTypeArguments(operation)}>`;
}

/** The type arguments of the method's promise: item, page and error for a page, else result and error. */
export function resultTypeArguments(operation: Operation): string {
  const { item, error } = operation.typeNames;
  if (item !== undefined) return `${item}, ${operation.success.shown.text}, ${error}`;
  return `${resolvedType(operation)}, ${error}`;
}

/** What the method's promise resolves to: the response body, wrapped in `Created` for a 201. */
export function resolvedType(operation: Operation): string {
  const { text } = operation.success.shown;
  return operation.success.status === 201 ? `Created<${text}>` : text;
}

/** The method as one line of TypeScript, for the docs. */
export function signatureText(operation: Operation): string {
  const parameters = signatureParameters(operation).map(
    ({ name, type, optional }) => `${name}${optional ? '?' : ''}: ${type}`,
  );
  return `${operation.methodName}(${parameters.join(', ')}): ${returnType(operation)}`;
}
