#!/usr/bin/env node
// The `sdkgen` bin. npm links a bin only when its file exists at install time, and dist/ is built
// later in a clone of the repo, so this committed file stands in: in a clone with no build yet it
// builds the generator once (through nx, which builds the runtime first), then runs dist/cli.js.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const inRepoClone = existsSync(new URL('../src/cli.ts', import.meta.url)) && existsSync(`${repoRoot}nx.json`);

if (!existsSync(cli) && inRepoClone) {
  console.error('sdkgen: building the generator first (packages/generator/dist is missing)...');
  const nxPackage = createRequire(`${repoRoot}package.json`).resolve('nx/package.json');
  const nxBin = path.join(path.dirname(nxPackage), createRequire(import.meta.url)(nxPackage).bin.nx);
  const nx = spawnSync(process.execPath, [nxBin, 'run', '@revio-sdk/generator:build'], {
    cwd: repoRoot,
    // The build's output goes to stderr: stdout is sdkgen's own.
    stdio: ['ignore', 2, 2],
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (nx.status !== 0) {
    console.error('sdkgen: the build failed; run `npx nx run @revio-sdk/generator:build` to see why.');
    process.exit(1);
  }
}
if (!existsSync(cli)) {
  console.error(`sdkgen: ${fileURLToPath(cli)} is missing: this install of @revio-sdk/generator is incomplete.`);
  process.exit(1);
}
await import(cli.href);
