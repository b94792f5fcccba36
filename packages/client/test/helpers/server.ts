/**
 * The shared loopback server (`@revio-sdk/test-utils`) as the client's tests use it, with the Rev.io
 * credentials they send. Nothing in the client or runtime is mocked.
 */
import { startServer as startLoopbackServer, type Handler, type RecordedRequest } from '@revio-sdk/test-utils';

export interface TestServer {
  /** The API root to give the client: `http://127.0.0.1:<port>/v1`, so the test also proves the base path is kept. */
  baseUrl: string;
  requests: RecordedRequest[];
}

/** Starts a server on a free port, closed when the test finishes. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const { url, requests } = await startLoopbackServer(handler);
  return { baseUrl: `${url}/v1`, requests };
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
