/** `sdkgen`: command-line arguments in, `generate()` (or `diff()`) run, results printed, exit code out. */
import { stat } from 'node:fs/promises';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT_DIAGNOSTICS, EXIT_OK, EXIT_USAGE, usageError } from './cli/exit-codes.js';
import { runInit, type InitFlags } from './cli/init-command.js';
import { collect, positiveSeconds, remoteOptions, HEADERS_ENV, type RemoteFlags } from './cli/remote-flags.js';
import { printDiagnostics, progressReporter, report, type Verbosity } from './cli/report.js';
import { runWatch } from './cli/watch-command.js';
import { diffConfig, type ConfigDiffOptions } from './diff/diff-config.js';
import { diffReportJson, formatDiffReport } from './diff/diff-report.js';
import { isUrl } from './load/fetch-spec.js';
import type { SdkKind } from './load/load-config.js';
import {
  clientNameProblem,
  diff,
  envPrefixProblem,
  generate,
  generateFromConfig,
  type DiffOptions,
  type GenerateOptions,
} from './index.js';

/** Specs at least this big show stage progress on a terminal. */
const LARGE_SPEC_BYTES = 1_000_000;

interface GenerateFlags extends RemoteFlags {
  spec?: string;
  out?: string;
  name?: string;
  clientName?: string;
  envPrefix?: string;
  config?: string;
  sdk?: string;
  kind?: SdkKind;
  check?: boolean;
  watch?: boolean;
  quiet?: boolean;
  verbose?: boolean;
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
  init: (flags: InitFlags) => Promise<number>;
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
        '  sdkgen generate --spec <file|url> --out <dir> [--name <package name>] [--client-name <Name>]',
        '                  [--env-prefix <PREFIX>] [--check | --watch] [--quiet | --verbose]',
        "                  [--header 'Name: value']... [--timeout <seconds>]",
        '  sdkgen generate --config <sdkgen.config.json> [--check | --watch] [--quiet | --verbose]',
        '',
        'Usage of init (add an SDK to sdkgen.config.json and generate it; asks for what the flags leave out):',
        '  sdkgen init [--spec <file|url>] [--out <dir>] [--name <package name>] [--config sdkgen.config.json]',
        '',
        'Usage of diff (spec changes -> semver bump -> changeset):',
        '  sdkgen diff --base <git ref | old spec file> --config <sdkgen.config.json> [--dry-run]   (every SDK, one changeset)',
        '  sdkgen diff --base <git ref | old spec file> --spec <file> --name <package name>',
        '              [--config <sdkgen.config.json>] [--changeset-dir .changeset] [--dry-run] [--json]',
        '',
        'Examples:',
        '  sdkgen generate --spec openapi/api.yaml --out packages/client --name @acme/client',
        '  sdkgen generate --config sdkgen.config.json --check',
        '  sdkgen generate --config sdkgen.config.json --watch',
        '  sdkgen init --spec https://api.example.com/openapi.yaml --out packages/client --name @acme/client',
        '  sdkgen diff --base main --spec openapi/api.yaml --name @acme/client',
        '',
        'Exit codes: 0 done, 1 errors (or differences with --check), 2 wrong usage.',
      ].join('\n'),
    );
  root
    .command('generate')
    .description('Generate (or with --check, verify) an SDK package from an OpenAPI 3.0/3.1 or Swagger 2.0 spec.')
    .option('--spec <file|url>', 'OpenAPI description to generate from (YAML or JSON), a file or an http(s) URL')
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
      'generate every SDK listed in this sdkgen.config.json instead ({ "sdks": [{ "spec", "out", "kind", "name", "clientName", "envPrefix", "license", "repository", "tests" }] })',
    )
    .option('--sdk <out dir>', 'with --config: only the SDK generated into this directory (as the config writes it)')
    .addOption(
      new Option('--kind <kind>', "what to generate: a client, or a webhook receiver from the spec's webhooks").choices(
        ['client', 'webhooks'],
      ),
    )
    .option('--check', 'write nothing; exit 1 when the output differs from what would be generated')
    .option('--no-tests', 'emit no contract tests under <out>/test/generated (and remove ones generated before)')
    .option('--watch', 'generate, then again whenever the spec or a file it $refs changes (Ctrl-C stops)')
    .option('--quiet', 'print errors only')
    .option('--verbose', "also print each stage's time and every file written, changed, unchanged or removed")
    .option(
      '--header <Name: value>',
      `request header for a spec URL (repeatable; also read from $${HEADERS_ENV}, one per line); never printed`,
      collect,
    )
    .addOption(
      new Option('--timeout <seconds>', 'how long fetching a spec URL may take (default: 30)').argParser(
        positiveSeconds,
      ),
    )
    .addHelpText('after', '\nExit codes: 0 done, 1 errors (or differences with --check), 2 wrong usage.')
    .action(async (flags: GenerateFlags) => setExitCode(await run.generate(flags)));
  root
    .command('init')
    .description(
      'Start a new SDK: add it to sdkgen.config.json (created if needed), generate it, print the next commands. Asks for the spec, directory and name unless given.',
    )
    .option('--spec <file|url>', 'the OpenAPI description (a file or an http(s) URL)')
    .option('--out <dir>', 'directory of the new package (empty, or holding only generated files)')
    .option('--name <package name>', 'npm package name')
    .option('--config <file>', 'the config to add the SDK to', 'sdkgen.config.json')
    .option('--header <Name: value>', `request header for a spec URL (repeatable; also $${HEADERS_ENV})`, collect)
    .addHelpText('after', '\nExit codes: 0 done, 1 errors (or a directory of hand-written files), 2 wrong usage.')
    .action(async (flags: InitFlags) => setExitCode(await run.init(flags)));
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

/** True for a spec file big enough to show progress (a URL's size is not known before fetching it). */
async function isLarge(file: string): Promise<boolean> {
  if (isUrl(file)) return true;
  try {
    return (await stat(file)).size >= LARGE_SPEC_BYTES;
  } catch {
    return false;
  }
}

function verbosityOf(flags: GenerateFlags): Verbosity {
  if (flags.quiet === true) return 'quiet';
  return flags.verbose === true ? 'verbose' : 'normal';
}

/** Why the generate flags do not go together; undefined when they do. */
function generateUsageProblem(flags: GenerateFlags): string | undefined {
  if (flags.quiet === true && flags.verbose === true) return '--quiet and --verbose exclude each other';
  if (flags.check === true && flags.watch === true) return '--check and --watch exclude each other';
  if (flags.config !== undefined && (flags.spec !== undefined || flags.out !== undefined))
    return '--config cannot be combined with --spec or --out';
  if (flags.sdk !== undefined && (flags.config === undefined || flags.watch === true))
    return '--sdk needs --config and cannot be combined with --watch';
  if (flags.config === undefined && (flags.spec === undefined || flags.out === undefined))
    return 'generate needs --spec <file|url> and --out <dir> (or --config <file>)';
  if (flags.watch === true && flags.spec !== undefined && isUrl(flags.spec))
    return '--watch needs a spec file: a URL cannot be watched';
  return undefined;
}

async function runGenerate(flags: GenerateFlags): Promise<number> {
  const problem = generateUsageProblem(flags);
  if (problem !== undefined) return usageError(problem);
  const remote = remoteOptions(flags, process.env);
  if (typeof remote === 'string') return usageError(remote);
  const check = flags.check === true;
  const verbosity = verbosityOf(flags);
  const onTerminal = process.stdout.isTTY === true && verbosity !== 'quiet';
  if (flags.config !== undefined) {
    if (flags.watch === true) return runWatch({ config: flags.config, remote }, verbosity);
    const progress = progressReporter(onTerminal);
    const { results, diagnostics } = await generateFromConfig(flags.config, {
      check,
      remote,
      ...(flags.sdk === undefined ? {} : { only: flags.sdk }),
      // Only an explicit --no-tests overrides the config's "tests".
      ...(flags.tests === false ? { tests: false } : {}),
      ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    });
    progress.clear();
    printDiagnostics(diagnostics, verbosity);
    const failed = results.filter(
      (result) => !report(result, { out: result.sdk.out, check, label: `${result.sdk.out}: `, verbosity }),
    );
    return diagnostics.some((diagnostic) => diagnostic.severity === 'error') || failed.length > 0
      ? EXIT_DIAGNOSTICS
      : EXIT_OK;
  }
  const options: GenerateOptions = { spec: flags.spec!, out: flags.out!, check, remote, tests: flags.tests !== false };
  for (const key of ['name', 'clientName', 'envPrefix'] as const) {
    const value = flags[key];
    if (value !== undefined) options[key] = value;
  }
  if (flags.kind !== undefined) options.kind = flags.kind;
  if (flags.watch === true) return runWatch(options, verbosity);
  const progress = progressReporter(onTerminal && (await isLarge(options.spec)));
  if (progress.onProgress) options.onProgress = progress.onProgress;
  const result = await generate(options);
  progress.clear();
  return report(result, { out: options.out, check, label: '', verbosity }) ? EXIT_OK : EXIT_DIAGNOSTICS;
}

async function runDiff(flags: DiffFlags): Promise<number> {
  if (flags.base !== undefined && flags.name === undefined && flags.config !== undefined && flags.spec === undefined)
    return runConfigDiff({
      base: flags.base,
      config: flags.config,
      changesetDir: flags.changesetDir,
      dryRun: flags.dryRun === true,
    });
  if (flags.base === undefined || flags.name === undefined)
    return usageError('diff needs --base <ref|file> and --name <package name> (or --config <file> alone)', 'diff');
  if (flags.spec === undefined && flags.config === undefined)
    return usageError('diff needs --spec <file> (or --config <file>)', 'diff');
  const dryRun = flags.dryRun === true;
  const options: DiffOptions = { base: flags.base, name: flags.name, changesetDir: flags.changesetDir, dryRun };
  for (const key of ['spec', 'clientName', 'envPrefix', 'config'] as const) {
    const value = flags[key];
    if (value !== undefined) options[key] = value;
  }
  const result = await diff(options);
  printDiagnostics(result.diagnostics, 'normal');
  process.stdout.write(flags.json === true ? diffReportJson(result) : formatDiffReport(result, { dryRun }));
  return result.ok ? EXIT_OK : EXIT_DIAGNOSTICS;
}

/** Every SDK of a config: each package's changes under its name, then the one changeset. */
async function runConfigDiff(options: ConfigDiffOptions & { dryRun: boolean }): Promise<number> {
  const result = await diffConfig(options);
  printDiagnostics(result.diagnostics, 'normal');
  const sections = result.packages.map(
    ({ name, result: packageResult }) =>
      `${name}:\n${formatDiffReport({ ...packageResult, changeset: undefined }, options).replace(/; no changeset written\n$/, '\n')}`,
  );
  const { changeset } = result;
  const summary =
    changeset === undefined
      ? 'sdkgen: no changeset written'
      : `sdkgen: ${options.dryRun ? 'would write' : changeset.written ? 'wrote' : 'already there:'} ${changeset.path} naming ${result.packages
          .filter(({ result: packageResult }) => packageResult.changes.length > 0)
          .map(({ name }) => name)
          .join(', ')}${changeset.replaced.length === 0 ? '' : `, replacing ${changeset.replaced.join(', ')}`}`;
  process.stdout.write(`${sections.join('')}${summary}\n`);
  return result.ok ? EXIT_OK : EXIT_DIAGNOSTICS;
}

/** Runs the CLI on `argv` (as `process.argv`) and resolves with the exit code. */
async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_OK;
  try {
    await program({ generate: runGenerate, diff: runDiff, init: runInit }, (code) => (exitCode = code)).parseAsync([
      ...argv,
    ]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help exits with 0; help shown for a missing command and every parse error exit with 1.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  return exitCode;
}

process.exitCode = await main(process.argv);
