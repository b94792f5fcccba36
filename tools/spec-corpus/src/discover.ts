/**
 * Finds the specs of the corpus at run time: every JSON/YAML file under the folder whose top level has
 * `openapi` or `swagger` AND `paths` is an entry document. Referenced fragments (a bare JSON Schema, a
 * partial document without `paths`) are listed as skipped with the reason, never silently dropped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The corpus in this project (`tools/spec-corpus/specs`), or `SPEC_CORPUS_DIR`. */
export const CORPUS_DIR = path.resolve(
  process.env['SPEC_CORPUS_DIR'] ?? fileURLToPath(new URL('../specs', import.meta.url)),
);

export interface CorpusSpec {
  /** Absolute path of the entry document. */
  file: string;
  /** Posix path relative to the corpus folder, e.g. `multi-file-external-ref/has_external_ref.json`. */
  relative: string;
  /** Safe directory and npm package name derived from `relative`, e.g. `multi-file-external-ref--has-external-ref`. */
  name: string;
  bytes: number;
  /** The parsed document, exactly as written (no `$ref` resolved). */
  document: Record<string, unknown>;
}

export interface SkippedFile {
  relative: string;
  reason: string;
}

const SPEC_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/** Parses a JSON or YAML spec file. */
export function parseSpecFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: -1 });
}

/** Every entry document under `dir` (sorted by size, largest first: they take longest), and what was skipped. */
export function discoverSpecs(dir: string = CORPUS_DIR): { specs: CorpusSpec[]; skipped: SkippedFile[] } {
  const specs: CorpusSpec[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of listFiles(dir)) {
    const relative = path.relative(dir, file).split(path.sep).join('/');
    let document: unknown;
    try {
      document = parseSpecFile(file);
    } catch (error) {
      skipped.push({ relative, reason: `does not parse: ${(error as Error).message}` });
      continue;
    }
    const reason = notAnEntryDocument(document);
    if (reason !== undefined) {
      skipped.push({ relative, reason });
      continue;
    }
    specs.push({
      file,
      relative,
      name: packageNameFor(relative),
      bytes: statSync(file).size,
      document: document as Record<string, unknown>,
    });
  }
  specs.sort((a, b) => b.bytes - a.bytes || (a.relative < b.relative ? -1 : 1));
  return { specs, skipped };
}

/** Why a parsed file is not an entry document, if it is not. */
export function notAnEntryDocument(document: unknown): string | undefined {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return 'not a JSON/YAML object';
  const top = document as Record<string, unknown>;
  if (!('openapi' in top) && !('swagger' in top))
    return 'not an entry document: no top-level `openapi` or `swagger` (a referenced fragment)';
  if (!('paths' in top)) return 'not an entry document: no top-level `paths` (a referenced fragment)';
  return undefined;
}

/** `multi-file-external-ref/has_external_ref.json` -> `multi-file-external-ref--has-external-ref`. */
export function packageNameFor(relative: string): string {
  const withoutExtension = relative.replace(/\.(json|ya?ml)$/i, '');
  return withoutExtension
    .toLowerCase()
    .replace(/\//g, '--')
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '');
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (entry.isFile() && SPEC_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
  }
  return files;
}
