import type { OptionalKind, SourceFileStructure } from 'ts-morph';

/** One generated file, as the write stage receives it. */
export interface GeneratedFile {
  /** Posix path relative to the generated package's directory, e.g. `src/resources/customers.ts`. */
  path: string;
  contents: string;
}

/** A TypeScript file still as a ts-morph structure; `emitFiles` prints all of them in one Project. */
export interface TypeScriptFile {
  path: string;
  structure: OptionalKind<SourceFileStructure>;
}
