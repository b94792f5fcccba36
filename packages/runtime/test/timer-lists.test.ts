import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundleForNode } from './helpers/bundle.js';

afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
});

/** A fresh copy of the module, with no keepers yet. */
async function freshKeepTimerList() {
  vi.resetModules();
  return (await import('../src/timer-lists.js')).keepTimerList;
}

describe('keepTimerList', () => {
  it("keeps one unref'd timer per duration, re-armed only while attempts of that duration keep starting", async () => {
    vi.useFakeTimers();
    const keepTimerList = await freshKeepTimerList();
    keepTimerList(1_000);
    keepTimerList(1_000);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1_000); // used since armed: re-armed
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1_000); // idle for a whole period: gone
    expect(vi.getTimerCount()).toBe(0);
    keepTimerList(1_000);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('keeps at most four durations', async () => {
    vi.useFakeTimers();
    const keepTimerList = await freshKeepTimerList();
    for (const ms of [100, 200, 300, 400, 500, 600]) keepTimerList(ms);
    expect(vi.getTimerCount()).toBe(4);
  });

  it('lets a process that has finished its requests exit at once, though its timeout is ten minutes', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'runtime-timer-lists-'));
    try {
      const runtime = path.join(directory, 'runtime.js');
      await bundleForNode(fileURLToPath(new URL('../src/index.ts', import.meta.url)), runtime);
      const script = path.join(directory, 'script.mjs');
      await writeFile(
        script,
        `import { ClientCore } from ${JSON.stringify(runtime)};
const client = new ClientCore({ baseUrl: 'http://api.example.test', timeout: 600000, fetch: async () => Response.json({ ok: true }) });
for (let i = 0; i < 3; i++) await client.request({ method: 'GET', path: '/x' });
console.log('done');`,
      );
      // Held by a keeper, the process would run for ten minutes; execFile kills it after 20 s.
      const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 20_000 });
      expect(stdout.trim()).toBe('done');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 30_000);
});
