/**
 * A throwaway verdaccio registry: pinned verdaccio from this workspace, on a free loopback port, with its
 * config, storage and htpasswd in a temp dir. Publishing needs a login, which `startRegistry` makes
 * (a random password that lives as long as the registry), so npm publishes as it would to a real one.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort } from 'mock-server';
import { stopProcessGroup } from 'mock-server/process-group';

export interface Registry {
  url: string;
  /** A token that may publish. */
  token: string;
  stop(): Promise<void>;
}

/** The pinned verdaccio's CLI script. */
function verdaccioBin(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('verdaccio/package.json');
  const { bin } = require(manifest) as { bin: string | Record<string, string> };
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin['verdaccio']!);
}

/** Starts verdaccio with everything under `dir`; it serves only what is published to it (no uplinks). */
export async function startRegistry(dir: string): Promise<Registry> {
  await mkdir(path.join(dir, 'storage'), { recursive: true });
  const config = path.join(dir, 'config.yaml');
  await writeFile(path.join(dir, 'htpasswd'), '');
  await writeFile(config, verdaccioConfig(dir));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [verdaccioBin(), '--config', config, '--listen', `127.0.0.1:${port}`], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const stop = () => stopProcessGroup(child);
  try {
    await waitForPing(url, () => child.exitCode !== null, 60_000);
    const token = await addUser(url, 'release-local', randomBytes(18).toString('base64url'));
    return { url, token, stop };
  } catch (error) {
    await stop();
    throw new Error(`verdaccio did not start on ${url}: ${(error as Error).message}\n${output}`, { cause: error });
  }
}

/** Resolves once `GET /-/ping` answers 200; rejects when the registry is unreachable after `timeoutMs`. */
export async function waitForPing(url: string, exited: () => boolean = () => false, timeoutMs = 0): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const problem = await ping(url);
    if (problem === undefined) return;
    if (exited() || Date.now() >= deadline) throw new Error(problem);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function ping(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(new URL('-/ping', url), { signal: AbortSignal.timeout(5_000) });
    return response.ok ? undefined : `GET /-/ping answered ${response.status}`;
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    return cause?.message ?? (error as Error).message;
  }
}

/** Creates a user (as `npm adduser` does) and returns its token. */
async function addUser(url: string, name: string, password: string): Promise<string> {
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || body.token === undefined)
    throw new Error(`adding a user: ${response.status} ${body.error ?? ''}`);
  return body.token;
}

function verdaccioConfig(dir: string): string {
  return [
    `storage: ${JSON.stringify(path.join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(path.join(dir, 'htpasswd'))}`,
    '    max_users: 1',
    'uplinks: {}',
    'packages:',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    'web:',
    '  enable: false',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}
