/**
 * A `WebhookReceiver` as a node:http handler and as a web-standard `Request` -> `Response` handler. Neither
 * imports node:http: the node adapter takes the shapes it uses, so the runtime stays loadable in browsers.
 */
import type { WebhookReceiver, WebhookRequest, WebhookResponse } from './receiver.js';

/** Bodies larger than this are refused with 413 before they are parsed. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/** What the node adapter uses of `http.IncomingMessage`. */
export interface NodeIncomingMessage extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** What the node adapter uses of `http.ServerResponse`. */
export interface NodeServerResponse {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string): unknown;
}

function methodNotAllowed(): WebhookResponse {
  return { status: 405, headers: { allow: 'POST' }, body: '' };
}

function tooLarge(): WebhookResponse {
  return { status: 413, headers: {}, body: `webhook body is larger than ${MAX_WEBHOOK_BODY_BYTES} bytes` };
}

async function readNodeBody(request: NodeIncomingMessage): Promise<string | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > MAX_WEBHOOK_BODY_BYTES) return undefined;
    chunks.push(bytes);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(body);
}

/** `(req, res) => void` for `http.createServer` (or Express): answers POST requests through `receiver`. */
export function toNodeHandler<Events extends object>(
  receiver: WebhookReceiver<Events>,
): (request: NodeIncomingMessage, response: NodeServerResponse) => Promise<void> {
  return async (request, response) => {
    let answer: WebhookResponse;
    if (request.method !== 'POST') answer = methodNotAllowed();
    else {
      const body = await readNodeBody(request);
      const header = (name: string) => {
        const value = request.headers[name.toLowerCase()];
        return Array.isArray(value) ? value[0] : value;
      };
      answer = body === undefined ? tooLarge() : await receiveSafely(receiver, { header, body });
    }
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  };
}

/** `(request: Request) => Promise<Response>` for fetch-style servers (Deno, Bun, workers, Hono...). */
export function toFetchHandler<Events extends object>(
  receiver: WebhookReceiver<Events>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    let answer: WebhookResponse;
    if (request.method !== 'POST') answer = methodNotAllowed();
    else {
      const body = await request.text();
      answer =
        new TextEncoder().encode(body).byteLength > MAX_WEBHOOK_BODY_BYTES
          ? tooLarge()
          : await receiveSafely(receiver, { header: (name) => request.headers.get(name), body });
    }
    return new Response(answer.body === '' ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
}

/** A handler's error becomes a 500 without its message, which may hold data the sender must not see. */
async function receiveSafely<Events extends object>(
  receiver: WebhookReceiver<Events>,
  request: WebhookRequest,
): Promise<WebhookResponse> {
  try {
    return await receiver.receive(request);
  } catch {
    return { status: 500, headers: {}, body: 'the webhook handler failed' };
  }
}
