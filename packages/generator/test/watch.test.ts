/**
 * watch(): runs never overlap (changes during a run lead to one more run after it), and close() waits
 * for the run in progress. generate() is replaced by a slow stand-in that counts how many run at once.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import type { GenerateOptions, GenerateResult } from '../src/index.js';
import { watch } from '../src/watch.js';
import { tempDir } from './fixtures/temp-dir.js';

const RUN_MS = 400;
const runs = { active: 0, maxActive: 0, started: [] as number[], finished: 0 };

vi.mock('../src/index.js', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  generate: async (options: GenerateOptions): Promise<GenerateResult> => {
    runs.active++;
    runs.maxActive = Math.max(runs.maxActive, runs.active);
    runs.started.push(performance.now());
    await sleep(RUN_MS);
    runs.active--;
    runs.finished++;
    const sources = [path.resolve(options.spec)];
    return {
      ok: true,
      diagnostics: [],
      operations: 0,
      files: 0,
      written: [],
      created: [],
      unchanged: [],
      removed: [],
      differences: [],
      sources,
      stages: [],
      durationMs: RUN_MS,
    };
  },
}));

describe('watch', () => {
  it('never runs two generations at once, runs again after changes made during a run, and closes after the run in progress', async () => {
    const dir = await tempDir({ 'api.yaml': 'v1' });
    const spec = path.join(dir, 'api.yaml');
    const watcher = watch({ spec, out: path.join(dir, 'out') }, { debounceMs: 20 });
    await watcher.ready;
    expect(runs.finished).toBe(1);

    let lastWrite = 0;
    for (const version of ['v2', 'v3', 'v4']) {
      await writeFile(spec, version);
      lastWrite = performance.now();
      await sleep(RUN_MS / 2);
    }
    await vi.waitFor(() => expect(runs.started.at(-1)).toBeGreaterThan(lastWrite), { timeout: 5000 });
    expect(runs.maxActive).toBe(1);

    await writeFile(spec, 'v5');
    await vi.waitFor(() => expect(runs.active).toBe(1), { timeout: 5000 });
    await watcher.close();
    expect(runs.active).toBe(0);
    const finishedAtClose = runs.finished;
    await writeFile(spec, 'v6');
    await sleep(RUN_MS);
    expect(runs.finished).toBe(finishedAtClose);
  });
});
