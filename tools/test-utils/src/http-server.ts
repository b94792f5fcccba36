/**
 * A real HTTP server on loopback that records every request it receives and answers with a handler.
 * Free of vitest, so that a script run in a child process can use it too; tests use `startServer`
 * from `test-server.ts`, which closes it when the test finishes.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query exactly as received, e.g. `/items/..%2Fx?a=1`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Handler = (request: RecordedRequest, response: ServerResponse, raw: IncomingMessage) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  requests: RecordedRequest[];
}

export interface ListeningServer extends TestServer {
  /** Drops every open connection and stops listening. */
  close: () => Promise<void>;
}

/** The status a handler that throws answers with, so that a broken handler fails its test instead of hanging it. */
export const HANDLER_FAILED = 599;

/** Starts a server on `port` (default: any free port). */
export async function listen(handler: Handler, port = 0): Promise<ListeningServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((raw, response) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const request = {
        method: raw.method ?? '',
        url: raw.url ?? '',
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      try {
        handler(request, response, raw);
      } catch (error) {
        response.writeHead(HANDLER_FAILED).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Answers with a JSON body. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
