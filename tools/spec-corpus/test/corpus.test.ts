/**
 * sdkgen on every entry document of the shared public corpus, discovered at run time: a spec dropped
 * into the folder is tested with no code change. Per spec: generation succeeds and is byte-identical
 * when run twice; every operation of the raw spec is one method and every documented 4xx/5xx status is
 * in that method's error union (read from the generated source, not the generator's model); `tsc -p`
 * builds and type-checks the package under the strict base config, and our `src/schema.ts` has no tsc
 * error where openapi-typescript's own output for the spec has none (src/upstream.ts); a GET against a
 * Prism mock of the spec resolves with data or rejects with one of its documented error classes.
 * The steps run as child processes, one per core; the report lands in test-results/spec-corpus.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { STATUS_ERRORS } from '@revio-sdk/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, discoverSpecs } from '../src/discover.js';
import { compareSchemaTypes, differentFiles, operationProblems } from '../src/checks.js';
import { clientProperties, generatedMethods } from '../src/generated-code.js';
import { packageImportCycles } from '../src/import-cycles.js';
import { CPU_SLOTS } from '../src/jobs.js';
import { BUILT_ENTRY, CONTRACT_SUITE_SPECS, SpecRun, type SpecReport } from '../src/pipeline.js';
import { operationKey } from '../src/raw-spec.js';
import { PRISM_CANNOT_LOAD } from '../src/smoke.js';
import { failureLine, STRICT_BASE } from '../src/upstream.js';

const { specs, skipped } = discoverSpecs();
const runs = specs.map((spec) => new SpecRun(spec));
const suiteStarted = performance.now();
/** Status -> the runtime's class name for it (`404` -> `NotFoundError`); others are plain `ApiError`s. */
const STATUS_CLASS: Record<number, string | undefined> = Object.fromEntries(
  Object.entries(STATUS_ERRORS).map(([status, { name }]) => [status, name]),
);

describe('the corpus', () => {
  it(`has entry documents in ${CORPUS_DIR}; every other file is skipped for a stated reason`, () => {
    expect(specs.length).toBeGreaterThan(0);
    for (const file of skipped) expect(file.reason).toMatch(/^(not an entry document|not a JSON|does not parse)/);
    console.log(
      [
        `spec-corpus: ${specs.length} entry documents in ${CORPUS_DIR}, ${CPU_SLOTS} jobs at a time`,
        ...skipped.map((s) => `  skipped ${s.relative}: ${s.reason}`),
      ].join('\n'),
    );
  });
});

for (const run of runs) {
  const { spec } = run;
  describe.concurrent(spec.relative, () => {
    it('sdkgen generate succeeds, warns only with a JSON pointer, and a second run gives byte-identical files', async () => {
      const { first, second, firstFiles, secondFiles, warnings } = await run.generated();
      expect(first.code, first.output.slice(-3000)).toBe(0);
      expect(second.code, second.output.slice(-3000)).toBe(0);
      // Every warning names where in the spec it is: `file[:line:col] #/json/pointer: warning: ...`.
      for (const warning of warnings) expect(warning).toMatch(/ #(\/.*)?: warning: /);
      expect(firstFiles.size).toBeGreaterThan(0);
      expect(differentFiles(firstFiles, secondFiles)).toEqual([]);
    });

    it('every operation is one method, and every documented 4xx/5xx status is a member of its error union', async () => {
      const { first } = await run.generated();
      expect(first.code, 'generation failed').toBe(0);
      const methods = generatedMethods(run.out);
      run.report.methods = methods.length;
      expect(operationProblems(run.operations, methods)).toEqual([]);
      expect(methods).toHaveLength(run.operations.length);
    });

    it('no generated module imports itself back through other modules (no import cycle)', async () => {
      const { first } = await run.generated();
      expect(first.code, 'generation failed').toBe(0);
      expect(packageImportCycles(run.out)).toEqual([]);
    });

    it('tsc -p builds and type-checks the package under the strict base config', async () => {
      const { tsc } = await run.built();
      // The generated tsconfig adds nothing to the repo's strict settings but noEmit (tsc -p overrides it).
      const tsconfig = JSON.parse(readFileSync(path.join(run.out, 'tsconfig.json'), 'utf8')) as {
        extends?: string;
        compilerOptions?: object;
      };
      expect(path.resolve(run.out, tsconfig.extends ?? '')).toBe(STRICT_BASE);
      expect(tsconfig.compilerOptions).toEqual({ noEmit: true });
      expect(tsc.code, tsc.output.slice(0, 5000)).toBe(0);
      expect(tsc.output.trim()).toBe('');
      expect(
        existsSync(path.join(run.out, `${BUILT_ENTRY}.js`)) && existsSync(path.join(run.out, `${BUILT_ENTRY}.d.ts`)),
      ).toBe(true);
    });

    it('our schema types type-check wherever openapi-typescript’s own output for the spec does', async () => {
      const [ours, theirs] = await Promise.all([run.schemaErrors(), run.upstreamChecked()]);
      const { worse, summary } = compareSchemaTypes(ours.length, theirs.errors?.length, theirs.sameAsOurs);
      run.report.schemaTypeErrors = {
        ours: ours.length,
        openapiTypescript: theirs.errors?.length,
        sameText: theirs.sameAsOurs,
      };
      const why = theirs.errors === undefined ? ` (${failureLine(theirs.generation.output)})` : '';
      console.log(`spec-corpus: ${spec.relative}: schema types: ${summary}${why}`);
      expect(worse, `${summary}:\n${ours.slice(0, 20).join('\n')}`).toBe(false);
    });

    it.runIf(CONTRACT_SUITE_SPECS.has(spec.relative))(
      "the package's generated contract suite passes with vitest",
      async () => {
        const { run: vitest, passed, failed } = await run.contractSuite();
        expect(vitest.code, vitest.output.slice(-5000)).toBe(0);
        expect(failed).toBe(0);
        expect(passed).toBeGreaterThanOrEqual(run.operations.length * 2);
      },
    );

    it('a GET against a Prism mock of the spec resolves with data or rejects with a documented error class', async () => {
      const plan = run.smokePlan;
      expect(plan, 'no GET operation without required query/header/body parameters').toBeDefined();
      if (plan === undefined) return;
      const { operation, pathValues, jsonSuccess } = plan;
      const key = operationKey(operation.method, operation.path);
      const [{ tsc }, mock] = await Promise.all([run.built(), run.mocked()]);
      try {
        expect(tsc.code, 'build failed').toBe(0);
        const method = generatedMethods(run.out).find((m) => m.operation === key);
        if (method === undefined) throw new Error(`no method for ${key}`);
        const { clientClass, properties, optionNames } = clientProperties(run.out);
        const property = properties.get(method.resourceClass);
        if (property === undefined) throw new Error(`${method.resourceClass} is not a property of ${clientClass}`);

        const module = (await import(pathToFileURL(path.join(run.out, `${BUILT_ENTRY}.js`)).href)) as Record<
          string,
          unknown
        >;
        const Client = module[clientClass] as new (
          options: Record<string, unknown>,
        ) => Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;
        const ApiError = module['ApiError'] as abstract new (...args: never[]) => Error & { status: number };
        // Dummy credentials for every option the client reads (API keys, tokens, username/password).
        const options: Record<string, unknown> = { baseUrl: mock.server.url, maxRetries: 0, timeout: 60_000 };
        for (const name of optionNames) if (name !== 'baseUrl') options[name] = `dummy-${name}`;
        const resource = new Client(options)[property];
        if (resource === undefined) throw new Error(`${clientClass}.${property} is undefined`);
        const call = `${key} as ${clientClass}.${property}.${method.methodName}(${pathValues.map((v) => JSON.stringify(v)).join(', ')})`;
        const invoke = (requestOptions?: Record<string, unknown>) => {
          const args: unknown[] = [...pathValues];
          if (requestOptions !== undefined) args[method.parameters.indexOf('options')] = requestOptions;
          return resource[method.methodName]!.call(resource, ...args);
        };
        /** Asserts a rejection is the generated class of a documented status; returns `404 NotFoundError`. */
        const documentedRejection = (error: unknown, context: string): string => {
          const described = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          expect(error, `${context} rejected with ${described}`).toBeInstanceOf(ApiError);
          const { status, name } = error as Error & { status: number };
          expect(
            operation.errorStatuses,
            `${context} rejected with ${described}: status ${status} is not documented`,
          ).toContain(status);
          expect(name, `${context}: class of ${status}`).toBe(STATUS_CLASS[status] ?? 'ApiError');
          return `${status} ${name}`;
        };

        let outcome: string;
        try {
          const data = await invoke();
          if (jsonSuccess) expect(data, `${call} resolved without data`).toBeDefined();
          outcome = `resolved with ${Array.isArray(data) ? 'an array' : typeof data}`;
        } catch (error) {
          outcome = `rejected with documented ${documentedRejection(error, call)}`;
        }
        // Then Prism answers with the first documented error status: the client must throw its class.
        const forced = operation.errorStatuses[0];
        if (forced !== undefined) {
          const rejection = await invoke({ headers: { Prefer: `code=${forced}` } }).then(
            () => expect.fail(`${call} with Prefer: code=${forced} resolved`),
            (error: unknown) => error,
          );
          const rejected = documentedRejection(rejection, `${call} with Prefer: code=${forced}`);
          expect(
            rejected.startsWith(`${forced} `),
            `${call} with Prefer: code=${forced} rejected with ${rejected}`,
          ).toBe(true);
          outcome += `; Prefer: code=${forced} rejected with ${rejected}`;
        } else {
          outcome += '; no documented 4xx/5xx to force';
        }
        run.report.smoke = `${key}: ${outcome}`;
        const prism =
          mock.reducedBecause === undefined ? 'whole spec' : `a reduced copy, because ${mock.reducedBecause}`;
        console.log(`spec-corpus: ${spec.relative}: ${call} ${outcome} (Prism served ${prism})`);
      } finally {
        await run.stopMock();
      }
    });
  });
}

afterAll(async () => {
  await Promise.all(runs.map((run) => run.stopMock()));
  const wallMs = Math.round(performance.now() - suiteStarted);
  const reports = runs.map((run) => run.report);
  const results = path.resolve(import.meta.dirname, '../test-results');
  mkdirSync(results, { recursive: true });
  const reduced = Object.fromEntries(
    runs
      .filter((r) => r.report.prismServed?.startsWith('reduced'))
      .map((r) => [r.spec.relative, PRISM_CANNOT_LOAD[r.spec.relative]]),
  );
  writeFileSync(
    path.join(results, 'spec-corpus.json'),
    `${JSON.stringify({ wallMs, jobs: CPU_SLOTS, specs: reports, skipped, prismReduced: reduced }, null, 2)}\n`,
  );
  console.log(table(reports, wallMs));
});

function table(reports: SpecReport[], wallMs: number): string {
  const seconds = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`);
  const rows = reports.map((r) =>
    [
      r.spec,
      String(r.operations),
      String(r.methods ?? '-'),
      r.generationMs?.map(seconds).join(' / ') ?? '-',
      seconds(r.tscMs),
      `${seconds(r.prismStartupMs)}${r.prismServed?.startsWith('reduced') ? ' (reduced copy)' : ''}`,
      `${r.warnings ?? '-'}${r.unknownFallbacks ? ` (${r.unknownFallbacks} typed unknown)` : ''}`,
      r.schemaTypeErrors === undefined
        ? '-'
        : compareSchemaTypes(r.schemaTypeErrors.ours, r.schemaTypeErrors.openapiTypescript, r.schemaTypeErrors.sameText)
            .summary,
      r.smoke ?? '-',
    ].join(' | '),
  );
  const header =
    'spec | operations | methods | generation (1st / 2nd) | tsc | Prism startup | warnings | schema types | smoke';
  return ['', `spec-corpus: ${reports.length} specs in ${seconds(wallMs)} wall time`, header, ...rows].join('\n');
}
