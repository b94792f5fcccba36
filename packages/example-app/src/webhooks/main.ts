/** `npx nx run example-app:webhooks`: one webhook exchange end to end over the loopback, printed. */
import { sendAsRevio, startReceiver } from './receive-webhooks.js';

const { url, server } = await startReceiver((line) => console.log(`receiver: ${line}`));
try {
  for (const answer of await sendAsRevio(url)) console.log(`rev.io got: ${answer}`);
} finally {
  server.close();
}
