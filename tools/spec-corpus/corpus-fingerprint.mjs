#!/usr/bin/env node
// Prints a hash of every file of the spec corpus (path and bytes). The nx test target uses it as a
// runtime input: SPEC_CORPUS_DIR can point outside the workspace, so nx could not otherwise see a spec
// added to or changed in that folder, and would replay a cached result.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(process.env.SPEC_CORPUS_DIR ?? fileURLToPath(new URL('specs', import.meta.url)));
const hash = createHash('sha256');
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => path.join(e.parentPath, e.name))
  .sort()) {
  hash
    .update(`${path.relative(dir, entry)}\0`)
    .update(readFileSync(entry))
    .update('\0');
}
console.log(`${dir} ${hash.digest('hex')}`);
