/**
 * What every non-Node runtime must do with the built client, against test/fixtures/scenario-server.ts:
 * a GET, a paginated list, a create answered 201, a typed 404, a GET retried after a 503, and a timeout.
 * The outcome is posted back to the server, which works the same in a CLI runtime and in a worker.
 */
import { NotFoundError, RevioClient, TimeoutError } from '@revio-sdk/client';

export interface ScenarioOutcome {
  userAgent: string;
  customerId: number;
  listedIds: number[];
  created: { id: unknown; location: string | undefined };
  notFound: { isNotFoundError: boolean; status: number | undefined; name: string };
  retried: { customerId: number };
  timeout: { isTimeoutError: boolean; kind: string | undefined; timeoutMs: number | undefined };
}

export async function runScenario(baseUrl: string): Promise<void> {
  const outcome = await scenario(baseUrl).catch((error: unknown) => ({ error: String((error as Error).stack) }));
  await fetch(`${new URL(baseUrl).origin}/__outcome`, { method: 'POST', body: JSON.stringify(outcome) });
}

async function scenario(baseUrl: string): Promise<ScenarioOutcome> {
  const client = new RevioClient({
    username: 'edge_user',
    clientCode: 'acme_sandbox',
    password: 'edge-secret',
    subscriptionKey: 'edge-sub-key',
    baseUrl,
  });

  const customer = await client.customers.get(1001);
  const listedIds: number[] = [];
  for await (const listed of client.customers.list({ page_size: 2 })) listedIds.push(listed.customer_id);
  const note = await client.notes.create({ customer_id: 1001, body: 'Called from the edge.' });
  const missing = await client.customers.get(4040).safe();
  const retried = await client.customers.get(5030);
  const slow = await client.customers.get(7000, { timeout: 300, maxRetries: 0 }).safe();

  return {
    userAgent: navigator.userAgent,
    customerId: customer.customer_id,
    listedIds,
    created: { id: note.id, location: note.location },
    notFound: missing.ok
      ? { isNotFoundError: false, status: 200, name: 'none' }
      : {
          isNotFoundError: missing.error instanceof NotFoundError,
          status: missing.error.status,
          name: missing.error.name,
        },
    retried: { customerId: retried.customer_id },
    timeout: slow.ok
      ? { isTimeoutError: false, kind: undefined, timeoutMs: undefined }
      : {
          isTimeoutError: slow.error instanceof TimeoutError,
          kind: slow.error.status === undefined ? slow.error.kind : undefined,
          timeoutMs: slow.error instanceof TimeoutError ? slow.error.timeoutMs : undefined,
        },
  };
}
