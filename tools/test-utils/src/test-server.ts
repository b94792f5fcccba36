/** The loopback server of `http-server.ts` for tests: closed, with every open connection, when the test finishes. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import { listen, type Handler, type TestServer } from './http-server.js';

/** Starts a server on `port` (default: any free port); call it inside a test. */
export async function startServer(handler: Handler, port = 0): Promise<TestServer> {
  const { close, ...server } = await listen(handler, port);
  onTestFinished(close);
  return server;
}

/** A loopback port nothing listens on (taken from the OS, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
