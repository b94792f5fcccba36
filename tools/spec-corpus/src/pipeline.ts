/**
 * One spec's run through the pipeline, each step started once and shared by the tests that check it:
 * generate (twice, into two fresh directories) -> compare -> tsc build; Prism starts as soon as the
 * code is generated, beside the build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMock, type MockServer } from 'mock-server';
import type { CorpusSpec } from './discover.js';
import { runCommand, slots, type Finished } from './jobs.js';
import { rawOperations, type RawOperation } from './raw-spec.js';
import { planSmoke, PRISM_CANNOT_LOAD, prismStartupTimeoutMs, reducedDocument, type SmokePlan } from './smoke.js';
import { generateUpstream, upstreamErrors, withoutHeader, type UpstreamVerdict } from './upstream.js';
import { tscErrors } from './checks.js';

const require = createRequire(import.meta.url);
/** `tools/spec-corpus/.out`: inside the repo, so generated code resolves @revio-sdk/runtime through the workspace. */
export const OUT_DIR = fileURLToPath(new URL('../.out', import.meta.url));
const GENERATOR_CLI = require.resolve('@revio-sdk/generator/package.json').replace(/package\.json$/, 'dist/cli.js');
const TSC = require.resolve('typescript/bin/tsc');
const VITEST = require.resolve('vitest/package.json').replace(/package\.json$/, 'vitest.mjs');

/**
 * Specs whose generated contract suites (test/generated) run with vitest: three small ones with many
 * shapes between them (parameter styles, an API key, Swagger 2.0 converted, bodies of each kind).
 */
export const CONTRACT_SUITE_SPECS: ReadonlySet<string> = new Set([
  'readme-parameters-style.yaml',
  'intellifi.nl.json',
  'netlify.com.json',
]);

/** A step that took too long is killed: no single step of the largest spec takes more than ~2 min on CI. */
const STEP_TIMEOUT_MS = 10 * 60_000;

/** The package's entry as the build emits it, relative to the package: `src/index.ts` compiled. */
export const BUILT_ENTRY = 'dist/src/index';

export interface Generation {
  first: Finished;
  second: Finished;
  /** Posix path -> sha256 of each file of each run. */
  firstFiles: Map<string, string>;
  secondFiles: Map<string, string>;
  /** The CLI's diagnostics lines that are warnings. */
  warnings: string[];
}

export interface Build {
  tsc: Finished;
}

/** The outcome of the generated contract suite, from vitest's JSON report. */
export interface ContractSuite {
  run: Finished;
  passed: number;
  failed: number;
}

export interface Mock {
  server: MockServer;
  startupMs: number;
  /** The file Prism serves: the spec, or its reduced copy (see PRISM_CANNOT_LOAD). */
  served: string;
  reducedBecause: string | undefined;
}

/** What the report says about a spec; filled in as the steps finish. */
export interface SpecReport {
  spec: string;
  bytes: number;
  operations: number;
  methods?: number;
  generationMs?: number[];
  warnings?: number;
  unknownFallbacks?: number;
  tscMs?: number;
  prismStartupMs?: number;
  prismServed?: string;
  smoke?: string;
  /** tsc errors in our `src/schema.ts` and in openapi-typescript's own output (undefined: it made none). */
  schemaTypeErrors?: { ours: number; openapiTypescript: number | undefined; sameText: boolean };
  contractTests?: { passed: number; failed: number; ms: number };
}

export class SpecRun {
  readonly out: string;
  readonly again: string;
  readonly operations: RawOperation[];
  readonly smokePlan: SmokePlan | undefined;
  readonly report: SpecReport;
  private generation?: Promise<Generation>;
  private build?: Promise<Build>;
  private mock?: Promise<Mock>;
  private upstream?: Promise<UpstreamVerdict>;
  private contracts?: Promise<ContractSuite>;

  constructor(readonly spec: CorpusSpec) {
    this.out = path.join(OUT_DIR, spec.name);
    // A sibling at the same depth: the generated files name the spec by a path relative to themselves.
    this.again = path.join(OUT_DIR, `${spec.name}.again`);
    this.operations = rawOperations(spec.document, spec.file);
    this.smokePlan = planSmoke(this.operations, spec.document, spec.file);
    this.report = { spec: spec.relative, bytes: spec.bytes, operations: this.operations.length };
  }

  /** Bigger specs first: they are the critical path. */
  private get priority(): number {
    return this.spec.bytes;
  }

  generated(): Promise<Generation> {
    this.generation ??= (async () => {
      const first = await this.generateInto(this.out);
      const second = await this.generateInto(this.again);
      const firstFiles = hashTree(this.out);
      const secondFiles = hashTree(this.again);
      rmSync(this.again, { recursive: true, force: true });
      const warnings = first.output.split('\n').filter((line) => / warning: /.test(line));
      this.report.generationMs = [Math.round(first.ms), Math.round(second.ms)];
      this.report.warnings = warnings.length;
      this.report.unknownFallbacks = warnings.filter((line) => line.includes('typed as unknown')).length;
      return { first, second, firstFiles, secondFiles, warnings };
    })();
    return this.generation;
  }

  /** `tsc -p` of the generated package with emit: builds `dist/` (see `BUILT_ENTRY`) and type-checks in one pass. */
  built(): Promise<Build> {
    this.build ??= (async () => {
      const generation = await this.generated();
      if (generation.first.code !== 0) throw new Error(`not built: generation failed (exit ${generation.first.code})`);
      const tsc = await slots.run(this.priority, () =>
        runCommand(
          process.execPath,
          [
            TSC,
            '-p',
            path.join(this.out, 'tsconfig.json'),
            '--noEmit',
            'false',
            '--outDir',
            path.join(this.out, 'dist'),
            // The package root, so that the layout is the same with or without test/generated.
            '--rootDir',
            this.out,
            '--pretty',
            'false',
          ],
          {
            timeoutMs: STEP_TIMEOUT_MS,
          },
        ),
      );
      this.report.tscMs = Math.round(tsc.ms);
      return { tsc };
    })();
    return this.build;
  }

  /** tsc's errors in our `src/schema.ts`, from the build. */
  async schemaErrors(): Promise<string[]> {
    const { tsc } = await this.built();
    return tscErrors(tsc.output, 'src/schema.ts');
  }

  /** openapi-typescript's own output for the spec and tsc's verdict on it (see upstream.ts). */
  upstreamChecked(): Promise<UpstreamVerdict> {
    this.upstream ??= (async () => {
      const dir = path.join(OUT_DIR, `${this.spec.name}.openapi-typescript`);
      const generation = await slots.run(this.priority, () => generateUpstream(this.spec.file, dir, STEP_TIMEOUT_MS));
      if (generation.code !== 0) return { generation, sameAsOurs: false, errors: undefined, reused: false };
      await this.generated();
      const theirs = withoutHeader(readFileSync(path.join(dir, 'schema.ts'), 'utf8'));
      const sameAsOurs = theirs === withoutHeader(readFileSync(path.join(this.out, 'src', 'schema.ts'), 'utf8'));
      const { errors, reused } = sameAsOurs
        ? { errors: await this.schemaErrors(), reused: true }
        : await upstreamErrors(dir, (check) => slots.run(this.priority, check), STEP_TIMEOUT_MS);
      return { generation, sameAsOurs, errors, reused };
    })();
    return this.upstream;
  }

  /** Runs the package's generated contract suite with vitest, once the code is generated. */
  contractSuite(): Promise<ContractSuite> {
    this.contracts ??= (async () => {
      const generation = await this.generated();
      if (generation.first.code !== 0) throw new Error(`not run: generation failed (exit ${generation.first.code})`);
      const report = path.join(this.out, 'test-results', 'contract-suite.json');
      const run = await slots.run(this.priority, () =>
        runCommand(
          process.execPath,
          [VITEST, 'run', 'test/generated', '--root', this.out, '--reporter=json', `--outputFile=${report}`],
          { timeoutMs: STEP_TIMEOUT_MS },
        ),
      );
      const { numPassedTests = 0, numFailedTests = 0 } = existsSync(report)
        ? (JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests?: number; numFailedTests?: number })
        : {};
      this.report.contractTests = { passed: numPassedTests, failed: numFailedTests, ms: Math.round(run.ms) };
      return { run, passed: numPassedTests, failed: numFailedTests };
    })();
    return this.contracts;
  }

  /** The Prism mock, started once the code is generated (beside the build). Stop it with `stopMock()`. */
  mocked(): Promise<Mock> {
    this.mock ??= (async () => {
      await this.generated();
      const plan = this.smokePlan;
      const reducedBecause = PRISM_CANNOT_LOAD[this.spec.relative];
      let served = this.spec.file;
      if (reducedBecause !== undefined && plan !== undefined) {
        served = path.join(OUT_DIR, `${this.spec.name}.prism.json`);
        mkdirSync(OUT_DIR, { recursive: true });
        writeFileSync(served, JSON.stringify(reducedDocument(this.spec.document, plan.operation)));
      }
      let startupMs = 0;
      const server = await slots.run(this.priority, async () => {
        const started = performance.now();
        try {
          return await startMock(served, { startupTimeoutMs: prismStartupTimeoutMs(this.spec.bytes) });
        } finally {
          startupMs = performance.now() - started;
        }
      });
      this.report.prismStartupMs = Math.round(startupMs);
      this.report.prismServed = reducedBecause === undefined ? 'whole spec' : `reduced copy (${path.basename(served)})`;
      return { server, startupMs, served, reducedBecause };
    })();
    return this.mock;
  }

  async stopMock(): Promise<void> {
    const mock = await this.mock?.catch(() => undefined);
    await mock?.server.stop();
  }

  private async generateInto(dir: string): Promise<Finished> {
    rmSync(dir, { recursive: true, force: true });
    return slots.run(this.priority, () =>
      runCommand(
        process.execPath,
        [GENERATOR_CLI, 'generate', '--spec', this.spec.file, '--out', dir, '--name', this.spec.name],
        { timeoutMs: STEP_TIMEOUT_MS },
      ),
    );
  }
}

/** Posix path -> sha256 of every file under `dir`. */
export function hashTree(dir: string, prefix = ''): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) for (const [file, hash] of hashTree(dir, relative)) hashes.set(file, hash);
    else
      hashes.set(
        relative,
        createHash('sha256')
          .update(readFileSync(path.join(dir, relative)))
          .digest('hex'),
      );
  }
  return hashes;
}
