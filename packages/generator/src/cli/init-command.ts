/**
 * `sdkgen init`: asks for (or takes as flags) the spec, the package directory and the package name,
 * generates the package, adds it to `sdkgen.config.json` and prints the next commands. The config is
 * changed only once the package has been generated.
 */
import path from 'node:path';
import { generate } from '../index.js';
import { planConfigEntry } from '../init/config-file.js';
import { displayUrl, isUrl, urlProblem } from '../load/fetch-spec.js';
import { filesIn } from '../write/output-state.js';
import { EXIT_DIAGNOSTICS, EXIT_OK, usageError } from './exit-codes.js';
import { prompter, type Ask } from './prompt.js';
import { remoteOptions, HEADERS_ENV } from './remote-flags.js';
import { report } from './report.js';

export interface InitFlags {
  spec?: string;
  out?: string;
  name?: string;
  config: string;
  header?: string[];
}

/** How many of the files in the way the refusal names. */
const NAMED_FILES = 5;

interface Answers {
  spec: string | undefined;
  out: string | undefined;
  name: string | undefined;
}

/** The flags, with what they leave out asked for (an empty answer leaves it out). */
async function answered(flags: InitFlags, ask: () => Ask): Promise<Answers> {
  const answer = async (question: string) => (await ask()(question)) || undefined;
  const spec = flags.spec ?? (await answer('OpenAPI spec (file or http(s) URL): '));
  const out = flags.out ?? (await answer('Package directory: '));
  const askName = flags.name === undefined && flags.out === undefined && out !== undefined;
  const name = askName ? await answer(`npm package name (empty: ${path.basename(path.resolve(out))}): `) : flags.name;
  return { spec, out, name };
}

function nextCommands(configPath: string, usedHeaders: boolean): string {
  const config = path.relative(process.cwd(), path.resolve(configPath)) || configPath;
  const commands = [
    ['npm install', 'link the new package into the workspace'],
    [`npx sdkgen generate --config ${config}`, 'regenerate after the spec changes'],
    [`npx sdkgen generate --config ${config} --watch`, 'regenerate on every save'],
  ] as const;
  const width = Math.max(...commands.map(([command]) => command.length));
  const lines = ['Next:', ...commands.map(([command, why]) => `  ${command.padEnd(width)}  # ${why}`)];
  if (usedHeaders)
    lines.push(`  (the spec's request headers are not stored: pass --header or set ${HEADERS_ENV} again)`);
  return `${lines.join('\n')}\n`;
}

export async function runInit(flags: InitFlags): Promise<number> {
  const remote = remoteOptions(flags, process.env);
  if (typeof remote === 'string') return usageError(remote, 'init');
  let questions: ReturnType<typeof prompter> | undefined;
  const { spec, out, name } = await answered(flags, () => (questions ??= prompter()).ask);
  questions?.close();
  if (spec === undefined || out === undefined)
    return usageError('init needs a spec and a package directory (--spec <file|url> --out <dir>)', 'init');
  const problem = isUrl(spec) ? urlProblem(spec) : undefined;
  if (problem !== undefined) return usageError(`${displayUrl(spec)}: ${problem}`, 'init');

  const inTheWay = (await filesIn(out, false)).sort();
  if (inTheWay.length > 0) {
    const named = inTheWay.slice(0, NAMED_FILES).join(', ') + (inTheWay.length > NAMED_FILES ? ', ...' : '');
    process.stderr.write(
      `sdkgen: ${out} holds ${inTheWay.length} file(s) sdkgen did not write (${named}); init does not overwrite them: choose an empty directory\n`,
    );
    return EXIT_DIAGNOSTICS;
  }
  const change = await planConfigEntry(flags.config, { spec, out, ...(name === undefined ? {} : { name }) });
  if (typeof change === 'string') {
    process.stderr.write(`sdkgen: ${change}\n`);
    return EXIT_DIAGNOSTICS;
  }

  const result = await generate({ spec, out, remote, ...(name === undefined ? {} : { name }) });
  if (!report(result, { out, check: false, label: '', verbosity: 'normal' })) return EXIT_DIAGNOSTICS;
  await change.write();
  process.stdout.write(
    `sdkgen: ${change.created ? 'created' : 'updated'} ${flags.config} with the SDK in ${change.entry.out}\n`,
  );
  process.stdout.write(nextCommands(flags.config, Object.keys(remote.headers ?? {}).length > 0));
  return EXIT_OK;
}
