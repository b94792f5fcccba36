// Shared measurement helpers: a clock, medians, and running a command while recording its wall time,
// peak resident set size (RSS) and the first line of its error output.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const now = (): number => performance.now();

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function min(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.min(...values);
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.max(...values);
}

/** `order(items, i)` rotates the list by i, so repeated runs alternate which item goes first. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const k = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** How peak RSS is read. Chosen once per invocation and applied to every tool alike. */
export type RssMethod = 'gnu-time' | 'proc-vmhwm';
const GNU_TIME = '/usr/bin/time';
export const rssMethod: RssMethod = existsSync(GNU_TIME) ? 'gnu-time' : 'proc-vmhwm';
export const rssMethodDescription =
  rssMethod === 'gnu-time'
    ? "`/usr/bin/time -f %M` (maximum RSS from wait4: the largest single process in the tool's process tree)"
    : '`VmHWM` of the child process read from `/proc/<pid>/status` every 20 ms (no `/usr/bin/time` here)';

export interface CommandResult {
  ok: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Wall time from spawn to exit, in milliseconds. */
  ms: number;
  /** Peak RSS in bytes, or NaN when it could not be read. */
  peakRss: number;
  /** User + system CPU time of the process tree in ms (from /usr/bin/time), or NaN. */
  cpuMs: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Record peak RSS (wraps the command in /usr/bin/time or polls /proc). */
  rss?: boolean;
}

let seq = 0;

export function runCommand(command: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}-${++seq}.txt`);
  const wrap = options.rss === true && rssMethod === 'gnu-time';
  const [cmd, argv] = wrap ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, [...args]];
  return new Promise((resolve) => {
    const start = now();
    const child = spawn(cmd, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group, so a timeout can stop the whole tree
    });
    let stdout = '';
    let stderr = '';
    let hwmKb = Number.NaN;
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll =
      options.rss === true && !wrap
        ? setInterval(() => {
            const kb = readVmHwmKb(child.pid);
            if (!Number.isNaN(kb)) hwmKb = Number.isNaN(hwmKb) ? kb : Math.max(hwmKb, kb);
          }, 20)
        : undefined;
    const timer =
      options.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true;
            if (child.pid !== undefined) {
              try {
                process.kill(-child.pid, 'SIGKILL');
              } catch {
                /* already gone */
              }
            }
          }, options.timeoutMs)
        : undefined;
    const finish = (code: number | null, signal: NodeJS.Signals | null, error?: Error): void => {
      const ms = now() - start;
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
      let peakRss = Number.NaN;
      let cpuMs = Number.NaN;
      if (wrap && existsSync(rssFile)) {
        // GNU time writes "Command exited with non-zero status N" before the figures on failure.
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        const [kb, user, sys] = (lines[lines.length - 1] ?? '').split(' ').map(Number);
        if (Number.isFinite(kb)) peakRss = kb! * 1024;
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user! + sys!) * 1000;
        rmSync(rssFile, { force: true });
      } else if (!Number.isNaN(hwmKb)) {
        peakRss = hwmKb * 1024;
      }
      if (error) stderr += `${error.message}\n`;
      resolve({ ok: code === 0 && !timedOut && !error, code, signal, ms, peakRss, cpuMs, stdout, stderr, timedOut });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

function readVmHwmKb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

// Strip ANSI colour codes so error lines read cleanly in Markdown.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** The line that best explains a failure: the first line mentioning an error, else the first line of output. */
export function firstErrorLine(
  result: Pick<CommandResult, 'stdout' | 'stderr' | 'timedOut' | 'code' | 'signal'>,
): string {
  if (result.timedOut) return 'timed out';
  const lines = `${result.stderr}\n${result.stdout}`
    .replace(ANSI, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  // Wrapper lines (nx and npm summaries) say that something failed, not what: prefer the tool's own line.
  const wrapper = /^(NX\b|npm (error|ERR!)|Failed tasks|Tasks not run|Hint:|- \S+:\S+$|>)/;
  const line =
    lines.find((l) => !wrapper.test(l) && /error|fail|cannot|unable|exception|not found/i.test(l)) ??
    lines.find((l) => /error|fail|cannot|unable|exception/i.test(l)) ??
    lines[0];
  const status = result.signal ? `signal ${result.signal}` : `exit ${result.code}`;
  return line ? `${truncate(line, 200)} (${status})` : status;
}

export function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
