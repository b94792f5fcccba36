/**
 * The data the Markdown templates render. Every string here is already escaped for the place the
 * template puts it (`Md` = Markdown prose, `Cell` = table cell, `Code` = inline code span, `code` =
 * inside a fenced block), so templates compile with `noEscape` and never see raw spec text.
 */
import {
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_TIMEOUT_MS,
} from '@revio-sdk/runtime';
import { coreClassName, operationFunctionName } from '../model/naming.js';
import { DEFAULT_ERROR_RANGES, unexpectedStatusBodyType } from '../model/responses.js';
import { UNKNOWN_TYPE } from '../model/type-expressions.js';
import type { Api, DefaultErrorCase, Operation, Resource } from '../model/types.js';
import { authOptions, baseUrlEnvVar, defaultBaseUrl } from './client-settings.js';
import {
  COMMON_ERROR,
  UNEXPECTED_STATUS_ERROR,
  UNEXPECTED_STATUS_KIND,
  catchAllCoverage,
  catchAllStatuses,
} from './error-union.js';
import {
  markdownBlock,
  markdownCode,
  markdownCodeBlock,
  markdownInline,
  markdownTableCell,
  markdownTableCode,
  stringLiteral,
} from './escape.js';
import { resolvedType, signatureParameters, signatureText } from './operation-signature.js';

/** What the docs need beyond the IR. */
export interface DocsOptions {
  packageName: string;
  clientName: string;
}

/** A row of the README's options table. */
export interface OptionRow {
  nameCode: string;
  envCode: string;
  required: string;
  descriptionCell: string;
}

/** A row of an errors table (per operation, or per status on the errors page). */
export interface ErrorRow {
  status: string;
  classCode: string;
  /** The parsed body's type; empty in the package-wide table. */
  bodyCode: string;
  descriptionCell: string;
}

/** A row of the errors page's table of catch-all responses (`4XX`, `5XX`, `default`). */
export interface CatchAllRow {
  rangeCode: string;
  coversCell: string;
  countCell: string;
}

/** One operation's section of its resource page. */
export interface OperationView {
  methodName: string;
  anchor: string;
  summaryMd: string;
  descriptionMd: string;
  deprecated: boolean;
  httpCode: string;
  httpCell: string;
  summaryCell: string;
  signatureBlock: string;
  params: { nameCode: string; inCell: string; typeCode: string; required: string; descriptionCell: string }[];
  bodyMd: string;
  responseMd: string;
  paginated: boolean;
  errors: ErrorRow[];
}

/** One resource page (`docs/<fileName>.md`). */
export interface ResourceView {
  propertyName: string;
  fileName: string;
  titleMd: string;
  descriptionMd: string;
  operations: OperationView[];
}

/** Shared by every page. */
export interface PackageView {
  packageName: string;
  installBlock: string;
  clientName: string;
  titleMd: string;
  descriptionMd: string;
  options: OptionRow[];
  baseUrlEnv: string;
  baseUrlRequired: string;
  baseUrlDescription: string;
  /** The runtime's defaults, as the docs print them (imported from the runtime, so the docs cannot drift from it). */
  defaultTimeoutMs: string;
  defaultMaxRetries: string;
  defaultMaxRetryAfterMs: string;
  defaultMaxPages: string;
  resources: ResourceView[];
  exampleBlock: string;
  errorExample: { block: string } | null;
  /** The first operation called as a standalone function on the core; null for an API without operations. */
  standaloneExample: {
    block: string;
    coreCode: string;
    callCode: string;
    functionCode: string;
    coreModuleCode: string;
    funcsModuleCode: string;
  } | null;
  paginationExample: { block: string } | null;
  errorClasses: ErrorRow[];
  /** The catch-all responses any operation documents; empty when none does. */
  catchAllErrors: CatchAllRow[];
}

/** The view of the whole package: README and errors page read all of it, resource pages one resource. */
export function packageView(api: Api, { packageName, clientName }: DocsOptions): PackageView {
  const baseUrl = defaultBaseUrl(api);
  const baseUrlEnv = baseUrlEnvVar(api);
  const packageLiteral = stringLiteral(packageName);
  const operations = api.resources.flatMap((resource) =>
    resource.operations.map((operation) => ({ resource, operation })),
  );
  const withErrors =
    operations.find(({ operation }) => operation.errors.length > 0) ??
    operations.find(({ operation }) => operation.defaultErrors !== undefined);
  const paginated = operations.find(({ operation }) => operation.pagination !== undefined);
  return {
    packageName: markdownInline(packageName),
    installBlock: markdownCodeBlock(`npm install ${packageName}`, 'sh'),
    clientName,
    titleMd: markdownInline(api.title),
    descriptionMd: markdownBlock(api.description ?? ''),
    options: authOptions(api).map(({ option, required }) => ({
      nameCode: markdownTableCode(option.name),
      envCode: markdownTableCode(option.envVar),
      required: required ? 'yes' : 'no',
      descriptionCell: markdownTableCell(option.description ?? ''),
    })),
    baseUrlEnv: markdownTableCode(baseUrlEnv),
    baseUrlRequired: baseUrl === undefined ? 'yes' : 'no',
    baseUrlDescription: `The API root${baseUrl === undefined ? '.' : `; default ${markdownTableCode(baseUrl)}.`}`,
    defaultTimeoutMs: String(DEFAULT_TIMEOUT_MS),
    defaultMaxRetries: String(DEFAULT_MAX_RETRIES),
    defaultMaxRetryAfterMs: String(DEFAULT_MAX_RETRY_AFTER_MS),
    defaultMaxPages: String(DEFAULT_MAX_PAGES),
    resources: api.resources.map(resourceView),
    exampleBlock: markdownCodeBlock(
      [
        `import { ${clientName} } from ${packageLiteral};`,
        '',
        `const client = new ${clientName}(); // options from the environment`,
        '',
        ...api.resources.flatMap((resource) =>
          resource.operations.slice(0, 1).map((operation) => `await ${callText(resource, operation)};`),
        ),
      ].join('\n'),
      'ts',
    ),
    errorExample: withErrors
      ? { block: errorExampleBlock(withErrors.resource, withErrors.operation, clientName, packageLiteral) }
      : null,
    standaloneExample: operations[0]
      ? standaloneExample(operations[0].resource, operations[0].operation, clientName, packageName)
      : null,
    paginationExample: paginated ? { block: paginationBlock(paginated.resource, paginated.operation) } : null,
    errorClasses: documentedErrorClasses(operations.map(({ operation }) => operation)),
    catchAllErrors: documentedCatchAlls(operations.map(({ operation }) => operation)),
  };
}

function resourceView(resource: Resource): ResourceView {
  return {
    propertyName: resource.propertyName,
    fileName: resource.fileName,
    titleMd: markdownInline(resource.sourceName),
    descriptionMd: markdownBlock(resource.description ?? ''),
    operations: resource.operations.map(operationView),
  };
}

function operationView(operation: Operation): OperationView {
  const names = operation.typeNames;
  const { body, success } = operation;
  const http = `${operation.method} ${operation.path}`;
  const catchAllBodyType = unexpectedStatusBodyType(operation);
  return {
    methodName: operation.methodName,
    anchor: operation.methodName.toLowerCase(),
    summaryMd: markdownInline(operation.summary ?? ''),
    descriptionMd: markdownBlock(operation.description ?? ''),
    deprecated: operation.deprecated,
    httpCode: markdownCode(http),
    httpCell: markdownTableCode(http),
    summaryCell: markdownTableCell(operation.summary ?? ''),
    signatureBlock: markdownCodeBlock(signatureText(operation), 'ts'),
    params: [...operation.pathParams, ...operation.params].map((param) => ({
      nameCode: markdownTableCode(param.name === param.wireName ? param.name : `${param.name} (${param.wireName})`),
      inCell: param.in,
      typeCode: markdownTableCode(param.type),
      required: param.required ? 'yes' : 'no',
      descriptionCell: markdownTableCell(`${param.deprecated ? 'Deprecated. ' : ''}${param.description ?? ''}`),
    })),
    bodyMd: body
      ? `${markdownCode(body.shown.text)}, sent as ${markdownCode(body.contentType)}${body.required ? '' : ' (optional)'}. ${markdownInline(body.description ?? '')}`.trim()
      : '',
    responseMd: `${markdownCode(operation.pagination ? `PageResult<${names.item ?? ''}, ${success.shown.text}>` : resolvedType(operation))} (status ${success.status})${success.description === undefined ? '.' : `: ${markdownInline(success.description)}`}`,
    paginated: operation.pagination !== undefined,
    errors: [
      ...operation.errors.map((error) => ({
        status: String(error.status),
        classCode: markdownTableCode(errorClassName(error.className, error.status)),
        bodyCode: markdownTableCode(error.bodyType),
        descriptionCell: markdownTableCell(error.description ?? ''),
      })),
      ...(operation.defaultErrors ?? []).map(({ range, description }) => ({
        status: range,
        classCode: markdownTableCode(UNEXPECTED_STATUS_ERROR),
        bodyCode: markdownTableCode(catchAllBodyType ?? UNKNOWN_TYPE),
        descriptionCell: `${capitalize(catchAllCoverage(range, catchAllBodyType !== undefined))}${description === undefined ? '.' : `: ${markdownTableCell(description)}`}`,
      })),
      {
        status: 'none',
        classCode: markdownTableCode(COMMON_ERROR),
        bodyCode: '',
        // With `default` documented, no non-2xx status is left undocumented.
        descriptionCell: hasCatchAll(operation, 'default')
          ? 'Connection failure, timeout, abort or an unreadable body.'
          : 'Connection failure, timeout, abort, an undocumented status or an unreadable body.',
      },
    ],
  };
}

function hasCatchAll(operation: Operation, range: DefaultErrorCase['range']): boolean {
  return operation.defaultErrors?.some((error) => error.range === range) ?? false;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `client.customers.get(id)`: the path arguments, `body` and required `params` by name. */
function callText(resource: Resource, operation: Operation): string {
  return `client.${resource.propertyName}.${operation.methodName}(${requiredArguments(operation).join(', ')})`;
}

function requiredArguments(operation: Operation): string[] {
  return signatureParameters(operation)
    .filter(({ optional }) => !optional)
    .map(({ name }) => name);
}

/** The first operation as `customersGet(core, id)`, importing the core and the function by subpath. */
function standaloneExample(
  resource: Resource,
  operation: Operation,
  clientName: string,
  packageName: string,
): NonNullable<PackageView['standaloneExample']> {
  const coreName = coreClassName(clientName);
  const functionName = operationFunctionName(operation.typeName);
  const call = `${functionName}(${['core', ...requiredArguments(operation)].join(', ')})`;
  return {
    coreCode: markdownCode(coreName),
    coreModuleCode: markdownCode(`${packageName}/core`),
    funcsModuleCode: markdownCode(`${packageName}/funcs`),
    callCode: markdownCode(callText(resource, operation)),
    functionCode: markdownCode(call),
    block: markdownCodeBlock(
      [
        `import { ${coreName} } from ${stringLiteral(`${packageName}/core`)};`,
        `import { ${functionName} } from ${stringLiteral(`${packageName}/funcs`)};`,
        '',
        `const core = new ${coreName}(); // the options of ${clientName}`,
        `const result = await ${call}.safe();`,
      ].join('\n'),
      'ts',
    ),
  };
}

function errorExampleBlock(
  resource: Resource,
  operation: Operation,
  clientName: string,
  packageLiteral: string,
): string {
  const union = operation.typeNames.error;
  const cases = operation.errors.flatMap((error) => [
    `    case ${error.status}: // ${error.className}, body typed from the spec`,
    `      console.error(${stringLiteral(`${error.status}:`)}, err.body);`,
    '      break;',
  ]);
  const catchAlls = (operation.defaultErrors ?? []).map(({ range }) => range);
  const otherFailures =
    catchAlls.length === 0
      ? [
          '    case undefined: // no documented status: connection, timeout, abort, undocumented status, bad body',
          '      console.error(err.kind, err.message);',
        ]
      : [
          `    case undefined: // connection, timeout, abort, bad body, or a status only ${catchAlls.join('/')} documents`,
          `      if (err.kind === ${stringLiteral(UNEXPECTED_STATUS_KIND)}) console.error(err.httpStatus, err.body);`,
          '      else console.error(err.kind, err.message);',
        ];
  return markdownCodeBlock(
    [
      `import { ${clientName}, type ${union} } from ${packageLiteral};`,
      '',
      `const client = new ${clientName}();`,
      'try {',
      `  await ${callText(resource, operation)};`,
      '} catch (caught) {',
      `  const err = caught as ${union};`,
      '  switch (err.status) {',
      ...cases,
      ...otherFailures,
      '      break;',
      '  }',
      '}',
      '',
      '// Or without exceptions:',
      `const result = await ${callText(resource, operation)}.safe();`,
      'if (!result.ok) console.error(result.error.status); // result.error is typed the same way',
    ].join('\n'),
    'ts',
  );
}

function paginationBlock(resource: Resource, operation: Operation): string {
  const call = callText(resource, operation);
  return markdownCodeBlock(
    [
      `for await (const item of ${call}) {`,
      '  console.log(item); // every item of every page, fetched page by page',
      '}',
      '',
      `const page = await ${call}; // just the first page`,
      'console.log(page.items, page.hasNextPage());',
    ].join('\n'),
    'ts',
  );
}

/** `NotFoundError`, or `APIError<418>` for a status without a named class. */
function errorClassName(className: string, status: number): string {
  return className === 'APIError' ? `APIError<${status}>` : className;
}

/** One row per catch-all response any operation documents, in the order `4XX`, `5XX`, `default`. */
function documentedCatchAlls(operations: readonly Operation[]): CatchAllRow[] {
  const counts = new Map<DefaultErrorCase['range'], number>();
  for (const { range } of operations.flatMap((operation) => operation.defaultErrors ?? []))
    counts.set(range, (counts.get(range) ?? 0) + 1);
  return DEFAULT_ERROR_RANGES.flatMap((range) => {
    const count = counts.get(range);
    return count === undefined
      ? []
      : [
          {
            rangeCode: markdownTableCode(range),
            coversCell: catchAllStatuses(range),
            countCell: operationCount(count),
          },
        ];
  });
}

function operationCount(count: number): string {
  return `${count} operation${count === 1 ? '' : 's'}`;
}

/** One row per status any operation documents, ascending. */
function documentedErrorClasses(operations: readonly Operation[]): ErrorRow[] {
  const byStatus = new Map<number, { className: string; count: number }>();
  for (const error of operations.flatMap((operation) => operation.errors)) {
    const row = byStatus.get(error.status) ?? { className: error.className, count: 0 };
    byStatus.set(error.status, { ...row, count: row.count + 1 });
  }
  return [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, { className, count }]) => ({
      status: String(status),
      classCode: markdownTableCode(errorClassName(className, status)),
      bodyCode: '',
      descriptionCell: operationCount(count),
    }));
}
