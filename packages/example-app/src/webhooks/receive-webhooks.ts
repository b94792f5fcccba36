/**
 * Receiving Rev.io webhooks with @revio-sdk/webhooks: a node:http server on a free loopback port answers
 * the activation handshake and dispatches notifications to typed handlers. `sendAsRevio` plays Rev.io's
 * side over the loopback, so the whole exchange runs on one machine.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRevioWebhookReceiver, toNodeHandler, type WebhookOutcome } from '@revio-sdk/webhooks';

/** What the receiver saw, in order. */
export type ReceivedLine = string;

/** Starts the receiver; `url` is where Rev.io would be told to send webhooks. */
export async function startReceiver(log: (line: ReceivedLine) => void): Promise<{ url: string; server: Server }> {
  const receiver = createRevioWebhookReceiver()
    .onHandshake(() => log('handshake: echoing X-Hook-Secret activates the receiver'))
    .on('bill created', (event) => log(`bill created: bill ${event.object_id} at ${event.created_date}`))
    .on('rating completed', (event) => log(`rating completed: event ${event.event_id}`))
    .onUnknown((event) => log(`unknown event type "${event.eventType}" reported`))
    .onOutcome((outcome: WebhookOutcome) => {
      if (outcome.kind === 'invalid') log(`refused: ${outcome.error.message}`);
    });
  const handle = toNodeHandler(receiver);
  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`, server };
}

/** Sends what Rev.io sends: the confirmation request, then notifications; returns each answer's status. */
export async function sendAsRevio(url: string): Promise<string[]> {
  const answers: string[] = [];
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
    const secret = response.headers.get('x-hook-secret');
    answers.push(`${response.status}${secret === null ? '' : ` X-Hook-Secret: ${secret}`}`);
  };
  await post('', { 'X-Hook-Secret': '6f1d2c3b-5a4e-4d7f-9a8b-0c1d2e3f4a5b' });
  const notification = { event_id: 774411, event_type: 'bill created', created_date: '2024-06-01T02:10:44.12' };
  await post(JSON.stringify({ ...notification, object_id: 5001 }));
  await post(JSON.stringify({ event_id: 774412, event_type: 'rating completed', created_date: '2024-06-01T03:00:00' }));
  await post(JSON.stringify({ ...notification, event_id: 774413, event_type: 'payment posted' }));
  await post(JSON.stringify(notification));
  return answers;
}
