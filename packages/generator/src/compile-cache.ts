import { createHash } from 'node:crypto';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/** The parts of a CommonJS module and of `Module` that compiling one uses; Node's types leave them out. */
interface CommonJsModule {
  exports: unknown;
  require(id: string): unknown;
  _compile: (this: CommonJsModule, content: string, filename: string, ...rest: unknown[]) => unknown;
}

interface ModuleInternals {
  prototype: CommonJsModule;
  _resolveFilename(request: string, parent: CommonJsModule, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: CommonJsModule): string[] | null;
  _cache: NodeJS.Require['cache'];
  _extensions: NodeJS.Require['extensions'];
}

/** The parameters of the function Node wraps a CommonJS module's source in. */
const MODULE_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname'];

/**
 * Keeps V8's compiled code of the CommonJS modules the CLI requires (TypeScript through ts-morph, Redocly,
 * handlebars, ...: 15 MB of source) between runs. Node 20 parses and compiles them again on every run;
 * `module.enableCompileCache()` only came with Node 22.1. A module is compiled as Node compiles it (one
 * function of its source), and its code cache is saved when it had none.
 *
 * Only runs after the first one gain: the first run after an install, or after a change of Node or of a
 * dependency, compiles as before and writes the cache. Lazily compiled functions are not cached (figures in
 * BENCHMARKS.md, "Measurements behind design choices"; why this file exists: the generator's README).
 *
 * Entries are named by a hash of the module's path and source, so a changed file never gets stale code
 * (V8 itself checks only the source's length). A module that may run `import()` is left to Node, and marked
 * by an empty entry (see `mayImportDynamically`). The cache is a directory of the current user's in the temp
 * directory; when it cannot be made, is not the user's own, or cannot be written, modules compile as usual.
 * A run that writes an entry also removes the entries no run has read for 30 days: the cache only grows in
 * such runs, and a run that only reads it does nothing more. `SDKGEN_NO_COMPILE_CACHE=1` turns it off.
 */
export function useCompileCache(): void {
  if (process.env['SDKGEN_NO_COMPILE_CACHE'] === '1') return;
  const directory = cacheDirectory();
  if (directory === undefined) return;
  const internals = Module as unknown as ModuleInternals;
  const compile = internals.prototype._compile;
  internals.prototype._compile = function compileWithCache(
    this: CommonJsModule,
    content: string,
    filename: string,
    ...rest: unknown[]
  ) {
    const file = path.join(
      directory,
      createHash('sha256').update(filename).update('\0').update(content).digest('base64url'),
    );
    const cachedData = readIfPresent(file);
    if (cachedData?.length === 0) return compile.call(this, content, filename, ...rest);
    if (cachedData === undefined && mayImportDynamically(content)) {
      writeQuietly(file, Buffer.alloc(0));
      return compile.call(this, content, filename, ...rest);
    }
    let wrapper: ReturnType<typeof vm.compileFunction>;
    try {
      wrapper = vm.compileFunction(content, MODULE_PARAMETERS, {
        filename,
        cachedData,
        produceCachedData: cachedData === undefined,
      });
    } catch {
      // E.g. ES module syntax in a `.js` file, which Node then loads as an ES module: left to Node.
      return compile.call(this, content, filename, ...rest);
    }
    if (wrapper.cachedDataProduced === true && wrapper.cachedData !== undefined) writeQuietly(file, wrapper.cachedData);
    else if (wrapper.cachedDataRejected === true) unlinkQuietly(file);
    const require = Object.assign((id: string) => this.require(id), {
      resolve: Object.assign(
        (request: string, options?: { paths?: string[] }) => internals._resolveFilename(request, this, false, options),
        {
          paths: (request: string) => internals._resolveLookupPaths(request, this),
        },
      ),
      cache: internals._cache,
      extensions: internals._extensions,
    });
    return wrapper.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
}

/**
 * Whether the module may run `import()`, which fails (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING) in code made from
 * a code cache: V8 11.3 (Node 20) keeps the script's host-defined options in the cache, and the symbol there by
 * which Node finds the loader for the script's `import()` names nothing in the next process. It fails too in
 * code the module compiles with `eval` or `Function`, which V8 gives the calling script's options (Redocly
 * loads plugins with `new Function("modulePath", "return import(modulePath)")`). TypeScript has `import(` in
 * strings only, so the text alone is not enough: V8 parses the source once each `import`, `eval` and
 * `Function(` is the reserved word `enum`, an error in code but not in strings or comments.
 */
function mayImportDynamically(content: string): boolean {
  if (!/\bimport\s*[(/]|\beval\b|\bFunction\s*\(/.test(content)) return false;
  try {
    vm.compileFunction(content.replace(/\b(?:import|eval)\b|\bFunction(?=\s*\()/g, 'enum'), MODULE_PARAMETERS);
    return false;
  } catch {
    return true;
  }
}

/** `<temp>/sdkgen-compile-cache-<uid>/<V8 version>-<arch>-2`, or undefined when it is not safe to use. */
function cacheDirectory(): string | undefined {
  const uid = process.getuid?.();
  const root = path.join(tmpdir(), uid === undefined ? 'sdkgen-compile-cache' : `sdkgen-compile-cache-${uid}`);
  try {
    mkdirSync(root, { recursive: true, mode: 0o700 });
    const stats = lstatSync(root);
    if (!stats.isDirectory()) return undefined;
    if (uid !== undefined) {
      // Code read from a directory that someone else can write to would run as this user.
      if (stats.uid !== uid) return undefined;
      if ((stats.mode & 0o077) !== 0) chmodSync(root, 0o700);
    }
    // `-2`: entries written before `mayImportDynamically` existed may hold modules that run `import()`.
    const directory = path.join(root, `${process.versions.v8}-${process.arch}-2`);
    mkdirSync(directory, { recursive: true });
    return directory;
  } catch {
    return undefined;
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Rewritten by the next run.
  }
}

let staleEntriesRemoved = false;

/** Writes through a temporary file, so that a run started meanwhile never reads half an entry. */
function writeQuietly(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // The cache is only a speed-up.
  }
  if (!staleEntriesRemoved) {
    staleEntriesRemoved = true;
    removeStaleEntries(path.dirname(path.dirname(file)));
  }
}

const STALE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Removes the entries, of any V8 version, that were neither written nor read in the last 30 days, and the
 * directories that leaves empty. A read updates a file's access time when that is a day old (`relatime`,
 * Linux's default); where reads do not (`noatime`), an entry in use is removed too, and the next run writes
 * it again.
 */
function removeStaleEntries(root: string): void {
  const oldest = Date.now() - STALE_AFTER_MS;
  try {
    for (const version of readdirSync(root)) {
      const directory = path.join(root, version);
      for (const name of readdirSync(directory)) {
        const stats = statSync(path.join(directory, name), { throwIfNoEntry: false });
        if (stats !== undefined && Math.max(stats.atimeMs, stats.mtimeMs) < oldest)
          rmSync(path.join(directory, name), { force: true });
      }
      if (readdirSync(directory).length === 0) rmdirSync(directory);
    }
  } catch {
    // E.g. another run removing the same directory: the next run that writes an entry goes on.
  }
}
