/**
 * A real HTTP server on loopback: records every request exactly as it arrived and answers with the
 * test's handler. Closed when the test finishes. Nothing in the client or runtime is mocked.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

export interface RecordedRequest {
  method: string;
  /** Path and query as received, e.g. `/v1/Customers/..%2Fx?page=1`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The API root to give the client: `<origin>/v1`, so the test also proves the base path is kept. */
  baseUrl: string;
  requests: RecordedRequest[];
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((raw, response) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const request: RecordedRequest = {
        method: raw.method ?? '',
        url: raw.url ?? '',
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      try {
        handler(request, response);
      } catch (error) {
        response.writeHead(599).end(String(error)); // a broken handler must not hang the test
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { origin, baseUrl: `${origin}/v1`, requests };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/** The query of a recorded request as a URLSearchParams. */
export function query(request: RecordedRequest): URLSearchParams {
  return new URL(request.url, 'http://x').searchParams;
}

/** Explicit credentials for tests that are not about the environment fallback. */
export const credentials = {
  username: 'api_user',
  clientCode: 'acme_sandbox',
  password: 'pa:ss-wörd',
  subscriptionKey: 'sub-key-123',
} as const;

/** What `Authorization` must be for `credentials`: Basic base64(UTF-8 of `user@clientCode:password`). */
export const expectedAuthorization = `Basic ${Buffer.from('api_user@acme_sandbox:pa:ss-wörd', 'utf8').toString('base64')}`;
