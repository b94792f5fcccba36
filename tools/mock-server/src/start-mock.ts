import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { stopProcessGroup } from './process-group.js';

/** A running Prism mock server; `stop()` ends it and every process it started. */
export interface MockServer {
  url: string;
  stop(): Promise<void>;
}

export interface StartMockOptions {
  /** Give up when Prism has not said it is listening after this long (large specs take a while). */
  startupTimeoutMs?: number;
  /** Prism's `--dynamic` mode (random data from schemas) instead of the spec's examples. */
  dynamic?: boolean;
}

const prismCli = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts `prism mock <spec>` on a free loopback port and resolves once it accepts requests. */
export async function startMock(specPath: string, options: StartMockOptions = {}): Promise<MockServer> {
  const port = await freePort();
  const args = [prismCli, 'mock', '-h', '127.0.0.1', '-p', String(port), ...(options.dynamic ? ['-d'] : []), specPath];
  // detached: Prism gets its own process group, so stop() can end it and any child in one signal.
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => stopProcessGroup(child);
  try {
    await waitUntilListening(child, options.startupTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    throw new Error(`Prism could not mock ${specPath}: ${(error as Error).message}`, { cause: error });
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}

function waitUntilListening(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`not listening after ${timeoutMs} ms\n${output.slice(-2000)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) finish();
    };
    const onExit = (code: number | null) => fail(new Error(`exited with code ${code}\n${output.slice(-2000)}`));
    function finish() {
      clearTimeout(timer);
      child.off('exit', onExit);
      // Keep draining output so Prism never blocks on a full pipe.
      child.stdout?.off('data', onData).resume();
      child.stderr?.off('data', onData).resume();
      resolve();
    }
    function fail(error: Error) {
      clearTimeout(timer);
      reject(error);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}
