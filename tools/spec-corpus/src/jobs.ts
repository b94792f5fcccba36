/**
 * The CPU-heavy steps (sdkgen, tsc, Prism's startup) run as child processes, at most `CPU_SLOTS` at a
 * time, so every core is busy without oversubscribing them. Waiting steps are started by priority
 * (the biggest spec first: it is the critical path), then in the order they asked. The nx test target
 * runs alone (`parallelism: false` in project.json): it keeps every core busy by itself, and beside
 * it other tasks with fixed time limits (the bench smoke test's 280 s) ran out of time.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** One slot per core (the CI machine has 2), or `SPEC_CORPUS_JOBS`. */
export const CPU_SLOTS = Number(process.env['SPEC_CORPUS_JOBS'] ?? availableParallelism());

interface Waiter {
  priority: number;
  order: number;
  start: () => void;
}

/** A counting semaphore that grants the highest priority first. */
export class Slots {
  private free: number;
  private readonly waiting: Waiter[] = [];
  private counter = 0;

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  /** Runs `task` once a slot is free; the slot is released when it settles. */
  async run<T>(priority: number, task: () => Promise<T>): Promise<T> {
    await this.acquire(priority);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  acquire(priority: number): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push({ priority, order: this.counter++, start: resolve });
      this.waiting.sort((a, b) => b.priority - a.priority || a.order - b.order);
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.free += 1;
    else next.start();
  }
}

export const slots = new Slots(CPU_SLOTS);

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  ms: number;
}

/** Runs a command to its end, collecting stdout and stderr together; never rejects for a non-zero exit. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<Finished> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            output += `\n[spec-corpus] killed after ${options.timeoutMs} ms`;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, ms: performance.now() - started });
    });
  });
}
