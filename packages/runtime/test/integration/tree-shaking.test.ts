/**
 * What an app bundles: the runtime keeps code that only some operations or clients need (auth schemes,
 * serializers, the pager, the 201 mapping) in functions they pass in, so a bundler leaves out what an app
 * does not call. Bundled unminified with esbuild, so that function names show what stayed.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const runtime = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
    alias: { '@revio-sdk/runtime': runtime },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const optional = [
  'bearerAuth',
  'apiKeyHeader',
  'apiKeyQuery',
  'apiKeyCookie',
  'serializeParams',
  'serializeBody',
  'requestPage',
  'createdResult',
];

describe('tree shaking', () => {
  it('leaves out the auth schemes and serializers that a one-GET app does not use', async () => {
    const code = await bundle(`
      import { ClientCore, basicAuth } from '@revio-sdk/runtime';
      const client = new ClientCore({ baseUrl: 'https://api.example.test', auth: [basicAuth('u', 'p')] });
      client.request({ method: 'GET', path: '/Customers/1' }).then(console.log);
    `);
    expect(code).toContain('function basicAuth(');
    for (const name of optional) expect(code, name).not.toContain(`function ${name}(`);
    expect(code).not.toContain('Bearer ');
    // Only paging throws it.
    expect(code).not.toContain('"PaginationError"');
  });

  it('keeps each of them once the app uses it', async () => {
    const code = await bundle(`
      import * as runtime from '@revio-sdk/runtime';
      const { ClientCore, ${optional.join(', ')} } = runtime;
      console.log(ClientCore, ${optional.join(', ')});
    `);
    for (const name of optional) expect(code, name).toContain(`function ${name}(`);
    expect(code).toContain('"PaginationError"');
  });
});
