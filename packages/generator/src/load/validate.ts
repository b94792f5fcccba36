import path from 'node:path';
import { bundle, createConfig, lintDocument, type NormalizedProblem, type Source } from '@redocly/openapi-core';
import { ContainedResolver } from './contained-resolver.js';
import type { Diagnostic } from '../model/types.js';
import { asNode, asString, type SpecNode } from '../model/spec-node.js';
import { displayUrl, fetchText, isUrl, type RemoteSpecOptions } from './fetch-spec.js';
import { errorAt, warningAt } from './diagnostics.js';
import { sourceLocator, type Locate } from './locate.js';
import { valueAtPointer } from './json-pointer.js';

/** The root document to validate and bundle. */
export interface ValidateInput {
  parsed: SpecNode;
  /** The root file; relative `$ref`s resolve against its `absoluteRef`. */
  source: Source;
  /** The root file as diagnostics name it (the path the user gave). */
  displayFile: string;
  /** Positions in the root file; undefined when `parsed` was converted (its pointers are not the file's). */
  locateInRoot: Locate | undefined;
  /** How `$ref`s to http(s) URLs are fetched; `origin` is the one allowed to see the headers. */
  remote: RemoteSpecOptions & { origin: string | undefined };
}

/** The bundled document and the validation problems found on the way. */
export interface ValidateResult {
  /** The document with every external `$ref` bundled in (local `$ref`s kept). */
  document: SpecNode;
  diagnostics: Diagnostic[];
  /** The other files (and URLs) the `$ref`s led to, as read. */
  externalSources: Source[];
}

/**
 * Only rules about the document being valid OpenAPI (and generatable: duplicate operationIds break the
 * `operations` types), none about style.
 */
const RULES = {
  struct: 'error',
  'no-unresolved-refs': 'error',
  'operation-operationId-unique': 'error',
} as const;

/**
 * Validates the document against the OpenAPI version it declares (Redocly's `struct` rule, unresolved
 * `$ref`s, duplicate operationIds), then bundles external files into it. Bundling is skipped when no
 * external file was referenced, which saves a full walk of large single-file specs.
 */
export async function validateAndBundle(input: ValidateInput): Promise<ValidateResult> {
  const config = await createConfig({ rules: RULES }, { extends: [] });
  const { origin, ...remote } = input.remote;
  // Redocly's fetch of a `$ref`ed URL, replaced to get the timeout, redirects and messages of `fetchText`.
  const customFetch = async (url: string) => {
    const fetched = await fetchText(url, remote, origin ?? '');
    return new Response(fetched.body, { headers: { 'content-type': fetched.mimeType ?? '' } });
  };
  const resolver = new ContainedResolver(input.source.absoluteRef, { http: { headers: [], customFetch } });
  const document = { source: input.source, parsed: input.parsed };
  try {
    const problems = await lintDocument({ document, config: config.styleguide, externalRefResolver: resolver });
    let bundled = input.parsed;
    if (resolver.cache.size > 0) {
      const result = await bundle({ doc: document, config, dereference: false, externalRefResolver: resolver });
      bundled = result.bundle.parsed as SpecNode;
      problems.push(...result.problems);
    }
    return {
      document: bundled,
      diagnostics: toDiagnostics(problems, input),
      externalSources: await resolved(resolver),
    };
  } catch (error) {
    const message = `cannot validate the spec: ${error instanceof Error ? error.message : String(error)}`;
    return {
      document: input.parsed,
      diagnostics: [errorAt({ file: input.displayFile, pointer: '#', line: 1, column: 1 }, message)],
      externalSources: [],
    };
  }
}

/** The sources the resolver read successfully. */
async function resolved(resolver: ContainedResolver): Promise<Source[]> {
  const documents = await Promise.allSettled(resolver.cache.values());
  return documents.flatMap((document) =>
    document.status === 'fulfilled' && !(document.value instanceof Error) ? [document.value.source] : [],
  );
}

/** Turns Redocly problems into diagnostics, once each (lint and bundle both report an unresolved `$ref`). */
function toDiagnostics(problems: readonly NormalizedProblem[], input: ValidateInput): Diagnostic[] {
  const locate = fileLocator(input);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const problem of problems) {
    if (problem.ignored === true) continue;
    const diagnostic = toDiagnostic(problem, input, locate);
    const key = `${diagnostic.file}|${diagnostic.pointer}|${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

type LocateInSource = (source: Source, pointer: string, onKey: boolean) => ReturnType<Locate>;

/** Locates pointers in any source file, parsing each file's position tree at most once. */
function fileLocator(input: ValidateInput): LocateInSource {
  const locators = new Map<Source, Locate | undefined>([[input.source, input.locateInRoot]]);
  return (source, pointer, onKey) => {
    if (!locators.has(source)) locators.set(source, sourceLocator(source));
    return locators.get(source)?.(pointer, onKey);
  };
}

function toDiagnostic(problem: NormalizedProblem, input: ValidateInput, locate: LocateInSource): Diagnostic {
  const location = problem.location[0];
  if (location === undefined) return errorAt({ file: input.displayFile, pointer: '#' }, problem.message);
  const file = location.source === input.source ? input.displayFile : displayPath(location.source.absoluteRef);
  const pointer = location.pointer ?? '#';
  const position = locate(location.source, pointer, location.reportOnKey === true);
  const where = { file, pointer, line: position?.line, column: position?.column };
  const message =
    location.source === input.source ? withRefValue(problem.message, input.parsed, pointer) : problem.message;
  if (problem.severity === 'warn') return warningAt(where, message);
  // Schema keywords Redocly calls invalid (e.g. `nullable` without `type`) only loosen the generated
  // types; openapi-typescript reads them fine, so they must not block generation of real-world specs.
  if (problem.ruleId === 'struct' && isInsideSchema(pointer)) {
    return warningAt(where, `${message} (tolerated in a schema; its generated type may be looser)`);
  }
  return errorAt(where, message);
}

const UNRESOLVED_REF = "Can't resolve $ref";

/** Redocly's unresolved-`$ref` message does not say which `$ref`: name it. */
function withRefValue(message: string, root: SpecNode, pointer: string): string {
  if (!message.startsWith(UNRESOLVED_REF)) return message;
  const ref = asString(asNode(valueAtPointer(root, pointer))?.['$ref']);
  return ref === undefined ? message : `${UNRESOLVED_REF} '${ref}'${message.slice(UNRESOLVED_REF.length)}`;
}

/** True for pointers into a Schema Object: under components/schemas or below a `schema` key. */
function isInsideSchema(pointer: string): boolean {
  return pointer.startsWith('#/components/schemas/') || pointer.includes('/schema/') || pointer.endsWith('/schema');
}

function displayPath(absolutePath: string): string {
  if (isUrl(absolutePath)) return displayUrl(absolutePath);
  const relative = path.relative(process.cwd(), absolutePath);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
}
