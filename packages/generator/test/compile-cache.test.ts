import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './fixtures/temp-dir.js';

/**
 * Programs of CommonJS modules, run as `node main.cjs`, that print `function` once `import('node:path')` worked;
 * and the cache entries two runs leave: empty for a module left to Node, full for one compiled from the cache.
 */
const PROGRAMS: { name: string; files: Record<string, string>; entries: { empty: number; full: number } }[] = [
  {
    name: 'import() in the module',
    files: { 'main.cjs': "import('node:path').then((p) => console.log(typeof p.join));\n" },
    entries: { empty: 1, full: 0 },
  },
  {
    name: 'import() in code the module compiles with Function, as Redocly loads plugins',
    files: {
      'main.cjs':
        "new Function('specifier', 'return import(specifier)')('node:path').then((p) => console.log(typeof p.join));\n",
    },
    entries: { empty: 1, full: 0 },
  },
  {
    name: 'import() in code another module compiles with Function',
    files: {
      'main.cjs':
        "require('./compile.cjs')(['return imp', 'ort(\"node:path\")'].join(''))().then((p) => console.log(typeof p.join));\n",
      'compile.cjs': 'module.exports = (body) => new Function(body);\n',
    },
    entries: { empty: 1, full: 1 },
  },
  {
    name: 'import( in strings and comments only, as in TypeScript',
    files: {
      'main.cjs':
        "// or `import(\"\")`\nconst text = ['import(', `typeof import('${1}')`];\nconsole.log(typeof text.join);\n",
    },
    entries: { empty: 0, full: 1 },
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;

let preload: string;

beforeAll(async () => {
  // The cache as the CLI installs it, before the program's modules load.
  const source = await readFile(path.resolve(import.meta.dirname, '../src/compile-cache.ts'), 'utf8');
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  const directory = await tempDir({
    'compile-cache.cjs': ts.transpileModule(source, { compilerOptions }).outputText,
    'preload.cjs': "require('./compile-cache.cjs').useCompileCache();\n",
  });
  preload = path.join(directory, 'preload.cjs');
});

/** Runs `node main.cjs` in `directory` with the compile cache in `<temp>/sdkgen-compile-cache-<uid>`: stdout. */
async function run(directory: string, temp: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: temp };
  delete env['SDKGEN_NO_COMPILE_CACHE'];
  const { stdout } = await promisify(execFile)(process.execPath, ['--require', preload, 'main.cjs'], {
    cwd: directory,
    env,
  });
  return stdout;
}

/** The cache's root directory in `temp`. */
async function cacheRoot(temp: string): Promise<string> {
  const [root] = await readdir(temp);
  return path.join(temp, root ?? 'missing');
}

describe.concurrent('compile cache', () => {
  it.each(PROGRAMS)('keeps import() working in runs that use the cache: $name', async ({ files, entries }) => {
    const [directory, temp] = await Promise.all([tempDir(files), tempDir()]);
    expect(await run(directory, temp)).toBe('function\n');
    expect(await run(directory, temp)).toBe('function\n');
    const root = await cacheRoot(temp);
    const [version = ''] = await readdir(root);
    const names = await readdir(path.join(root, version));
    const sizes = await Promise.all(names.map(async (name) => (await stat(path.join(root, version, name))).size));
    expect({ empty: sizes.filter((size) => size === 0).length, full: sizes.filter((size) => size > 0).length }).toEqual(
      entries,
    );
  });

  it('removes the entries unread for 30 days, of any V8 version, in a run that writes one', async () => {
    const program = PROGRAMS.at(-1)?.files ?? {};
    const [directory, temp] = await Promise.all([tempDir(program), tempDir()]);
    await run(directory, temp);
    const root = await cacheRoot(temp);
    const [version = ''] = await readdir(root);
    const monthAgo = new Date(Date.now() - 31 * DAY_MS);
    const planted: [file: string, accessed: Date][] = [
      [path.join(root, version, 'stale'), monthAgo],
      [path.join(root, version, 'read-lately'), new Date(Date.now() - DAY_MS)],
      [path.join(root, '9.4.146.26-node.26-x64', 'stale'), monthAgo],
    ];
    for (const [file, accessed] of planted) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, 'code cache');
      await utimes(file, accessed, monthAgo);
    }

    await run(directory, temp); // reads the cache only
    expect(await readdir(root)).toHaveLength(2);
    expect(await readdir(path.join(root, version))).toHaveLength(3);

    await writeFile(path.join(directory, 'main.cjs'), `${program['main.cjs'] ?? ''}// changed\n`);
    await run(directory, temp);
    expect(await readdir(root)).toEqual([version]);
    const names = await readdir(path.join(root, version));
    expect(names).toHaveLength(3);
    expect(names).toContain('read-lately');
    expect(names).not.toContain('stale');
  });
});
