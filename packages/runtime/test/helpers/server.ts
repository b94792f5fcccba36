/**
 * A real HTTP server on loopback for tests (see `http-server.ts`), closed automatically when the test
 * finishes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import { listen, type Handler, type TestServer } from './http-server.js';

export { sendJson } from './http-server.js';
export type { Handler, TestServer } from './http-server.js';

/** Starts a server on `port` (default: any free port). */
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
