/**
 * The app users run with `npm start`: the built example app against a Prism mock of openapi/revio.yaml,
 * with credentials from the environment as in production, on every Node of the matrix and from both
 * builds (dist/main.js imports the client's ESM build, dist/main.cjs require()s its CJS build). A
 * recording proxy between the app and Prism shows what the mock received. Its output lines are the contract.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startMock, startRecordingProxy, type MockServer, type RecordingProxy } from 'mock-server';
import { nodeRuntimes, runProcess, type ProcessResult } from 'runtime-matrix';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const spec = fileURLToPath(new URL('../../../openapi/revio.yaml', import.meta.url));
const credentials = {
  REVIO_USERNAME: 'demo',
  REVIO_CLIENT_CODE: 'demo_sandbox',
  REVIO_PASSWORD: 'demo-password',
  REVIO_SUBSCRIPTION_KEY: 'demo-subscription-key',
};

let mock: MockServer | undefined;
let proxy: RecordingProxy | undefined;

beforeAll(async () => {
  mock = await startMock(spec);
}, 90_000);

afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
});

afterAll(async () => {
  await mock?.stop();
});

function runApp(name: string, node: string, main: string, env: Record<string, string>): Promise<ProcessResult> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('REVIO_')));
  return runProcess(node, [main], { name, cwd: appDir, env: { ...inherited, ...env }, timeoutMs: 45_000 });
}

const builds = [
  { build: 'esm', main: 'dist/main.js' },
  { build: 'cjs', main: 'dist/main.cjs' },
] as const;

describe('example app against the Prism mock', () => {
  for (const runtime of nodeRuntimes) {
    for (const { build, main } of builds) {
      it(`runs every section on ${runtime.name}, ${build} build (${main})`, async () => {
        const mainPath = fileURLToPath(new URL(`../${main}`, import.meta.url));
        expect(existsSync(mainPath), `${main} is missing: run \`npx nx run example-app:build\``).toBe(true);
        const node = await runtime.binary();
        proxy = await startRecordingProxy(mock!.url);
        const { code, stdout, stderr } = await runApp(runtime.name, node, mainPath, {
          ...credentials,
          REVIO_BASE_URL: proxy.url,
          // Proves which Node ran it: the app itself does not print its version.
          NODE_OPTIONS: `--require=${fileURLToPath(new URL('./fixtures/print-node-version.cjs', import.meta.url))}`,
        });
        const context = `stdout:\n${stdout}\nstderr:\n${stderr}`;
        expect(code, context).toBe(0);
        expect(stderr, context).toContain(`node ${runtime.version}`);

        const customers = stdout.match(/^customer \d+: (ACTIVE|CLOSED|unknown status)$/gm) ?? [];
        expect(customers[0], context).toBe('customer 1001: ACTIVE'); // the spec's example, served by Prism
        expect(stdout).toBe(
          [
            '',
            '== List customers: for await fetches the next page when the loop needs it',
            ...customers,
            `listed ${customers.length} customer(s)`,
            '',
            '== Create a note',
            // The guides' example (see the spec): the client takes the body's id (11027), not the Location's.
            'created note 11027 at http://restapi.rev.io/v1/Notes/1013',
            '',
            '== Update a customer with a JSON Patch document',
            'customer 1001: status replaced with CLOSED',
            '',
            '== No-throw mode: .safe() gives a result, and a switch handles every error it can hold',
            'customer not found (404 NotFoundError): {"ok":false,"message":"The requested resource was not found."}',
            '',
            '== A timeout: no server answers within 1 ms',
            'timed out after 1 ms (TimeoutError)',
            '',
            '== An abort: the caller cancels the request',
            'cancelled by the caller (AbortError)',
            '',
          ].join('\n'),
        );

        // What the mock received: every request authenticated, the list paged, the writes' bodies as sent.
        const received = proxy.requests.filter(
          (request) => request.url !== '/Customers/1001' || request.method !== 'GET',
        );
        expect(received.map((r) => `${r.method} ${r.url} -> ${r.status}`)).toEqual([
          'GET /Customers?page_size=50&page=1 -> 200',
          'POST /Notes -> 201',
          'PATCH /Customers/1001 -> 200',
          'GET /Customers/999999 -> 404',
        ]);
        const [, create, patch] = received;
        expect(JSON.parse(create!.body)).toEqual({ customer_id: 1001, body: 'Called about the March bill.' });
        expect(patch!.headers['content-type']).toBe('application/json-patch+json');
        expect(JSON.parse(patch!.body)).toEqual([{ op: 'replace', path: '/status', value: 'CLOSED' }]);
        const authorization = `Basic ${btoa('demo@demo_sandbox:demo-password')}`;
        for (const request of proxy.requests) {
          expect(request.headers.authorization).toBe(authorization);
          expect(request.headers['ocp-apim-subscription-key']).toBe('demo-subscription-key');
        }
      });
    }
  }

  it('fails at start-up naming the missing credentials when the environment has none', async () => {
    const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
    const { code, stderr } = await runApp('node', process.execPath, main, { REVIO_BASE_URL: mock!.url });
    expect(code).not.toBe(0);
    expect(stderr).toContain('MissingOptionsError');
    for (const env of ['REVIO_USERNAME', 'REVIO_CLIENT_CODE', 'REVIO_PASSWORD']) expect(stderr).toContain(env);
  });
});
