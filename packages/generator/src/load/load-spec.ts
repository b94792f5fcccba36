import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Source } from '@redocly/openapi-core';
import type { Diagnostic } from '../model/types.js';
import { asNode, asString, type SpecNode } from '../model/spec-node.js';
import { convertSwagger2 } from './convert-swagger2.js';
import { errorAt, warningAt } from './diagnostics.js';
import { sourceLocator, type Locate } from './locate.js';
import { parseSpecText } from './parse-spec.js';
import { structureProblems } from './structure-problems.js';
import { validateAndBundle } from './validate.js';

/** A loaded spec: the bundled OpenAPI 3.x document and every problem found on the way. */
export interface LoadResult {
  /** Undefined when the file could not be read, parsed or converted; otherwise present even with errors. */
  document: SpecNode | undefined;
  /** The spec path as given. */
  sourceFile: string;
  diagnostics: Diagnostic[];
  /** Positions of pointers in the spec file, for later diagnostics; finds nothing in converted documents. */
  locate: Locate;
}

const locateNothing: Locate = () => undefined;

/**
 * Loads an OpenAPI 3.0/3.1 (or Swagger 2.0, converted) spec from a YAML or JSON file: parses it, validates
 * it with Redocly and bundles the files its `$ref`s point to into one document.
 * @see https://spec.openapis.org/oas/v3.1.0#openapi-object
 */
export async function loadSpec(specPath: string): Promise<LoadResult> {
  const failed = (diagnostic: Diagnostic, locate = locateNothing): LoadResult => ({
    document: undefined,
    sourceFile: specPath,
    diagnostics: [diagnostic],
    locate,
  });
  let text: string;
  try {
    text = await readFile(specPath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    return failed(errorAt({ file: specPath, pointer: '#' }, `cannot read the spec: ${reason}`));
  }
  const parsed = parseSpecText(text, specPath);
  if (!parsed.ok) return failed(parsed.diagnostic);

  const source = new Source(path.resolve(specPath), text);
  const locate = sourceLocator(source, parsed);
  const at = (pointer: string) => ({ file: specPath, pointer, ...locate(pointer) });
  const root = asNode(parsed.parsed);
  if (root === undefined) return failed(errorAt(at('#'), 'not an OpenAPI document: expected an object'), locate);

  const diagnostics: Diagnostic[] = [];
  let document = root;
  let locateInDocument: Locate | undefined = locate;
  const swagger = root['swagger'];
  const openapi = asString(root['openapi']);
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
    const converted = await convertSwagger2(root);
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
  } else if (root['openapi'] !== undefined && openapi === undefined) {
    return failed(
      errorAt(
        at('#/openapi'),
        `the OpenAPI version must be a string such as "3.1.0", not ${JSON.stringify(root['openapi'])} (quote it in YAML)`,
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
    errorAt(locateInDocument === undefined ? { file: specPath, pointer } : at(pointer), message),
  );
  if (shapeProblems.length > 0)
    return { document: undefined, sourceFile: specPath, diagnostics: [...diagnostics, ...shapeProblems], locate };

  const validated = await validateAndBundle({
    parsed: document,
    source,
    displayFile: specPath,
    locateInRoot: locateInDocument,
  });
  diagnostics.push(...validated.diagnostics);
  return { document: validated.document, sourceFile: specPath, diagnostics, locate: locateInDocument ?? locateNothing };
}
