import { spawn } from 'node:child_process';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/** What a finished command printed (stdout and stderr interleaved) and how it ended. */
export interface RunResult {
  code: number;
  output: string;
}

/**
 * Runs a command to the end in its own process group, collecting its output. `signal` (the release's
 * own stop) ends the whole group, so nothing it started outlives the release.
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child.pid!);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => {
      running.delete(child.pid!);
      reject(error);
    });
    child.once('close', (code, signal) => {
      running.delete(child.pid!);
      resolve({ code: code ?? (signal === null ? 1 : 128), output });
    });
  });
}

/** Runs a command and returns its output; a failure throws one line naming `what`, then the output's tail. */
export async function runStep(what: string, command: string, args: readonly string[], options: RunOptions) {
  const result = await run(command, args, options);
  if (result.code !== 0) throw new StepError(`${what} failed (exit ${result.code})`, result.output);
  return result.output;
}

/** A failed step: `message` is the one line to print, `details` what the command said. */
export class StepError extends Error {
  constructor(
    message: string,
    readonly details = '',
  ) {
    super(message);
  }
}

const running = new Set<number>();

/** Ends every command still running (on an interrupt of the release). */
export function killRunning(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
