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
  callText,
  errorHandlingBlock,
  errorSwitchBlock,
  jsonPatchBlock,
  operationExampleBlock,
  paginationBlock,
  quickStartBlock,
  rawResponseBlock,
  requestOptionsBlock,
  safeBlock,
  showcaseOperations,
  standaloneBlock,
  type ExampleContext,
  type ResourceOperation,
  type ShowcaseOperations,
} from './doc-examples.js';
import { COMMON_ERROR, UNEXPECTED_STATUS_ERROR, catchAllCoverage, catchAllStatuses } from './error-union.js';
import {
  markdownBlock,
  markdownCode,
  markdownCodeBlock,
  markdownInline,
  markdownTableCell,
  markdownTableCode,
} from './escape.js';
import { exampleArguments } from './example-values.js';
import { resolvedType, signatureText } from './operation-signature.js';
import { statusAdvice } from './status-advice.js';

/** What the docs need beyond the IR. */
export interface DocsOptions {
  packageName: string;
  clientName: string;
  /** The source document, read for the examples' sample values. */
  document: object;
}

/** A row of the README's options table. */
export interface OptionRow {
  nameCode: string;
  envCode: string;
  defaultCell: string;
  descriptionCell: string;
}

/** A row of an operation's errors table. */
export interface ErrorRow {
  status: string;
  classCode: string;
  /** The parsed body's type. */
  bodyCode: string;
  /** What this operation says of the status beyond what docs/errors.md says of it; may be empty. */
  descriptionCell: string;
}

/** A row of the package-wide table of documented statuses (README and docs/errors.md). */
export interface StatusRow {
  status: string;
  classCode: string;
  /** What the spec says the status means (the description most operations give it). */
  meaningCell: string;
  /** Its first sentence, for the README. */
  shortMeaningCell: string;
  adviceCell: string;
  countCell: string;
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
  signatureCode: string;
  params: { nameCode: string; inCell: string; typeCode: string; required: string; descriptionCell: string }[];
  bodyMd: string;
  responseMd: string;
  paginated: boolean;
  errors: ErrorRow[];
  exampleBlock: string;
}

/** One resource page (`docs/<fileName>.md`). */
export interface ResourceView {
  propertyName: string;
  fileName: string;
  titleMd: string;
  descriptionMd: string;
  operations: OperationView[];
}

/** The README's code blocks, each empty when the API has no operation to show it with. */
export interface ReadmeExamples {
  quickStart: string;
  errorHandling: string;
  errorSwitch: string;
  safe: string;
  rawResponse: string;
  requestOptions: string;
  pagination: string;
  jsonPatch: string;
  standalone: string;
}

/** Shared by every page. */
export interface PackageView {
  packageName: string;
  installBlock: string;
  clientName: string;
  titleMd: string;
  options: OptionRow[];
  /** The runtime's defaults, as the docs print them (imported from the runtime, so the docs cannot drift from it). */
  defaultTimeoutMs: string;
  defaultMaxRetries: string;
  defaultMaxRetryAfterMs: string;
  defaultMaxPages: string;
  resources: ResourceView[];
  examples: ReadmeExamples;
  /** `client.customers.get(1001)`, the call the standalone example turns into a function; empty without one. */
  standaloneCallCode: string;
  standaloneFunctionCode: string;
  coreCode: string;
  coreModuleCode: string;
  funcsModuleCode: string;
  errorClasses: StatusRow[];
  /** The catch-all responses any operation documents; empty when none does. */
  catchAllErrors: CatchAllRow[];
}

/** The view of the whole package: README and errors page read all of it, resource pages one resource. */
export function packageView(api: Api, options: DocsOptions): PackageView {
  const { packageName, clientName, document } = options;
  const context: ExampleContext = { document, clientName, packageName };
  const operations = api.resources.flatMap((resource) =>
    resource.operations.map((operation) => ({ resource, operation })),
  );
  const showcase = showcaseOperations(api, document);
  const meanings = statusMeanings(operations.map(({ operation }) => operation));
  return {
    packageName: markdownInline(packageName),
    installBlock: markdownCodeBlock(`npm install ${packageName}`, 'sh'),
    clientName,
    titleMd: markdownInline(api.title),
    options: optionRows(api),
    defaultTimeoutMs: String(DEFAULT_TIMEOUT_MS),
    defaultMaxRetries: String(DEFAULT_MAX_RETRIES),
    defaultMaxRetryAfterMs: String(DEFAULT_MAX_RETRY_AFTER_MS),
    defaultMaxPages: String(DEFAULT_MAX_PAGES),
    resources: api.resources.map((resource) => resourceView(context, resource, meanings)),
    examples: readmeExamples(context, api, showcase),
    standaloneCallCode: showcase ? markdownCode(callText(context, showcase.first)) : '',
    standaloneFunctionCode: showcase
      ? markdownCode(
          `${operationFunctionName(showcase.first.operation.typeName)}(${['core', ...exampleArguments(document, showcase.first.operation)].join(', ')})`,
        )
      : '',
    coreCode: markdownCode(coreClassName(clientName)),
    coreModuleCode: markdownCode(`${packageName}/core`),
    funcsModuleCode: markdownCode(`${packageName}/funcs`),
    errorClasses: documentedErrorClasses(
      operations.map(({ operation }) => operation),
      meanings,
    ),
    catchAllErrors: documentedCatchAlls(operations.map(({ operation }) => operation)),
  };
}

function readmeExamples(context: ExampleContext, api: Api, showcase: ShowcaseOperations | undefined): ReadmeExamples {
  if (showcase === undefined)
    return {
      quickStart: '',
      errorHandling: '',
      errorSwitch: '',
      safe: '',
      rawResponse: '',
      requestOptions: '',
      pagination: '',
      jsonPatch: '',
      standalone: '',
    };
  const read = showcase.read ?? showcase.first;
  const withErrors = [showcase.read, showcase.list, showcase.first].find(
    (entry) => entry !== undefined && (entry.operation.errors.length > 0 || entry.operation.defaultErrors),
  );
  return {
    quickStart: quickStartBlock(context, api, showcase),
    errorHandling: errorHandlingBlock(context, withErrors ?? read),
    errorSwitch: errorSwitchBlock(context, withErrors ?? read),
    safe: safeBlock(context, read),
    rawResponse: showcase.read ? rawResponseBlock(context, showcase.read) : '',
    requestOptions: requestOptionsBlock(context, read),
    pagination: showcase.list ? paginationBlock(context, showcase.list) : '',
    jsonPatch: showcase.patch ? jsonPatchBlock(context, showcase.patch) : '',
    standalone: standaloneBlock(context, showcase.first),
  };
}

/**
 * Every client option that carries a credential, then `baseUrl`: each with its environment variable, its
 * default (none for a credential: a required one must be given, an optional one is not sent) and what it is.
 */
function optionRows(api: Api): OptionRow[] {
  const baseUrl = defaultBaseUrl(api);
  const credentials = authOptions(api).map(({ option, required }) => ({
    nameCode: markdownTableCode(option.name),
    envCode: markdownTableCode(option.envVar),
    defaultCell: required ? 'required' : 'none',
    descriptionCell: markdownTableCell(option.description ?? credentialDescription(api, option.name)),
  }));
  return [
    ...credentials,
    {
      nameCode: markdownTableCode('baseUrl'),
      envCode: markdownTableCode(baseUrlEnvVar(api)),
      defaultCell: baseUrl === undefined ? 'required' : markdownTableCode(baseUrl),
      descriptionCell: 'The API root every path is appended to.',
    },
  ];
}

/** What a credential option without a description of its own is, from the scheme that declares it. */
function credentialDescription(api: Api, name: string): string {
  for (const scheme of api.auth) {
    if (scheme.kind === 'apiKey' && scheme.option.name === name)
      return `Sent as the \`${scheme.wireName}\` ${scheme.in === 'query' ? 'query parameter' : scheme.in}.`;
    if (scheme.kind === 'bearer' && scheme.option.name === name)
      return 'Sent as a Bearer token in the `Authorization` header.';
    if (scheme.kind !== 'basic') continue;
    if (name === scheme.passwordOption) return 'The HTTP Basic password.';
    if (scheme.options.some((option) => option.name === name))
      return scheme.usernameTemplate === `{${name}}`
        ? 'The HTTP Basic user name.'
        : `Fills \`{${name}}\` in the HTTP Basic user name, \`${scheme.usernameTemplate}\`.`;
  }
  return '';
}

function resourceView(context: ExampleContext, resource: Resource, meanings: StatusMeanings): ResourceView {
  return {
    propertyName: resource.propertyName,
    fileName: resource.fileName,
    titleMd: markdownInline(resource.sourceName),
    descriptionMd: markdownBlock(resource.description ?? ''),
    operations: resource.operations.map((operation) => operationView(context, { resource, operation }, meanings)),
  };
}

function operationView(context: ExampleContext, entry: ResourceOperation, meanings: StatusMeanings): OperationView {
  const { resource, operation } = entry;
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
    signatureCode: markdownCode(`client.${resource.propertyName}.${signatureText(operation)}`),
    params: [...operation.pathParams, ...operation.params].map((param) => ({
      nameCode: markdownTableCode(param.name === param.wireName ? param.name : `${param.name} (${param.wireName})`),
      inCell: param.in,
      typeCode: markdownTableCode(param.shown.text),
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
        classCode: errorsPageLink(errorClassName(error.className, error.status)),
        bodyCode: markdownTableCode(error.bodyShown?.text ?? error.bodyType),
        // Said once in docs/errors.md; here only what this operation says differently.
        descriptionCell:
          error.description === undefined || error.description === meanings.get(error.status)
            ? ''
            : markdownTableCell(error.description),
      })),
      ...(operation.defaultErrors ?? []).map(({ range, description }) => ({
        status: range,
        classCode: errorsPageLink(UNEXPECTED_STATUS_ERROR),
        bodyCode: markdownTableCode(catchAllBodyType ?? UNKNOWN_TYPE),
        descriptionCell: `${capitalize(catchAllCoverage(range, catchAllBodyType !== undefined))}${description === undefined ? '.' : `: ${markdownTableCell(description)}`}`,
      })),
      {
        status: 'none',
        classCode: errorsPageLink(COMMON_ERROR),
        bodyCode: '',
        // With `default` documented, no non-2xx status is left undocumented.
        descriptionCell: hasCatchAll(operation, 'default')
          ? 'Connection failure, timeout, abort or an unreadable body.'
          : 'Connection failure, timeout, abort, an undocumented status or an unreadable body.',
      },
    ],
    exampleBlock: operationExampleBlock(context, entry),
  };
}

/** The class, linked to the errors page that says what it means. */
function errorsPageLink(className: string): string {
  return `[${markdownTableCode(className)}](errors.md)`;
}

function hasCatchAll(operation: Operation, range: DefaultErrorCase['range']): boolean {
  return operation.defaultErrors?.some((error) => error.range === range) ?? false;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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

/** Status -> the description most operations give it (the first one met among equals). */
type StatusMeanings = ReadonlyMap<number, string>;

function statusMeanings(operations: readonly Operation[]): StatusMeanings {
  const counts = new Map<number, Map<string, number>>();
  for (const { status, description } of operations.flatMap((operation) => operation.errors)) {
    if (description === undefined) continue;
    const byText = counts.get(status) ?? new Map<string, number>();
    byText.set(description, (byText.get(description) ?? 0) + 1);
    counts.set(status, byText);
  }
  return new Map(
    [...counts].map(([status, byText]) => [
      status,
      [...byText].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0],
    ]),
  );
}

/** One row per status any operation documents, ascending. */
function documentedErrorClasses(operations: readonly Operation[], meanings: StatusMeanings): StatusRow[] {
  const byStatus = new Map<number, { className: string; count: number }>();
  for (const error of operations.flatMap((operation) => operation.errors)) {
    const row = byStatus.get(error.status) ?? { className: error.className, count: 0 };
    byStatus.set(error.status, { ...row, count: row.count + 1 });
  }
  return [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, { className, count }]) => {
      const meaning = meanings.get(status) ?? '';
      return {
        status: String(status),
        classCode: markdownTableCode(errorClassName(className, status)),
        meaningCell: markdownTableCell(meaning),
        shortMeaningCell: markdownTableCell(firstSentence(meaning)),
        adviceCell: markdownTableCell(statusAdvice(status)),
        countCell: operationCount(count),
      };
    });
}

/** Text up to the end of its first sentence (a period before a space and a capital, or the end). */
function firstSentence(text: string): string {
  const end = /\.(?=\s+[A-Z])/.exec(text);
  return end === null ? text : text.slice(0, end.index + 1);
}
