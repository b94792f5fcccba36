import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startMock } from '../src/start-mock.js';

const fixture = fileURLToPath(new URL('./fixture.yaml', import.meta.url));

function prismProcesses(url: string): string[] {
  const port = new URL(url).port;
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('prism') && line.includes(`-p ${port}`));
}

describe('startMock', () => {
  it('serves the spec examples on loopback and leaves no process behind', async () => {
    const mock = await startMock(fixture);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    try {
      const ok = await fetch(`${mock.url}/things/7`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ id: 7 });
      const notFound = await fetch(`${mock.url}/things/7`, { headers: { Prefer: 'code=404' } });
      expect(notFound.status).toBe(404);
      expect(await notFound.json()).toEqual({ message: 'not found' });
      expect(prismProcesses(mock.url)).toHaveLength(1);
    } finally {
      await mock.stop();
    }
    expect(prismProcesses(mock.url)).toEqual([]);
    await expect(fetch(`${mock.url}/things/7`)).rejects.toThrow();
  });

  it('reports a spec Prism cannot load instead of hanging', async () => {
    await expect(startMock('/nonexistent/spec.yaml', { startupTimeoutMs: 30_000 })).rejects.toThrow(
      /Prism could not mock/,
    );
  });
});
