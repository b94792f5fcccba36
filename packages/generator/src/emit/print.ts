import { printStructure, StructureKind, type OptionalKind, type SourceFileStructure } from 'ts-morph';

/**
 * A file's structure as TypeScript text, indented by 2 spaces, with single quotes. `printStructure` only
 * writes the text; creating the file in a ts-morph Project would also parse it, which costs as much again.
 */
export function printSourceFile(structure: OptionalKind<SourceFileStructure>): string {
  return printStructure(
    { ...structure, kind: StructureKind.SourceFile },
    { indentNumberOfSpaces: 2, useSingleQuote: true },
  );
}
