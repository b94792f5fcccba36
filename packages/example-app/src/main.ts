/**
 * A small app on @revio-sdk/client: lists customers, creates a note, and handles a typed 404.
 * Credentials and the base URL come from the environment (REVIO_USERNAME, REVIO_CLIENT_CODE,
 * REVIO_PASSWORD, REVIO_SUBSCRIPTION_KEY, REVIO_BASE_URL), as they would in production.
 */
import { RevioClient, type CustomersGetError } from '@revio-sdk/client';

const client = new RevioClient({ maxRetries: 1, timeout: 10_000 });

let listed = 0;
for await (const customer of client.customers.list({ page_size: 50 })) {
  console.log(`customer ${customer.customer_id}: ${customer.status ?? 'unknown status'}`);
  if (++listed >= 10) break;
}
console.log(`listed ${listed} customer(s)`);

const note = await client.notes.create({ customer_id: 1001, body: 'Called about the March bill.' });
console.log(`created note ${note.id} at ${note.location ?? '(no Location header)'}`);

// The mock server answers with the status a request prefers; against the real API an unknown id does the same.
const missing = await client.customers.get(999_999, { headers: { Prefer: 'code=404' } }).safe();
if (missing.ok) {
  console.log(`unexpectedly found customer ${missing.data.customer_id}`);
  process.exitCode = 1;
} else {
  console.log(describeFailure(missing.error));
}

/** Every error this operation can end in, handled by status: the compiler checks nothing is missed. */
function describeFailure(error: CustomersGetError): string {
  switch (error.status) {
    case 404:
      return `customer not found (404 ${error.constructor.name}): ${JSON.stringify(error.body)}`;
    case 400:
    case 401:
    case 403:
    case 405:
    case 429:
    case 500:
    case 501:
    case 503:
    case 504:
      return `the API refused the request: ${error.status} ${error.message}`;
    case undefined:
      return `the request did not get a documented answer (${error.kind}): ${error.message}`;
    default: {
      const unhandled: never = error;
      return unhandled;
    }
  }
}
