#!/usr/bin/env node
// The one test command (README, .ci/run): every lint, typecheck, test and generate-check target of every
// project through nx, then one line "N passed, N failed" summing every vitest test and every other task.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const targets = ['lint', 'typecheck', 'test', 'generate-check'];
// Each project's test target writes its vitest JSON report here (see the projects' test scripts).
const resultFiles = ['packages', 'tools'].flatMap((dir) =>
  readdirSync(dir).map((name) => join(dir, name, 'test-results', 'vitest.json')),
);
for (const file of resultFiles) rmSync(file, { force: true });

const nxArgs = [
  'nx',
  'run-many',
  '-t',
  ...targets,
  '--output-style=stream',
  '--nxBail=false',
  ...process.argv.slice(2),
];
const { code, output } = await run('npx', nxArgs);

let passed = 0;
let failed = 0;
const failedTestFiles = new Set();
for (const file of resultFiles.filter((f) => existsSync(f))) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  // A test file that fails before any test runs (an import error) has no failed test: count it once.
  const brokenFiles = report.testResults.filter(
    (r) => r.status === 'failed' && !r.assertionResults.some((a) => a.status === 'failed'),
  );
  failed += report.numFailedTests + brokenFiles.length;
  if (report.numFailedTests + brokenFiles.length > 0) failedTestFiles.add(file);
}
// nx prints "> nx run project:target" for each task and lists the failed ones as "- project:target".
// Lint, typecheck and generate-check tasks count as one check each (build/generate dependencies do not);
// a failed test task that wrote no failing report (a crash, a type error in typecheck mode) counts as one.
const failedTasks = new Set([...output.matchAll(/^\s+- (\S+:\S+)\s*$/gm)].map((m) => m[1]));
const ranTasks = new Set([...output.matchAll(/^> nx run (\S+):(\S+)/gm)].map((m) => `${m[1]}:${m[2]}`));
for (const task of ranTasks) {
  const target = task.slice(task.lastIndexOf(':') + 1);
  if (!targets.includes(target)) continue;
  if (target === 'test') {
    if (failedTasks.has(task) && ![...failedTestFiles].some((f) => f.startsWith(projectRoot(task)))) failed += 1;
  } else if (failedTasks.has(task)) failed += 1;
  else passed += 1;
}
if (code !== 0 && failed === 0) failed = 1; // nx failed in a way no task accounts for
console.log(`${passed} passed, ${failed} failed`);
process.exit(code !== 0 || failed > 0 ? 1 : 0);

/** The folder of an nx project, from the "> nx run" name (package names are scoped, folders are not). */
function projectRoot(task) {
  const name = task.slice(0, task.lastIndexOf(':')).replace(/^@[^/]+\//, '');
  return (
    resultFiles
      .find((f) => f.split('/')[1] === name)
      ?.split('/')
      .slice(0, 2)
      .join('/') ?? `\0`
  );
}

function run(command, args) {
  return new Promise((resolve) => {
    // No nx daemon (.env turns it on for interactive use): a test run must leave no process behind.
    const env = { ...process.env, NX_DAEMON: 'false' };
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
