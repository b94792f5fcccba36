/** Runs a TypeScript entry point (a CLI such as `sdkgen`) as users run it, in its own Node process, through tsx. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** tsx's loader by its URL, so that the script can run in any working directory. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** What a finished run printed and returned. */
export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ScriptOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Written to stdin, which is then closed (stdin is a pipe, not a terminal). */
  input?: string;
  /**
   * Gives the script a real pseudo-terminal through util-linux `script`; stdout then carries `\r\n`,
   * which `finished` turns back into `\n`, and stderr comes with stdout.
   */
  terminal?: boolean;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Starts `script` with `args`. */
export function startScript(script: string, args: readonly string[], options: ScriptOptions = {}): ChildProcess {
  const command = [process.execPath, '--import', TSX, script, ...args];
  const [file, fileArgs] =
    options.terminal === true
      ? ['script', ['--quiet', '--return', '--command', command.map(shellQuote).join(' '), '/dev/null']]
      : [command[0]!, command.slice(1)];
  const child = spawn(file, fileArgs, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: 'pipe' });
  // `script` forwards its stdin to the terminal; closing it early would end the session.
  if (options.terminal !== true) child.stdin?.end(options.input ?? '');
  return child;
}

/** Collects a started script's output until it exits. */
export function finished(child: ChildProcess): Promise<ScriptRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: stdout.replace(/\r\n/g, '\n'), stderr }));
  });
}

/** Runs `script` to the end. */
export function runScript(script: string, args: readonly string[], options: ScriptOptions = {}): Promise<ScriptRun> {
  return finished(startScript(script, args, options));
}
