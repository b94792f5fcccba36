import { describe, expect, it } from 'vitest';
import { sendAsRevio, startReceiver } from '../src/webhooks/receive-webhooks.js';

describe('receiving Rev.io webhooks over the loopback', () => {
  it('activates on the handshake, dispatches typed events, reports unknown ones and refuses invalid ones', async () => {
    const lines: string[] = [];
    const { url, server } = await startReceiver((line) => lines.push(line));
    try {
      expect(await sendAsRevio(url)).toEqual([
        '200 X-Hook-Secret: 6f1d2c3b-5a4e-4d7f-9a8b-0c1d2e3f4a5b',
        '200',
        '200',
        '200',
        '400',
      ]);
    } finally {
      server.close();
    }
    expect(lines).toEqual([
      'handshake: echoing X-Hook-Secret activates the receiver',
      'bill created: bill 5001 at 2024-06-01T02:10:44.12',
      'rating completed: event 774412',
      'unknown event type "payment posted" reported',
      'refused: webhook body field "object_id" is required',
    ]);
  });
});
