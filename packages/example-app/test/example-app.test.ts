/**
 * The app users run with `npm start`: the built example app (dist/main.js, built by the test target's
 * dependency on `build`) against a Prism mock of openapi/revio.yaml, with credentials from the
 * environment as in production. Its output lines are the contract.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startMock, type MockServer } from 'mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const mainJs = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const spec = fileURLToPath(new URL('../../../openapi/revio.yaml', import.meta.url));

let mock: MockServer | undefined;

beforeAll(async () => {
  mock = await startMock(spec);
}, 90_000);

afterAll(async () => {
  await mock?.stop();
});

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runApp(env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('REVIO_')));
    const child = spawn(process.execPath, [mainJs], {
      cwd: appDir,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('example app (dist/main.js) against the Prism mock', () => {
  it('lists customers, prints the created note id and shows the typed 404', async () => {
    expect(existsSync(mainJs), `${mainJs} is missing: run \`npx nx run example-app:build\``).toBe(true);
    const { code, stdout, stderr } = await runApp({
      REVIO_USERNAME: 'demo',
      REVIO_CLIENT_CODE: 'demo_sandbox',
      REVIO_PASSWORD: 'demo-password',
      REVIO_SUBSCRIPTION_KEY: 'demo-subscription-key',
      REVIO_BASE_URL: mock!.url,
    });
    const context = `stdout:\n${stdout}\nstderr:\n${stderr}`;
    expect(code, context).toBe(0);

    const lines = stdout.trimEnd().split('\n');
    const customerLines = lines.filter(
      (line) => line.startsWith('customer ') && !line.startsWith('customer not found'),
    );
    expect(customerLines.length, context).toBeGreaterThan(0);
    for (const line of customerLines) expect(line).toMatch(/^customer \d+: (ACTIVE|CLOSED|unknown status)$/);
    // The spec's example customer, served by Prism.
    expect(customerLines[0]).toBe('customer 1001: ACTIVE');

    expect(lines).toContain(`listed ${customerLines.length} customer(s)`);
    const note = lines.find((line) => line.startsWith('created note '));
    // The guides' example (see the spec): the body's id (11027) differs from the Location's (1013) and the
    // client takes the body's.
    expect(note, context).toBe('created note 11027 at http://restapi.rev.io/v1/Notes/1013');

    const notFound = lines.find((line) => line.startsWith('customer not found'));
    expect(notFound, context).toMatch(/^customer not found \(404 NotFoundError\): \{"ok":false,"message":"[^"]+"\}$/);
    expect(lines).toHaveLength(customerLines.length + 3);
  });

  it('fails at start-up naming the missing credentials when the environment has none', async () => {
    const { code, stderr } = await runApp({ REVIO_BASE_URL: mock!.url });
    expect(code).not.toBe(0);
    expect(stderr).toContain('MissingOptionsError');
    for (const env of ['REVIO_USERNAME', 'REVIO_CLIENT_CODE', 'REVIO_PASSWORD']) expect(stderr).toContain(env);
  });
});
