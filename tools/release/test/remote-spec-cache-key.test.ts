/** The generate target's runtime input: stable for local specs, new on every run for a URL spec. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/remote-spec-cache-key.mjs', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'remote-spec-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function keyFor(specs: string[]): string {
  const config = path.join(dir, 'sdkgen.config.json');
  writeFileSync(config, JSON.stringify({ sdks: specs.map((spec, i) => ({ spec, out: `packages/sdk-${i}` })) }));
  return execFileSync(process.execPath, [script, config], { encoding: 'utf8' });
}

describe('remote-spec-cache-key', () => {
  it('is the same on every run while every spec is a file', () => {
    const specs = ['openapi/revio.yaml', 'specs/other.json'];
    expect(keyFor(specs)).toBe(keyFor(specs));
  });

  it('differs on every run once a spec is a URL, so nx never replays a stale generation', () => {
    const specs = ['openapi/revio.yaml', 'https://api.example.test/openapi.yaml'];
    expect(keyFor(specs)).not.toBe(keyFor(specs));
  });
});
