// `npm run bench`: measures sdkgen and the generated client against their peers and writes BENCHMARKS.md.
//   tsx tools/bench/src/main.ts [--runs 5] [--smoke] [--report <file>] [--work <dir>] [--only generation,regeneration,runtime,bundle,typecheck,scaling,suites]
// --smoke: one iteration of everything on openapi/revio.yaml (small), report to tools/bench/.out/ unless --report.
// --scaling-runs N: runs of the growth section (default 1: it is the heaviest).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { nodeRuntimes } from 'runtime-matrix';
import { measureBundles } from './bundle-size.js';
import { type GenerationResult, runGenerator, measureGeneration, spec, tools } from './generation.js';
import { benchRoot, display, gitRevision, loadAverage, machine, packageVersion, paths, repoRoot } from './lib/env.js';
import { measureRegeneration } from './regeneration.js';
import { type Report, renderReport, targets } from './report.js';
import { measureRuntime } from './runtime-overhead.js';
import { measureScaling } from './scaling.js';
import { measureSuites } from './suites.js';
import { type CheckedOutput, compilerOptions, measureTypecheck } from './typecheck.js';
import { callSites, measureEditorLatency } from './editor-latency.js';

const sections = ['generation', 'regeneration', 'runtime', 'bundle', 'typecheck', 'scaling', 'suites'] as const;
type Section = (typeof sections)[number];

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    report: { type: 'string' },
    work: { type: 'string' },
    only: { type: 'string' },
    'scaling-runs': { type: 'string' },
  },
});
const smoke = values.smoke === true;
const runs = smoke ? 1 : Number(values.runs ?? 5);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
// The growth section type-checks up to 8× the GitHub spec: one run of it costs more than the other sections together.
const scalingRuns = smoke ? 1 : Number(values['scaling-runs'] ?? 1);
if (!Number.isInteger(scalingRuns) || scalingRuns < 1)
  throw new Error(`--scaling-runs must be a positive integer, got ${values['scaling-runs']}`);
const only = new Set<Section>((values.only?.split(',') as Section[] | undefined) ?? sections);
const reportPath = resolve(
  repoRoot,
  values.report ?? (smoke ? 'tools/bench/.out/BENCHMARKS.smoke.md' : 'BENCHMARKS.md'),
);
const workDir = resolve(repoRoot, values.work ?? join(display(benchRoot), '.out', smoke ? 'smoke' : 'full'));
const log = (line: string): void => console.log(line);

const argv = process.argv.slice(2);
const command = ['tsx', 'tools/bench/src/main.ts', ...argv].join(' ');
const viaNpm = process.env['npm_lifecycle_event'];
const invocation =
  viaNpm === 'bench' && !smoke ? `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}` : command;

rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const started = new Date();
const report: Report = {
  smoke,
  invocation,
  command,
  started,
  finished: started,
  revision: gitRevision(),
  machine: machine(),
  loadEnd: '',
  versions: [
    ['Node.js', process.version],
    ['Node.js releases of the runtime section', nodeRuntimes.map((r) => r.version).join(', ')],
    ['sdkgen (@revio-sdk/generator)', tools.find((t) => t.id === 'sdkgen')!.version],
    ['openapi-typescript', packageVersion('openapi-typescript')],
    ['@hey-api/openapi-ts', packageVersion('@hey-api/openapi-ts')],
    ['orval', packageVersion('orval')],
    ['openapi-fetch', packageVersion('openapi-fetch')],
    ['esbuild', esbuild.version],
    ['TypeScript', packageVersion('typescript')],
    ['nx', packageVersion('nx')],
    ['zlib (node)', process.versions.zlib ?? 'unknown'],
  ],
  runs,
  generation: [],
};

const specs = smoke
  ? [spec('revio', 'Rev.io', paths.revioSpec)]
  : [spec('github', 'GitHub REST API', paths.githubSpec), spec('revio', 'Rev.io', paths.revioSpec)];

console.log(`bench: ${smoke ? 'smoke (1 iteration)' : `${runs} runs`}, work dir ${display(workDir)}`);
if (only.has('generation')) {
  for (const s of specs) {
    log(`1. generation: ${s.label}`);
    report.generation.push(await measureGeneration(s, runs, workDir, log));
  }
}
const outputOf = (key: string, tool: string): GenerationResult['tools'][number] | undefined =>
  report.generation.find((g) => g.spec.key === key)?.tools.find((t) => t.tool === tool);

if (only.has('typecheck')) {
  // The big specs of the issue, or the small one in a smoke run.
  const checkedSpecs = smoke ? specs : [specs[0]!, spec('stripe', 'Stripe API', paths.stripeSpec)];
  const outputs: CheckedOutput[] = [];
  for (const s of checkedSpecs) {
    for (const tool of ['sdkgen', 'openapi-typescript'] as const) {
      const run = outputOf(s.key, tool);
      const outDir = run?.outDir ?? join(workDir, 'gen', s.key, tool);
      const fresh = run ? undefined : await runGenerator(s, tool, outDir);
      const generationError = run ? run.error : typeof fresh === 'string' ? fresh : undefined;
      outputs.push({ spec: s, tool, outDir, ...(generationError ? { generationError } : {}) });
    }
  }
  log(`5. type-check: ${checkedSpecs.map((s) => s.label).join(', ')}`);
  report.typecheck = await measureTypecheck(outputs, runs, workDir, log);
  const first = checkedSpecs[0]!;
  const site = callSites[first.key];
  if (site) {
    log(`5b. editor latency: ${first.label}`);
    const of = (tool: CheckedOutput['tool']): CheckedOutput =>
      outputs.find((o) => o.spec === first && o.tool === tool)!;
    report.editor = await measureEditorLatency(
      first.label,
      site,
      [
        { client: 'sdkgen', outDir: of('sdkgen').outDir, error: of('sdkgen').generationError },
        {
          client: 'openapi-fetch',
          outDir: of('openapi-typescript').outDir,
          error: of('openapi-typescript').generationError,
        },
      ],
      compilerOptions,
      runs,
      workDir,
      log,
    );
  }
}

if (only.has('scaling')) {
  const source = specs[0]!;
  const factors = smoke ? [1, 2] : [1, 2, 4, 8];
  log(`6. growth: ${source.label} ×${factors.join(', ×')}`);
  report.scaling = await measureScaling(source, factors, scalingRuns, workDir, log);
}

if (only.has('suites')) {
  log('7. generated test suites');
  report.suites = await measureSuites(runs, log);
}

if (only.has('bundle')) {
  log('4. bundle size');
  const hey = outputOf('revio', 'hey-api');
  report.bundles = await measureBundles(workDir, hey && !hey.error ? hey.outDir : undefined);
}

if (only.has('regeneration')) {
  log('2. regeneration through nx');
  report.regeneration = await measureRegeneration(runs, log);
}

if (only.has('runtime')) {
  log('3. runtime overhead');
  report.runtime = await measureRuntime(
    { requests: smoke ? 300 : 10_000, warmup: smoke ? 30 : 1_000, runs, concurrency: [1, 32] },
    log,
  );
}

report.finished = new Date();
report.loadEnd = loadAverage();
mkdirSync(resolve(reportPath, '..'), { recursive: true });
writeFileSync(reportPath, renderReport(report) + handWrittenTail(reportPath));
console.log(`\nwrote ${display(reportPath)}`);
for (const t of targets(report)) console.log(`  ${t.verdict.padEnd(12)} ${t.text}: ${t.measured}`);

/** The hand-written section at the end of the report (measurements behind design choices), kept on rewrite. */
function handWrittenTail(path: string): string {
  const heading = '\n## Measurements behind design choices\n';
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const start = existing.indexOf(heading);
  return start === -1 ? '' : existing.slice(start);
}
