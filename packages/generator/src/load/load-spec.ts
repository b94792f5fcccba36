import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Source } from '@redocly/openapi-core';
import type { Diagnostic } from '../model/types.js';
import { asNode, asString, type SpecNode } from '../model/spec-node.js';
import { convertSwagger2 } from './convert-swagger2.js';
import { errorAt, warningAt } from './diagnostics.js';
import { displayUrl, fetchText, FetchSpecError, isUrl, type RemoteSpecOptions } from './fetch-spec.js';
import { sourceLocator, type Locate } from './locate.js';
import { parseSpecText } from './parse-spec.js';
import { changedSources } from './changed-sources.js';
import { structureProblems } from './structure-problems.js';
import { validateAndBundle } from './validate.js';

/** A loaded spec: the bundled OpenAPI 3.x document and every problem found on the way. */
export interface LoadResult {
  /** Undefined when the file could not be read, parsed or converted; otherwise present even with errors. */
  document: SpecNode | undefined;
  /** The spec as diagnostics name it: the path as given, or the URL without credentials. */
  sourceFile: string;
  diagnostics: Diagnostic[];
  /** Positions of pointers in the spec file, for later diagnostics; finds nothing in converted documents. */
  locate: Locate;
  /** Absolute paths (and URLs) of the spec and of every file its `$ref`s led to that could be read. */
  sources: string[];
}

/** How a spec is loaded. */
export interface LoadOptions {
  /** How a spec at an http(s) URL, and `$ref`s to URLs, are requested. */
  remote?: RemoteSpecOptions;
}

const locateNothing: Locate = () => undefined;

/** The root spec's text and where relative `$ref`s in it resolve from. */
interface RootText {
  text: string;
  /** The absolute path, or the URL the text came from after redirects. */
  absoluteRef: string;
  mimeType?: string | null;
}

async function readRoot(specPath: string, remote: RemoteSpecOptions): Promise<RootText | string> {
  if (isUrl(specPath)) {
    try {
      const origin = new URL(specPath).origin;
      const { body, mimeType, url } = await fetchText(specPath, remote, origin);
      return { text: body, absoluteRef: url, mimeType };
    } catch (error) {
      if (error instanceof FetchSpecError) return `cannot read the spec: ${error.message}`;
      throw error;
    }
  }
  try {
    return { text: await readFile(specPath, 'utf8'), absoluteRef: path.resolve(specPath) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    return `cannot read the spec: ${reason}`;
  }
}

/**
 * Loads an OpenAPI 3.0/3.1 (or Swagger 2.0, converted) spec from a YAML or JSON file or an http(s) URL:
 * parses it, validates it with Redocly and bundles the files its `$ref`s point to into one document.
 * @see https://spec.openapis.org/oas/v3.1.0#openapi-object
 */
export async function loadSpec(specPath: string, options: LoadOptions = {}): Promise<LoadResult> {
  const remote = options.remote ?? {};
  const displayFile = isUrl(specPath) ? displayUrl(specPath) : specPath;
  const rootRef = isUrl(specPath) ? specPath : path.resolve(specPath);
  const failed = (diagnostic: Diagnostic, locate = locateNothing): LoadResult => ({
    document: undefined,
    sourceFile: displayFile,
    diagnostics: [diagnostic],
    locate,
    sources: [rootRef],
  });
  const root = await readRoot(specPath, remote);
  if (typeof root === 'string') return failed(errorAt({ file: displayFile, pointer: '#' }, root));
  const { text } = root;
  const parsed = parseSpecText(text, displayFile);
  if (!parsed.ok) return failed(parsed.diagnostic);

  const source = new Source(root.absoluteRef, text, root.mimeType ?? undefined);
  const locate = sourceLocator(source, parsed);
  const at = (pointer: string) => ({ file: displayFile, pointer, ...locate(pointer) });
  const rootNode = asNode(parsed.parsed);
  if (rootNode === undefined) return failed(errorAt(at('#'), 'not an OpenAPI document: expected an object'), locate);

  const diagnostics: Diagnostic[] = [];
  let document = rootNode;
  let locateInDocument: Locate | undefined = locate;
  const swagger = rootNode['swagger'];
  const openapi = asString(rootNode['openapi']);
  if (swagger !== undefined) {
    // YAML reads an unquoted `swagger: 2.0` as the number 2.
    if (swagger !== '2.0' && swagger !== 2) {
      return failed(
        errorAt(
          at('#/swagger'),
          `unsupported Swagger version ${typeof swagger === 'string' || typeof swagger === 'number' ? swagger : JSON.stringify(swagger)} (only 2.0 can be converted)`,
        ),
        locate,
      );
    }
    const converted = await convertSwagger2(rootNode);
    if (!converted.ok)
      return failed(errorAt(at('#/swagger'), `cannot convert Swagger 2.0: ${converted.message}`), locate);
    diagnostics.push(
      warningAt(
        at('#/swagger'),
        'Swagger 2.0 document converted to OpenAPI 3.0 with swagger2openapi; pointers in later messages refer to the converted document',
      ),
    );
    document = converted.document;
    locateInDocument = undefined;
  } else if (rootNode['openapi'] !== undefined && openapi === undefined) {
    return failed(
      errorAt(
        at('#/openapi'),
        `the OpenAPI version must be a string such as "3.1.0", not ${JSON.stringify(rootNode['openapi'])} (quote it in YAML)`,
      ),
      locate,
    );
  } else if (openapi === undefined) {
    return failed(errorAt(at('#'), 'not an OpenAPI document: no `openapi` (or `swagger`) version field'), locate);
  } else if (!/^3\.[01](\.\d+)?$/.test(openapi)) {
    return failed(
      errorAt(at('#/openapi'), `unsupported OpenAPI version ${openapi} (supported: 3.0, 3.1 and Swagger 2.0)`),
      locate,
    );
  }

  const shapeProblems = structureProblems(document).map(({ pointer, message }) =>
    errorAt(locateInDocument === undefined ? { file: displayFile, pointer } : at(pointer), message),
  );
  if (shapeProblems.length > 0)
    return {
      document: undefined,
      sourceFile: displayFile,
      diagnostics: [...diagnostics, ...shapeProblems],
      locate,
      sources: [rootRef],
    };

  const validated = await validateAndBundle({
    parsed: document,
    source,
    displayFile,
    locateInRoot: locateInDocument,
    remote: { ...remote, origin: isUrl(specPath) ? new URL(specPath).origin : undefined },
  });
  diagnostics.push(...validated.diagnostics);
  const read = [{ absoluteRef: root.absoluteRef, body: text }, ...validated.externalSources];
  for (const changed of await changedSources(read)) {
    diagnostics.push(
      errorAt(
        { file: changed === root.absoluteRef ? displayFile : changed, pointer: '#' },
        'changed while it was being read; nothing was generated from it (run again once the edit is saved)',
      ),
    );
  }
  return {
    document: validated.document,
    sourceFile: displayFile,
    diagnostics,
    locate: locateInDocument ?? locateNothing,
    sources: read.map((file) => file.absoluteRef),
  };
}
