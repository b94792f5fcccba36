/** The executable an npm package ships under `bin` (deno, bun, workerd), and its version. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function packageBinary(packageName: string): { path: string; version: string } {
  const manifestPath = createRequire(import.meta.url).resolve(`${packageName}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    version: string;
    bin: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[packageName]!;
  return { path: join(dirname(manifestPath), bin), version: manifest.version };
}
