import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/** The parts of a CommonJS module and of `Module` that compiling one uses; Node's types leave them out. */
interface CommonJsModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string, ...rest: unknown[]): unknown;
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
 * Only runs after the first one gain (0.35 s of 2.26 s of CPU time on the Rev.io spec, measured on a busy
 * machine): the first run after an install, or after a change of Node or of a dependency, compiles as
 * before and writes the cache. That is what a user regenerating a client sees; a one-off run does not get
 * faster. Functions V8 compiles lazily (most of them) are not in the cache: a cache made at exit would
 * hold them, but only `vm.Script` can make one, and it cost 25 MB more memory than Node's own loading.
 *
 * Entries are named by a hash of the module's path and source, so a changed file never gets stale code
 * (V8 itself checks only the source's length). The cache is a directory of the current user's in the temp
 * directory; when it cannot be made, is not the user's own, or cannot be written, modules compile as usual.
 * `SDKGEN_NO_COMPILE_CACHE=1` turns it off.
 */
export function useCompileCache(): void {
  if (process.env['SDKGEN_NO_COMPILE_CACHE'] === '1') return;
  const directory = cacheDirectory();
  if (directory === undefined) return;
  const internals = Module as unknown as ModuleInternals;
  const compile = internals.prototype._compile;
  internals.prototype._compile = function compileWithCache(this: CommonJsModule, content: string, filename: string, ...rest: unknown[]) {
    const file = path.join(directory, createHash('sha256').update(filename).update('\0').update(content).digest('base64url'));
    const cachedData = readIfPresent(file);
    let wrapper: ReturnType<typeof vm.compileFunction>;
    try {
      wrapper = vm.compileFunction(content, MODULE_PARAMETERS, {
        filename,
        cachedData,
        produceCachedData: cachedData === undefined,
        importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
    } catch {
      // E.g. ES module syntax in a `.js` file, which Node then loads as an ES module: left to Node.
      return compile.call(this, content, filename, ...rest);
    }
    if (wrapper.cachedDataProduced === true && wrapper.cachedData !== undefined) writeQuietly(file, wrapper.cachedData);
    else if (wrapper.cachedDataRejected === true) unlinkQuietly(file);
    const module = this;
    const require = Object.assign((id: string) => module.require(id), {
      resolve: Object.assign((request: string, options?: { paths?: string[] }) => internals._resolveFilename(request, module, false, options), {
        paths: (request: string) => internals._resolveLookupPaths(request, module),
      }),
      cache: internals._cache,
      extensions: internals._extensions,
    });
    return wrapper.call(module.exports, module.exports, require, module, filename, path.dirname(filename));
  };
}

/** `<temp>/sdkgen-compile-cache-<uid>/<V8 version>-<arch>`, or undefined when it is not safe to use. */
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
    const directory = path.join(root, `${process.versions.v8}-${process.arch}`);
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

/** Writes through a temporary file, so that a run started meanwhile never reads half an entry. */
function writeQuietly(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // The cache is only a speed-up.
  }
}
