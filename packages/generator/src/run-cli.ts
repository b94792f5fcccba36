/** `sdkgen`: command-line arguments in, `generate()` (or `diff()`) run, results printed, exit code out. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { diffReportJson, formatDiffReport } from './diff/diff-report.js';
import {
  clientNameProblem,
  diff,
  envPrefixProblem,
  formatDiagnostic,
  generate,
  generateFromConfig,
  type Diagnostic,
  type DiffOptions,
  type GenerateOptions,
  type GenerateResult,
  type GenerateStage,
} from './index.js';

const EXIT_OK = 0;
const EXIT_DIAGNOSTICS = 1;
const EXIT_USAGE = 2;

/** Specs at least this big show stage progress on a terminal. */
const LARGE_SPEC_BYTES = 1_000_000;

const STAGE_LABELS: Record<GenerateStage, string> = {
  load: 'loading and validating the spec',
  model: 'building the model',
  emit: 'emitting code and docs',
  write: 'writing files',
  check: 'comparing with the output',
};

interface GenerateFlags {
  spec?: string;
  out?: string;
  name?: string;
  clientName?: string;
  envPrefix?: string;
  config?: string;
  check?: boolean;
  /** False with `--no-tests`; commander defaults it to true. */
  tests?: boolean;
}

interface DiffFlags {
  base?: string;
  spec?: string;
  name?: string;
  clientName?: string;
  envPrefix?: string;
  config?: string;
  changesetDir: string;
  dryRun?: boolean;
  json?: boolean;
}

/** What each command runs; each resolves with the exit code. */
interface Commands {
  generate: (flags: GenerateFlags) => Promise<number>;
  diff: (flags: DiffFlags) => Promise<number>;
}

function validated(problem: (value: string) => string | undefined) {
  return (value: string) => {
    const message = problem(value);
    if (message !== undefined) throw new InvalidArgumentError(message);
    return value;
  };
}

function program(run: Commands, setExitCode: (code: number) => void): Command {
  const root = new Command('sdkgen')
    .description(
      'Generate a typed TypeScript SDK (client, per-operation error unions, docs) from an OpenAPI description.',
    )
    .exitOverride()
    .showHelpAfterError("(run 'sdkgen generate --help' for the flags)")
    .addHelpText(
      'after',
      [
        '',
        'Usage of generate:',
        '  sdkgen generate --spec <file> --out <dir> [--name <package name>] [--client-name <Name>]',
        '                  [--env-prefix <PREFIX>] [--check] [--no-tests]',
        '  sdkgen generate --config <sdkgen.config.json> [--check] [--no-tests]',
        '',
        'Usage of diff (spec changes -> semver bump -> changeset):',
        '  sdkgen diff --base <git ref | old spec file> --spec <file> --name <package name>',
        '              [--config <sdkgen.config.json>] [--changeset-dir .changeset] [--dry-run] [--json]',
        '',
        'Examples:',
        '  sdkgen generate --spec openapi/api.yaml --out packages/client --name @acme/client',
        '  sdkgen generate --config sdkgen.config.json --check',
        '  sdkgen diff --base main --spec openapi/api.yaml --name @acme/client',
        '',
        'Exit codes: 0 done, 1 errors (or differences with --check), 2 wrong usage.',
      ].join('\n'),
    );
  root
    .command('generate')
    .description('Generate (or with --check, verify) an SDK package from an OpenAPI 3.0/3.1 or Swagger 2.0 spec.')
    .option('--spec <file>', 'OpenAPI description to generate from (YAML or JSON)')
    .option('--out <dir>', 'directory of the generated package')
    .option(
      '--name <package name>',
      'npm package name (default: the existing package.json name, else the directory name)',
    )
    .addOption(
      new Option('--client-name <Name>', 'client class name (default: first word of info.title + "Client")').argParser(
        validated(clientNameProblem),
      ),
    )
    .addOption(
      new Option(
        '--env-prefix <PREFIX>',
        'prefix of the environment variables client options fall back to (default: first word of info.title)',
      ).argParser(validated(envPrefixProblem)),
    )
    .option(
      '--config <file>',
      'generate every SDK listed in this sdkgen.config.json instead ({ "sdks": [{ "spec", "out", "name", "clientName", "envPrefix", "tests" }] })',
    )
    .option('--check', 'write nothing; exit 1 when the output differs from what would be generated')
    .option('--no-tests', 'emit no contract tests under <out>/test/generated (and remove ones generated before)')
    .addHelpText('after', '\nExit codes: 0 done, 1 errors (or differences with --check), 2 wrong usage.')
    .action(async (flags: GenerateFlags) => setExitCode(await run.generate(flags)));
  root
    .command('diff')
    .description(
      'Compare the spec with an older version of it, classify each change (breaking: major, additive: minor, docs: patch) and write a changeset naming them.',
    )
    .option(
      '--base <ref|file>',
      'the old spec: a file, or a git ref (compared from its merge base with HEAD, like `git diff <ref>...`)',
    )
    .option('--spec <file>', "the new spec (default with --config: the SDK's spec)")
    .option('--name <package name>', 'npm package the changeset bumps')
    .addOption(
      new Option('--client-name <Name>', 'client class name used to model both specs, as in generate').argParser(
        validated(clientNameProblem),
      ),
    )
    .addOption(
      new Option(
        '--env-prefix <PREFIX>',
        'environment variable prefix used to model both specs, as in generate',
      ).argParser(validated(envPrefixProblem)),
    )
    .option(
      '--config <file>',
      'take --spec, --client-name and --env-prefix of the SDK named --name from this sdkgen.config.json',
    )
    .option('--changeset-dir <dir>', 'where the changeset is written', '.changeset')
    .option('--dry-run', 'print the changes and the bump; write nothing')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExit codes: 0 compared (whatever changed), 1 a spec could not be loaded, 2 wrong usage.')
    .action(async (flags: DiffFlags) => setExitCode(await run.diff(flags)));
  return root;
}

/** Reports which stage is running on one rewritten terminal line; does nothing when not wanted. */
function progressReporter(enabled: boolean): { onProgress?: (stage: GenerateStage) => void; clear: () => void } {
  if (!enabled) return { clear: () => undefined };
  return {
    onProgress: (stage) => process.stdout.write(`\r\x1b[Ksdkgen: ${STAGE_LABELS[stage]}...`),
    clear: () => process.stdout.write('\r\x1b[K'),
  };
}

async function isLarge(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size >= LARGE_SPEC_BYTES;
  } catch {
    return false;
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The last line: what happened, and how long it took. */
function summary(result: GenerateResult, check: boolean): string {
  const seconds = `${(result.durationMs / 1000).toFixed(2)} s`;
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (errors > 0) return `${plural(errors, 'error')}, nothing ${check ? 'checked' : 'written'} (${seconds})`;
  const operations = plural(result.operations, 'operation');
  if (check) {
    const state =
      result.differences.length === 0
        ? `${plural(result.files, 'file')} up to date`
        : `${plural(result.differences.length, 'file')} differ`;
    return `${operations}, ${state} in ${seconds}`;
  }
  if (result.written.length === 0 && result.removed.length === 0)
    return `${operations}, ${plural(result.files, 'file')} up to date in ${seconds}`;
  const parts = [`${plural(result.written.length, 'file')} written`];
  if (result.unchanged.length > 0) parts.push(`${result.unchanged.length} unchanged`);
  if (result.removed.length > 0) parts.push(`${plural(result.removed.length, 'stale file')} removed`);
  return `${operations}, ${parts.join(', ')} in ${seconds}`;
}

function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
}

/** Prints one SDK's diagnostics, differences and summary; returns whether it succeeded. */
function report(result: GenerateResult, options: { out: string; check: boolean; label: string }): boolean {
  printDiagnostics(result.diagnostics);
  for (const difference of result.differences)
    process.stdout.write(`${path.join(options.out, difference.path)}: ${difference.kind}\n`);
  process.stdout.write(`sdkgen: ${options.label}${summary(result, options.check)}\n`);
  return result.ok;
}

async function runGenerate(flags: GenerateFlags): Promise<number> {
  const check = flags.check === true;
  if (flags.config !== undefined) {
    if (flags.spec !== undefined || flags.out !== undefined)
      return usageError('--config cannot be combined with --spec or --out');
    const progress = progressReporter(process.stdout.isTTY === true);
    const { results, diagnostics } = await generateFromConfig(flags.config, {
      check,
      // Only an explicit --no-tests overrides the config's "tests".
      ...(flags.tests === false ? { tests: false } : {}),
      ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    });
    progress.clear();
    printDiagnostics(diagnostics);
    const failed = results.filter(
      (result) => !report(result, { out: result.sdk.out, check, label: `${result.sdk.out}: ` }),
    );
    return diagnostics.some((diagnostic) => diagnostic.severity === 'error') || failed.length > 0
      ? EXIT_DIAGNOSTICS
      : EXIT_OK;
  }
  if (flags.spec === undefined || flags.out === undefined)
    return usageError('generate needs --spec <file> and --out <dir> (or --config <file>)');
  const progress = progressReporter(process.stdout.isTTY === true && (await isLarge(flags.spec)));
  const options: GenerateOptions = { spec: flags.spec, out: flags.out, check, tests: flags.tests !== false };
  for (const key of ['name', 'clientName', 'envPrefix'] as const) {
    const value = flags[key];
    if (value !== undefined) options[key] = value;
  }
  if (progress.onProgress) options.onProgress = progress.onProgress;
  const result = await generate(options);
  progress.clear();
  return report(result, { out: flags.out, check, label: '' }) ? EXIT_OK : EXIT_DIAGNOSTICS;
}

async function runDiff(flags: DiffFlags): Promise<number> {
  if (flags.base === undefined || flags.name === undefined)
    return usageError('diff needs --base <ref|file> and --name <package name>', 'diff');
  if (flags.spec === undefined && flags.config === undefined)
    return usageError('diff needs --spec <file> (or --config <file>)', 'diff');
  const dryRun = flags.dryRun === true;
  const options: DiffOptions = { base: flags.base, name: flags.name, changesetDir: flags.changesetDir, dryRun };
  for (const key of ['spec', 'clientName', 'envPrefix', 'config'] as const) {
    const value = flags[key];
    if (value !== undefined) options[key] = value;
  }
  const result = await diff(options);
  printDiagnostics(result.diagnostics);
  process.stdout.write(flags.json === true ? diffReportJson(result) : formatDiffReport(result, { dryRun }));
  return result.ok ? EXIT_OK : EXIT_DIAGNOSTICS;
}

function usageError(message: string, command = 'generate'): number {
  process.stderr.write(`sdkgen: ${message}\nRun 'sdkgen ${command} --help' for the flags.\n`);
  return EXIT_USAGE;
}

/** Runs the CLI on `argv` (as `process.argv`) and resolves with the exit code. */
async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_OK;
  try {
    await program({ generate: runGenerate, diff: runDiff }, (code) => (exitCode = code)).parseAsync([...argv]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help exits with 0; help shown for a missing command and every parse error exit with 1.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  return exitCode;
}

process.exitCode = await main(process.argv);
