#!/usr/bin/env node
// The one test command (README, .ci/run): every lint, typecheck, test and generate-check target of every
// project through nx, then one line "N passed, N failed" summing every vitest test and every other task.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const targets = ['lint', 'typecheck', 'test', 'generate-check'];
// Each project's test target writes its vitest JSON report here (see the projects' test scripts).
const resultFiles = ['packages', 'tools']
  .flatMap((dir) => readdirSync(dir).map((name) => join(dir, name, 'test-results', 'vitest.json')));
for (const file of resultFiles) rmSync(file, { force: true });

const nxArgs = ['nx', 'run-many', '-t', ...targets, '--output-style=stream', '--nxBail=false', ...process.argv.slice(2)];
const { code, output } = await run('npx', nxArgs);

let passed = 0;
let failed = 0;
for (const file of resultFiles.filter((f) => existsSync(f))) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
// Tasks that are not vitest runs (lint, typecheck, generate-check) count as one check each; nx lists
// the ones that failed as "- project:target".
const failedTasks = [...output.matchAll(/^\s+- (\S+:\S+)\s*$/gm)].map((m) => m[1]);
const ranTasks = [...output.matchAll(/^> nx run (\S+:\S+)/gm)].map((m) => m[1]);
for (const task of new Set(ranTasks)) {
  if (task.endsWith(':test')) continue;
  if (failedTasks.includes(task)) failed += 1;
  else passed += 1;
}
if (code !== 0 && failed === 0) failed = 1; // nx failed in a way no task accounts for
console.log(`${passed} passed, ${failed} failed`);
process.exit(code !== 0 || failed > 0 ? 1 : 0);

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
