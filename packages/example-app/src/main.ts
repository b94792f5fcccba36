/**
 * A small Node app on @revio-sdk/client that shows what a user needs: auto-pagination with `for await`,
 * a create, a JSON Patch update, an exhaustive `switch` over one operation's errors in no-throw mode
 * (`.safe()`), a timeout and an abort. Credentials and the base URL come from the environment
 * (REVIO_USERNAME, REVIO_CLIENT_CODE, REVIO_PASSWORD, REVIO_SUBSCRIPTION_KEY, REVIO_BASE_URL), as in production.
 */
import { AbortError, RevioClient, TimeoutError, type CustomersGetError } from '@revio-sdk/client';

async function main(): Promise<void> {
  const client = new RevioClient({ maxRetries: 1, timeout: 10_000 });

  section('List customers: for await fetches the next page when the loop needs it');
  let listed = 0;
  for await (const customer of client.customers.list({ page_size: 50 })) {
    console.log(`customer ${customer.customer_id}: ${customer.status ?? 'unknown status'}`);
    if (++listed >= 10) break;
  }
  console.log(`listed ${listed} customer(s)`);

  section('Create a note');
  const note = await client.notes.create({ customer_id: 1001, body: 'Called about the March bill.' });
  console.log(`created note ${note.id} at ${note.location ?? '(no Location header)'}`);

  section('Update a customer with a JSON Patch document');
  await client.customers.update(1001, [{ op: 'replace', path: '/status', value: 'CLOSED' }]);
  console.log('customer 1001: status replaced with CLOSED');

  section('No-throw mode: .safe() gives a result, and a switch handles every error it can hold');
  // The mock server answers with the status a request prefers; against the real API an unknown id does the same.
  const missing = await client.customers.get(999_999, { headers: { Prefer: 'code=404' } }).safe();
  if (missing.ok) {
    console.log(`unexpectedly found customer ${missing.data.customer_id}`);
    process.exitCode = 1;
  } else {
    console.log(describeFailure(missing.error));
  }

  section('A timeout: no server answers within 1 ms');
  const slow = await client.customers.get(1001, { timeout: 1, maxRetries: 0 }).safe();
  console.log(slow.ok ? 'answered within 1 ms' : describeFailure(slow.error));

  section('An abort: the caller cancels the request');
  const controller = new AbortController();
  const pending = client.customers.get(1001, { signal: controller.signal });
  controller.abort();
  const aborted = await pending.catch((error: unknown) => error);
  console.log(aborted instanceof AbortError ? describeFailure(aborted) : `not aborted: ${String(aborted)}`);
}

function section(title: string): void {
  console.log(`\n== ${title}`);
}

/** Every error `customers.get` can end in: the compiler fails this switch if a case is missing. */
function describeFailure(error: CustomersGetError): string {
  switch (error.status) {
    case 404:
      return `customer not found (404 ${error.name}): ${JSON.stringify(error.body)}`;
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
      if (error instanceof TimeoutError) return `timed out after ${error.timeoutMs} ms (${error.name})`;
      if (error instanceof AbortError) return `cancelled by the caller (${error.name})`;
      return `the request did not get a documented answer (${error.kind}, ${error.name}): ${error.message}`;
    default: {
      const unhandled: never = error;
      return unhandled;
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
