import type { ChildProcess } from 'node:child_process';

/**
 * Ends a child started with `detached: true` (its own process group) and everything it started: SIGTERM
 * to the group, SIGKILL after 5 s if it has not exited.
 */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const killed = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
  if (!killed) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
