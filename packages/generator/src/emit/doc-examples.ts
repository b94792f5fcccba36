/**
 * The TypeScript examples of the README and the docs pages, built from the model and the spec's sample
 * values (`example-values.ts`), so that each one compiles against the package it documents (the
 * doc-examples tool checks that). A block without `import` is a fragment: it uses the `client` that the
 * README's quick start creates.
 */
import { coreClassName, operationFunctionName } from '../model/naming.js';
import type { Api, Operation, Resource } from '../model/types.js';
import { authOptions } from './client-settings.js';
import { UNEXPECTED_STATUS_KIND } from './error-union.js';
import { markdownCodeBlock, stringLiteral } from './escape.js';
import { exampleArguments } from './example-values.js';

/** What every example needs beyond the operation it shows. */
export interface ExampleContext {
  document: object;
  clientName: string;
  packageName: string;
}

/** An operation with the resource it belongs to. */
export interface ResourceOperation {
  resource: Resource;
  operation: Operation;
}

/** `client.customers.get(1001)`, with sample values for the required arguments. */
export function callText(context: ExampleContext, { resource, operation }: ResourceOperation, options?: string) {
  const args = exampleArguments(context.document, operation, options);
  return `client.${resource.propertyName}.${operation.methodName}(${args.join(', ')})`;
}

function block(lines: readonly string[]): string {
  return markdownCodeBlock(lines.join('\n'), 'ts');
}

function clientLines({ clientName, packageName }: ExampleContext, imports: readonly string[] = []): string[] {
  const names = [clientName, ...imports].sort((a, b) => a.replace(/^type /, '').localeCompare(b.replace(/^type /, '')));
  return [
    `import { ${names.join(', ')} } from ${stringLiteral(packageName)};`,
    '',
    `const client = new ${clientName}();`,
  ];
}

/** What the call's result is used for: every item of a list, else the value (nothing for an empty body). */
function useResult(call: string, operation: Operation): string[] {
  if (operation.pagination !== undefined) return [`for await (const item of ${call}) {`, '  console.log(item);', '}'];
  if (operation.success.kind === 'empty') return [`await ${call};`];
  return [`const result = await ${call};`, 'console.log(result);'];
}

/** The example on an operation's reference page: a whole module, from import to result. */
export function operationExampleBlock(context: ExampleContext, entry: ResourceOperation): string {
  return block([...clientLines(context), ...useResult(callText(context, entry), entry.operation)]);
}

/** The operations the README's examples show: a list, a read by id, a create, a JSON Patch update. */
export interface ShowcaseOperations {
  first: ResourceOperation;
  list?: ResourceOperation | undefined;
  read?: ResourceOperation | undefined;
  create?: ResourceOperation | undefined;
  patch?: ResourceOperation | undefined;
}

/**
 * The showcase operations, each the first of its kind in the API's order, preferring a create and a patch
 * whose examples carry values; undefined for an API without operations.
 */
export function showcaseOperations(api: Api, document: object): ShowcaseOperations | undefined {
  const all = api.resources.flatMap((resource) => resource.operations.map((operation) => ({ resource, operation })));
  const find = (test: (operation: Operation) => boolean) => all.find(({ operation }) => test(operation));
  const withValues = (operation: Operation) =>
    exampleArguments(document, operation).every((argument) => argument !== '{}' && argument !== '[]');
  const first = all[0];
  if (first === undefined) return undefined;
  const isCreate = (operation: Operation) => operation.method === 'POST' && operation.body?.required === true;
  const isPatch = (operation: Operation) => operation.body?.kind === 'json-patch';
  return {
    first,
    list: find((operation) => operation.pagination !== undefined),
    read: find((operation) => operation.method === 'GET' && operation.pathParams.length > 0 && !operation.pagination),
    create: find((operation) => isCreate(operation) && withValues(operation)) ?? find(isCreate),
    patch: find((operation) => isPatch(operation) && withValues(operation)) ?? find(isPatch),
  };
}

/** Creates the client from the environment and makes a call of each showcase kind. */
export function quickStartBlock(context: ExampleContext, api: Api, showcase: ShowcaseOperations): string {
  const variables = authOptions(api).map(({ option }) => option.envVar);
  const calls = [
    ...(showcase.list ? ['', ...useResult(callText(context, showcase.list), showcase.list.operation)] : []),
    ...[showcase.read, showcase.create]
      .filter((entry) => entry !== undefined)
      .flatMap((entry) => ['', ...useResult(callText(context, entry), entry.operation)].map(renameResult(entry))),
  ];
  const [importLine, blank, construct] = clientLines(context);
  return block([
    importLine!,
    blank!,
    ...(variables.length === 0 ? [] : [`// Reads ${listText(variables)} from the environment.`]),
    construct!,
    ...(calls.length > 0 ? calls : ['', ...useResult(callText(context, showcase.first), showcase.first.operation)]),
  ]);
}

/** `result` -> `created` for a create, so that two results in one module get two names. */
function renameResult({ operation }: ResourceOperation): (line: string) => string {
  const name = operation.method === 'POST' ? 'created' : 'record';
  return (line) => line.replace(/\bresult\b/g, name);
}

function listText(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** `instanceof` on a documented error class, and the same failure as a value with `.safe()`. */
export function errorHandlingBlock(context: ExampleContext, entry: ResourceOperation): string {
  const { errors } = entry.operation;
  const error = errors.find(({ status }) => status === 404) ?? errors[0];
  const call = callText(context, entry);
  const catchBody = error
    ? [
        `  if (err instanceof ${error.className}) console.error(err.status, err.body); // body typed from the spec`,
        '  else throw err;',
      ]
    : ['  console.error(err);'];
  return block([
    ...clientLines(context, error && error.className !== 'APIError' ? [error.className] : []),
    'try {',
    `  await ${call};`,
    '} catch (err) {',
    ...catchBody,
    '}',
  ]);
}

/** An exhaustive `switch` over the operation's error union. */
export function errorSwitchBlock(context: ExampleContext, entry: ResourceOperation): string {
  const { operation } = entry;
  const union = operation.typeNames.error;
  const cases = operation.errors.flatMap((error) => [
    `    case ${error.status}: // ${error.className}`,
    `      console.error(${stringLiteral(`${error.status}:`)}, error.body);`,
    '      break;',
  ]);
  const catchAlls = (operation.defaultErrors ?? []).map(({ range }) => range);
  const undefinedCase =
    catchAlls.length === 0
      ? [
          '    case undefined: // connection, timeout, abort, undocumented status, unreadable body',
          '      console.error(error.kind, error.message);',
        ]
      : [
          `    case undefined: // connection, timeout, abort, unreadable body, or a status only ${catchAlls.join('/')} documents`,
          `      if (error.kind === ${stringLiteral(UNEXPECTED_STATUS_KIND)}) console.error(error.httpStatus, error.body);`,
          '      else console.error(error.kind, error.message);',
        ];
  return block([
    ...clientLines(context, [`type ${union}`]),
    `const result = await ${callText(context, entry)}.safe();`,
    'if (!result.ok) {',
    `  const error: ${union} = result.error;`,
    '  switch (error.status) {',
    ...cases,
    ...undefinedCase,
    '      break;',
    // TypeScript narrows the union by status only when some member has a numeric one.
    ...(operation.errors.length === 0
      ? []
      : ['    default:', '      error satisfies never; // fails to compile once a status is left unhandled']),
    '  }',
    '}',
  ]);
}

/** `.safe()`: the result or the typed error as a value. */
export function safeBlock(context: ExampleContext, entry: ResourceOperation): string {
  return block([
    `const result = await ${callText(context, entry)}.safe();`,
    'if (result.ok) console.log(result.data);',
    'else console.error(result.error.status, result.error.message);',
  ]);
}

/** `.withResponse()` and `.asResponse()`. */
export function rawResponseBlock(context: ExampleContext, entry: ResourceOperation): string {
  const call = callText(context, entry);
  return block([
    `const { data, response } = await ${call}.withResponse();`,
    "console.log(response.status, response.headers.get('content-type'), data);",
    '',
    `const raw = await ${call}.asResponse(); // body unread`,
    'console.log(raw.status);',
  ]);
}

/** Retries and timeouts for every call, and for one call. */
export function requestOptionsBlock(context: ExampleContext, entry: ResourceOperation): string {
  const [importLine, blank] = clientLines(context);
  return block([
    importLine!,
    blank!,
    `const client = new ${context.clientName}({ maxRetries: 4, timeout: 20_000 }); // every call`,
    `await ${callText(context, entry, '{ maxRetries: 0, timeout: 5_000, signal: AbortSignal.timeout(8_000) }')}; // this call`,
  ]);
}

/** `for await` over every item, and the first page alone. */
export function paginationBlock(context: ExampleContext, entry: ResourceOperation): string {
  const call = callText(context, entry);
  return block([
    `for await (const item of ${call}) {`,
    '  console.log(item); // every item of every page, fetched page by page',
    '}',
    '',
    `const page = await ${call}; // just the first page`,
    'console.log(page.items, page.hasNextPage());',
  ]);
}

/** A JSON Patch update, with the spec's example patch. */
export function jsonPatchBlock(context: ExampleContext, entry: ResourceOperation): string {
  return block([`await ${callText(context, entry)};`]);
}

/** The first operation as a standalone function on the core, each imported by its subpath. */
export function standaloneBlock(context: ExampleContext, entry: ResourceOperation): string {
  const coreName = coreClassName(context.clientName);
  const functionName = operationFunctionName(entry.operation.typeName);
  const args = exampleArguments(context.document, entry.operation);
  return block([
    `import { ${coreName} } from ${stringLiteral(`${context.packageName}/core`)};`,
    `import { ${functionName} } from ${stringLiteral(`${context.packageName}/funcs`)};`,
    '',
    `const core = new ${coreName}(); // the options of ${context.clientName}`,
    `const result = await ${functionName}(${['core', ...args].join(', ')}).safe();`,
    'if (result.ok) console.log(result.data);',
  ]);
}
