import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles, packageImportCycles, relativeImports } from '../src/import-cycles.js';

describe('relativeImports', () => {
  it('resolves relative imports and re-exports to .ts modules, ignoring packages', () => {
    const text = [
      "import { a } from '../funcs/pets.js';",
      "import type { B } from './types.js';",
      "export * from '../models/index.js';",
      "import { APIResource } from '@revio-sdk/runtime';",
    ].join('\n');
    expect(relativeImports('resources/pets.ts', text)).toEqual([
      'funcs/pets.ts',
      'resources/types.ts',
      'models/index.ts',
    ]);
  });
});

describe('importCycles', () => {
  it('finds a two-module cycle and a longer one, once each', () => {
    const graph = new Map([
      ['funcs/pets.ts', ['resources/pets.ts']],
      ['resources/pets.ts', ['funcs/pets.ts']],
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['index.ts', ['a.ts', 'resources/pets.ts']],
    ]);
    expect(importCycles(graph)).toEqual([
      ['a.ts', 'b.ts', 'c.ts'],
      ['funcs/pets.ts', 'resources/pets.ts'],
    ]);
  });

  it('finds none in a graph that only imports one way', () => {
    const graph = new Map([
      ['resources/pets.ts', ['funcs/pets.ts', 'models/operations/pets.ts']],
      ['funcs/pets.ts', ['models/operations/pets.ts']],
      ['models/operations/pets.ts', []],
    ]);
    expect(importCycles(graph)).toEqual([]);
  });
});

describe('packageImportCycles', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-cycles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the modules under src/ of a package on disk', () => {
    mkdirSync(path.join(dir, 'src', 'funcs'), { recursive: true });
    mkdirSync(path.join(dir, 'src', 'resources'), { recursive: true });
    writeFileSync(path.join(dir, 'src', 'funcs', 'pets.ts'), "import type { X } from '../resources/pets.js';\n");
    writeFileSync(path.join(dir, 'src', 'resources', 'pets.ts'), "import { f } from '../funcs/pets.js';\n");
    expect(packageImportCycles(dir)).toEqual([['funcs/pets.ts', 'resources/pets.ts']]);
  });
});
