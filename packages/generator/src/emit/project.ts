import { IndentationText, Project, QuoteKind } from 'ts-morph';

/**
 * The in-memory ts-morph Project every TypeScript file is printed in: 2-space indent, single quotes.
 * One per `emitFiles` call; nothing touches the disk.
 */
export function createEmitProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
}
