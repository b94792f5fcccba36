import type { OptionalKind, SourceFileStructure } from 'ts-morph';
import type { HeaderInfo } from '../../src/emit/header.js';
import { printTypeScript } from '../../src/emit/index.js';

export const HEADER: HeaderInfo = { generatorVersion: '9.9.9', specPath: 'spec.yaml' };

/** Prints statements (or a whole file structure) the way `emitFiles` does. */
export function print(
  structure: OptionalKind<SourceFileStructure> | NonNullable<SourceFileStructure['statements']>,
): string {
  const file = Array.isArray(structure) || typeof structure !== 'object' ? { statements: structure } : structure;
  return printTypeScript([{ path: 'test.ts', structure: file }])[0]!.contents;
}
