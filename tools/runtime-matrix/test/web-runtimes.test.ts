/**
 * The built client on Deno, Bun and workerd (the Cloudflare Workers runtime), each from its npm package:
 * src/scenario/client-scenario.ts runs a GET, a paginated list, a 201 create, a typed 404, a retried 503 and
 * a timeout against a loopback server, then posts its outcome back. Deno and Bun resolve @revio-sdk/client
 * from node_modules themselves; workerd gets the bundle a Workers deploy would (esbuild, `workerd` condition).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { runProcess } from '../src/run-process.js';
import { packageBinary } from '../src/runtime-binary.js';
import { startScenarioServer, type ScenarioServer } from './fixtures/scenario-server.js';

const cliEntry = fileURLToPath(new URL('../src/scenario/cli-entry.ts', import.meta.url));
const workerEntry = fileURLToPath(new URL('../src/scenario/worker-entry.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));

interface Runtime {
  name: string;
  /** What `navigator.userAgent` says in this runtime: proof the scenario ran there. */
  userAgent: RegExp;
  command(baseUrl: string, workDir: string): Promise<[string, string[]]>;
}

const deno = packageBinary('deno');
const bun = packageBinary('bun');
const workerd = packageBinary('workerd');

const runtimes: Runtime[] = [
  {
    name: `deno ${deno.version}`,
    userAgent: new RegExp(`^Deno/${deno.version}$`),
    // --sloppy-imports: the scenario imports './x.js' for x.ts, as TypeScript's NodeNext resolution wants.
    command: async (baseUrl) => [deno.path, ['run', '--sloppy-imports', '--allow-net=127.0.0.1', cliEntry, baseUrl]],
  },
  {
    name: `bun ${bun.version}`,
    userAgent: new RegExp(`^Bun/${bun.version}$`),
    command: async (baseUrl) => [bun.path, [cliEntry, baseUrl]],
  },
  {
    name: `workerd ${workerd.version}`,
    userAgent: /^Cloudflare-Workers$/,
    command: async (baseUrl, workDir) => {
      await build({
        entryPoints: [workerEntry],
        absWorkingDir: packageDir,
        bundle: true,
        platform: 'neutral',
        conditions: ['workerd', 'worker', 'browser'],
        format: 'esm',
        outfile: join(workDir, 'worker.js'),
        logLevel: 'silent',
      });
      // A Workers deploy may not reach loopback; here the global outbound is a network allowed only that.
      const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = (
      modules = [(name = "worker.js", esModule = embed "worker.js")],
      compatibilityDate = "2026-11-01",
      bindings = [(name = "BASE_URL", text = ${JSON.stringify(baseUrl)})],
      globalOutbound = "loopback",
    )),
    (name = "loopback", network = (allow = ["local"])),
  ],
);
`;
      await writeFile(join(workDir, 'config.capnp'), config);
      return [workerd.path, ['test', join(workDir, 'config.capnp')]];
    },
  },
];

let server: ScenarioServer | undefined;
let workDir = '';
afterEach(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the built client on non-Node runtimes', () => {
  it.each(runtimes)('$name: GET, paginated list, 201 create, typed 404, retried 503, timeout', async (runtime) => {
    server = await startScenarioServer();
    workDir = await mkdtemp(join(tmpdir(), 'runtime-scenario-'));
    const [command, args] = await runtime.command(server.baseUrl, workDir);
    const { code, stdout, stderr } = await runProcess(command, args, { name: runtime.name, cwd: workDir });
    const output = stdout + stderr;
    const outcome = await Promise.race([server.outcome, delay(1_000).then(() => undefined)]);
    if (outcome === undefined) throw new Error(`${runtime.name} reported no outcome (exit code ${code}):\n${output}`);

    expect(outcome, output).toEqual({
      userAgent: expect.stringMatching(runtime.userAgent),
      customerId: 1001,
      listedIds: [1001, 1002, 1003],
      created: { id: 1013, location: '/v1/Notes/1013' },
      notFound: { isNotFoundError: true, status: 404, name: 'NotFoundError' },
      retried: { customerId: 5030 },
      timeout: { isTimeoutError: true, kind: 'timeout', timeoutMs: 300 },
    });
    expect(server.requests.map((request) => request.line)).toEqual([
      'GET /v1/Customers/1001',
      'GET /v1/Customers?page_size=2&page=1',
      'GET /v1/Customers?page_size=2&page=2',
      'POST /v1/Notes',
      'GET /v1/Customers/4040',
      'GET /v1/Customers/5030',
      'GET /v1/Customers/5030',
      'GET /v1/Customers/7000',
    ]);
    const expectedAuthorization = `Basic ${btoa('edge_user@acme_sandbox:edge-secret')}`;
    for (const { headers } of server.requests) expect(headers.authorization).toBe(expectedAuthorization);
    expect(code, output).toBe(0);
  });
});

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
