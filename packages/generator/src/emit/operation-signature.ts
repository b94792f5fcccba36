import type { Operation } from '../model/types.js';

/** The exported type names of one operation, all built from its `typeName` stem. */
export interface OperationTypeNames {
  /** Query, header and cookie parameters (only when the operation has some). */
  params: string;
  /** Request body (only when the operation has one). */
  body: string;
  /** The success response body. */
  response: string;
  /** One item of a paginated list (only for paginated operations). */
  item: string;
  /** The union of everything the operation can reject with. */
  error: string;
}

/** `CustomersList` -> `CustomersListParams`, `CustomersListBody`, ...; the model keeps these free of clashes. */
export function operationTypeNames({ typeName }: Operation): OperationTypeNames {
  return {
    params: `${typeName}Params`,
    body: `${typeName}Body`,
    response: `${typeName}Response`,
    item: `${typeName}Item`,
    error: `${typeName}Error`,
  };
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
  const names = operationTypeNames(operation);
  const paramsRequired = operation.params.some((param) => param.required);
  const parameters: SignatureParameter[] = operation.pathParams.map((param) => ({
    name: param.name,
    type: param.type,
    optional: false,
    description: param.description ?? `The \`${param.wireName}\` path parameter.`,
  }));
  if (operation.body) {
    const { required, contentType, description } = operation.body;
    parameters.push({
      name: 'body',
      type: required || !paramsRequired ? names.body : `${names.body} | undefined`,
      optional: !required && !paramsRequired,
      description: description ?? `The request body, sent as \`${contentType}\`.`,
    });
  }
  if (operation.params.length > 0) {
    parameters.push({
      name: 'params',
      type: names.params,
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
  const names = operationTypeNames(operation);
  if (operation.pagination) return `PagePromise<${names.item}, ${names.response}, ${names.error}>`;
  return `APIPromise<${resolvedType(operation)}, ${names.error}>`;
}

/** What the method's promise resolves to: the response body, wrapped in `Created` for a 201. */
export function resolvedType(operation: Operation): string {
  const { response } = operationTypeNames(operation);
  return operation.success.status === 201 ? `Created<${response}>` : response;
}

/** The method as one line of TypeScript, for the docs. */
export function signatureText(operation: Operation): string {
  const parameters = signatureParameters(operation).map(
    ({ name, type, optional }) => `${name}${optional ? '?' : ''}: ${type}`,
  );
  return `${operation.methodName}(${parameters.join(', ')}): ${returnType(operation)}`;
}
