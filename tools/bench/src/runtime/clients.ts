// The ways of making the same request (GET /Customers/1, Basic auth + subscription key, JSON body
// parsed) measured by the runtime-overhead benchmark.
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { display, generatedClientEntries } from '../lib/env.js';

export type ClientId = 'generated' | 'generated-no-timeout' | 'openapi-fetch' | 'fetch' | 'fetch-signal';
export type Call = () => Promise<unknown>;

export interface LoadedClient {
  id: ClientId;
  call?: Call;
  /** Where the code came from (module path or package). */
  source: string;
  error?: string;
}

const credentials = {
  username: 'bench',
  clientCode: 'bench_sandbox',
  password: 'bench-password',
  subscriptionKey: 'bench-key',
};
const headers = {
  accept: 'application/json',
  authorization: `Basic ${btoa(`${credentials.username}@${credentials.clientCode}:${credentials.password}`)}`,
  'ocp-apim-subscription-key': credentials.subscriptionKey,
};

/** The generated client, as an app would import it; falls back to the built or source files of packages/client. */
export async function importGeneratedClient(): Promise<{ module: Record<string, unknown>; source: string }> {
  const errors: string[] = [];
  for (const entry of generatedClientEntries) {
    const isFile = isAbsolute(entry);
    if (isFile && !existsSync(entry)) {
      errors.push(`${display(entry)}: not there yet`);
      continue;
    }
    try {
      const module = (await import(isFile ? pathToFileURL(entry).href : entry)) as Record<string, unknown>;
      return { module, source: display(entry) };
    } catch (error) {
      errors.push(`${display(entry)}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(errors.join('; '));
}

export async function loadClients(baseUrl: string): Promise<LoadedClient[]> {
  const loaded: LoadedClient[] = [];

  try {
    const { module, source } = await importGeneratedClient();
    const RevioClient = module['RevioClient'] as new (options: Record<string, unknown>) => {
      customers: { get(id: number): Promise<unknown> };
    };
    const client = new RevioClient({ ...credentials, baseUrl, maxRetries: 0 });
    loaded.push({ id: 'generated', source, call: () => client.customers.get(1) });
    // Without a timeout (and no caller's signal) nothing can abort a request, so fetch gets no signal:
    // the client's own cost, apart from what Node's fetch spends on a signal.
    const untimed = new RevioClient({ ...credentials, baseUrl, maxRetries: 0, timeout: Infinity });
    loaded.push({ id: 'generated-no-timeout', source, call: () => untimed.customers.get(1) });
  } catch (error) {
    loaded.push({ id: 'generated', source: '@revio-sdk/client', error: (error as Error).message });
  }

  try {
    const { default: createClient } = await import('openapi-fetch');
    // Untyped: the types from openapi-typescript are erased at run time and do not change what runs.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const client = createClient<any>({ baseUrl, headers });
    loaded.push({
      id: 'openapi-fetch',
      source: 'openapi-fetch',
      call: async () => {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- untyped client, see above
        const { data, error } = await client.GET('/Customers/{id}', { params: { path: { id: 1 } } });
        if (error !== undefined) throw new Error(`openapi-fetch: ${JSON.stringify(error)}`);
        return data as unknown;
      },
    });
  } catch (error) {
    loaded.push({ id: 'openapi-fetch', source: 'openapi-fetch', error: (error as Error).message });
  }

  loaded.push({
    id: 'fetch',
    source: 'globalThis.fetch',
    call: async () => {
      const response = await fetch(`${baseUrl}/Customers/${encodeURIComponent(1)}`, { headers });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    },
  });
  // The least any client that can cancel a request (timeouts, abort) must do: pass fetch a signal.
  loaded.push({
    id: 'fetch-signal',
    source: 'globalThis.fetch + AbortController',
    call: async () => {
      const response = await fetch(`${baseUrl}/Customers/${encodeURIComponent(1)}`, {
        headers,
        signal: new AbortController().signal,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    },
  });
  return loaded;
}
