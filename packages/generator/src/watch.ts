/**
 * Watch mode: generate, then generate again whenever the spec, a file its `$ref`s read, or the config
 * changes. Runs never overlap, and a failed run writes nothing, so the last good output stays in place.
 */
import { watch as watchFs, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { errorAt } from './load/diagnostics.js';
import { isUrl } from './load/fetch-spec.js';
import {
  generate,
  generateFromConfig,
  type ConfiguredResult,
  type Diagnostic,
  type GenerateOptions,
  type RemoteSpecOptions,
} from './index.js';

/** What to watch: one SDK, or every SDK an `sdkgen.config.json` lists. */
export type WatchTarget =
  Omit<GenerateOptions, 'check' | 'onProgress'> | { config: string; remote?: RemoteSpecOptions };

export interface WatchOptions {
  /** How long to wait after a change for more changes before generating; default 100 ms. */
  debounceMs?: number;
  /** Called after every run, the first one included. */
  onRun?: (run: WatchRun) => void;
}

/** One generation of every watched SDK. */
export interface WatchRun {
  ok: boolean;
  /** The config's own problems (with a config target). */
  diagnostics: Diagnostic[];
  results: ConfiguredResult[];
  /** Absolute paths of the local files watched from now on. */
  watched: string[];
}

/** A running watch. */
export interface Watcher {
  /** Resolves once the first run is done and changes are being watched. */
  ready: Promise<void>;
  /** Stops watching; resolves once a run in progress has finished (and cleaned up after itself). */
  close: () => Promise<void>;
}

async function generateTarget(target: WatchTarget): Promise<Omit<WatchRun, 'watched'>> {
  try {
    if ('config' in target) {
      const { results, diagnostics } = await generateFromConfig(
        target.config,
        target.remote === undefined ? {} : { remote: target.remote },
      );
      return {
        ok: diagnostics.every((d) => d.severity !== 'error') && results.every((r) => r.ok),
        diagnostics,
        results,
      };
    }
    const result = await generate(target);
    return { ok: result.ok, diagnostics: [], results: [{ sdk: target, ...result }] };
  } catch (error) {
    const file = 'config' in target ? target.config : target.spec;
    const message = `generation failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, diagnostics: [errorAt({ file, pointer: '#' }, message)], results: [] };
  }
}

/** The local files a run read (URLs cannot be watched), plus the config. */
function filesOf(target: WatchTarget, run: Omit<WatchRun, 'watched'>): Set<string> {
  const files = new Set<string>('config' in target ? [path.resolve(target.config)] : []);
  for (const result of run.results) for (const source of result.sources) if (!isUrl(source)) files.add(source);
  return files;
}

/**
 * Generates `target`, then again after each change to a file it read (debounced). Directories are
 * watched rather than files, so an editor that saves by replacing the file is seen too.
 */
export function watch(target: WatchTarget, options: WatchOptions = {}): Watcher {
  const debounceMs = options.debounceMs ?? 100;
  const directories = new Map<string, FSWatcher>();
  let files = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let changedWhileRunning = false;
  let closed = false;

  const onChange = (directory: string, name: string | null) => {
    if (name !== null && !files.has(path.join(directory, name))) return;
    clearTimeout(timer);
    timer = setTimeout(start, debounceMs);
  };

  const rewatch = (next: Set<string>) => {
    files = next;
    const wanted = new Set([...next].map((file) => path.dirname(file)));
    for (const [directory, watcher] of directories) {
      if (wanted.has(directory)) continue;
      watcher.close();
      directories.delete(directory);
    }
    for (const directory of wanted) {
      if (directories.has(directory)) continue;
      try {
        const watcher = watchFs(directory, (_event, name) => onChange(directory, name));
        watcher.on('error', () => undefined); // the directory went away; the next run watches what exists
        directories.set(directory, watcher);
      } catch {
        // a missing directory (a $ref to a file not written yet) cannot be watched
      }
    }
  };

  const runOnce = async () => {
    const run = await generateTarget(target);
    const next = filesOf(target, run);
    // A config that cannot be read names no spec: keep watching the files of the last good run.
    if (run.results.length === 0) for (const file of files) next.add(file);
    if (!closed) rewatch(next);
    options.onRun?.({ ...run, watched: [...files].sort() });
  };

  function start(): void {
    if (closed) return;
    if (running !== undefined) {
      changedWhileRunning = true;
      return;
    }
    running = runOnce().finally(() => {
      running = undefined;
      if (changedWhileRunning) {
        changedWhileRunning = false;
        start();
      }
    });
  }

  start();
  const first = running;
  return {
    ready: first ?? Promise.resolve(),
    close: async () => {
      closed = true;
      clearTimeout(timer);
      for (const watcher of directories.values()) watcher.close();
      directories.clear();
      await running;
    },
  };
}
