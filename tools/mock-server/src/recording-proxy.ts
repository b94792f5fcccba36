/**
 * A loopback HTTP proxy in front of a server (the Prism mock) that records every request it forwards, so
 * a test can assert on what a client really sent: CORS preflights, headers, bodies.
 */
import { createServer, request as forward, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status the target answered with. */
  status: number;
}

export interface RecordingProxy {
  /** `http://127.0.0.1:<port>`: give it to the client instead of the target's URL. */
  url: string;
  requests: ProxiedRequest[];
  stop(): Promise<void>;
}

/** A JSON answer the proxy gives itself instead of forwarding (for data the spec's examples cannot show). */
export interface StubAnswer {
  status: number;
  body: unknown;
}

export interface RecordingProxyOptions {
  /** Called for each request (method and path with query); an answer stops it reaching the target. */
  stub?(method: string, url: string): StubAnswer | undefined;
}

export async function startRecordingProxy(
  targetUrl: string,
  options: RecordingProxyOptions = {},
): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const requests: ProxiedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const record = (status: number) =>
        requests.push({
          method: incoming.method ?? '',
          url: incoming.url ?? '',
          headers: incoming.headers,
          body: body.toString('utf8'),
          status,
        });
      const stubbed = options.stub?.(incoming.method ?? '', incoming.url ?? '');
      if (stubbed) {
        record(stubbed.status);
        // Cross-origin callers read it as they read the target's answers (Prism allows any origin).
        outgoing.writeHead(stubbed.status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        outgoing.end(JSON.stringify(stubbed.body));
        return;
      }
      const upstream = forward(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...incoming.headers, host: target.host },
        },
        (answer) => {
          record(answer.statusCode ?? 0);
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      upstream.on('error', (error) => outgoing.writeHead(502).end(`recording proxy: ${error.message}`));
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
