/**
 * The generated client in a real browser: a page script using @revio-sdk/client (its built ESM
 * package, bundled by esbuild for the browser) runs in headless Debian Chromium, driven by
 * playwright-core, and calls a JSON API served from the same loopback origin with the browser's own
 * fetch. Nothing from Node reaches the page.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserRunResult } from './fixtures/browser-entry.js';

const CHROMIUM = '/usr/bin/chromium';
const appDir = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('./fixtures/browser-entry.ts', import.meta.url));

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

let origin = '';
let context: BrowserContext | undefined;
let userDataDir = '';
let closeServer: () => Promise<void> = async () => {};
const apiRequests: Seen[] = [];
let bundledInputs: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's Chromium with \`apt-get install chromium\``);
  }

  // platform 'browser' fails the build on any import of a Node built-in (node:*, fs, http...).
  const bundle = await build({
    absWorkingDir: appDir, // metafile paths are relative to it
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  bundledInputs = Object.keys(bundle.metafile.inputs);
  const script = bundle.outputFiles[0]!.text;

  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url.startsWith('/api/')) {
      apiRequests.push({ method: request.method ?? '', url, headers: request.headers });
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method === 'GET' && url === '/api/v1/Customers/1001') {
        json(200, { ok: true, customer_id: 1001, status: 'ACTIVE' });
      } else if (request.method === 'GET' && url === '/api/v1/Customers/4040') {
        json(404, { ok: false, message: 'The requested resource was not found.' });
      } else {
        json(400, { ok: false, message: `unexpected ${request.method} ${url}` });
      }
    } else if (url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<!doctype html><html><head><script type="module" src="/app.js"></script></head><body></body></html>',
      );
    } else if (url === '/app.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(script);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeServer = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };

  userDataDir = await mkdtemp(join(tmpdir(), 'revio-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await closeServer();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

describe('@revio-sdk/client in headless Chromium', () => {
  it("bundles for the browser from the built ESM packages (the runtime's browser build), with no Node built-ins", () => {
    const files = bundledInputs.map((input) => resolve(appDir, input));
    expect(files).toContain(resolve(appDir, '../client/dist/index.js'));
    // The runtime's browser build, without Node-only code (environment variables, error codes).
    expect(files).toContain(resolve(appDir, '../runtime/dist/index.browser.js'));
    expect(bundledInputs.filter((input) => input.startsWith('node:') || input.includes('(disabled)'))).toEqual([]);
  });

  it("gets a customer and a typed 404 through the browser's fetch", async () => {
    const page = await context!.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });

    await page.goto(`${origin}/`);
    await page.waitForFunction(() => typeof window.runRevio === 'function');
    const result: BrowserRunResult = await page.evaluate((baseUrl) => window.runRevio(baseUrl), `${origin}/api/v1`);

    expect(result.processType).toBe('undefined');
    // Without process.env the fallback finds nothing: a clear error, not a ReferenceError.
    expect(result.construction).toEqual({
      name: 'MissingOptionsError',
      isMissingOptionsError: true,
      missing: ['username', 'clientCode', 'password'],
    });
    expect(result.getStatus).toBe(200);
    expect(result.customer).toEqual({ customer_id: 1001, status: 'ACTIVE' });
    expect(result.missing).toEqual({
      ok: false,
      isNotFoundError: true,
      name: 'NotFoundError',
      status: 404,
      body: { ok: false, message: 'The requested resource was not found.' },
      method: 'GET',
      url: `${origin}/api/v1/Customers/4040`,
      message: `404 from GET ${origin}/api/v1/Customers/4040: The requested resource was not found.`,
    });

    // The server saw the browser's fetch (Fetch Metadata headers exist only there) with the credentials.
    expect(apiRequests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/v1/Customers/1001',
      'GET /api/v1/Customers/4040',
    ]);
    for (const request of apiRequests) {
      expect(request.headers['user-agent']).toMatch(/Chrome\//);
      expect(request.headers['sec-fetch-mode']).toBe('cors');
      expect(request.headers['sec-fetch-dest']).toBe('empty');
      expect(request.headers.authorization).toBe(`Basic ${btoa('web_user@acme_sandbox:browser-secret')}`);
      expect(request.headers['ocp-apim-subscription-key']).toBe('browser-sub-key');
    }
    // Only the deliberate 404 is logged by Chromium ("Failed to load resource"); nothing threw.
    expect(pageErrors.filter((text) => !/status of 404/.test(text))).toEqual([]);
    await page.close();
  });
});
