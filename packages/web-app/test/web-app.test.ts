/**
 * The web app as a user gets it: built by Vite, served from one loopback origin, run in Debian's headless
 * Chromium (playwright-core, no browser download). It calls the Prism mock on another origin through a
 * recording proxy, so the CORS preflight with the Authorization and subscription-key headers is seen.
 * Prism's examples are one page long, so the proxy answers the two customer-list pages itself.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMock, startRecordingProxy, type MockServer, type RecordingProxy } from 'mock-server';
import { chromium, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumSkipReason } from './fixtures/chromium.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const spec = fileURLToPath(new URL('../../../openapi/revio.yaml', import.meta.url));
const screenshot = fileURLToPath(new URL('../test-results/web-app.png', import.meta.url));
const skipReason = chromiumSkipReason();
if (skipReason) console.log(`web-app browser test skipped: ${skipReason}`);

const listPages: Record<string, { customer_id: number; status: string }[]> = {
  '1': [
    { customer_id: 1001, status: 'ACTIVE' },
    { customer_id: 1002, status: 'CLOSED' },
  ],
  '2': [{ customer_id: 1003, status: 'ACTIVE' }],
};

let mock: MockServer | undefined;
let proxy: RecordingProxy | undefined;
let site: Server | undefined;
let siteOrigin = '';
let context: BrowserContext | undefined;
let bundle = '';
const tempDirs: string[] = [];

beforeAll(async () => {
  if (skipReason) return;
  const outDir = await mkdtemp(join(tmpdir(), 'web-app-dist-'));
  const userDataDir = await mkdtemp(join(tmpdir(), 'web-app-chromium-'));
  tempDirs.push(outDir, userDataDir);
  await build({ root: appDir, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const assets = join(outDir, 'assets');
  const scripts = (await readdir(assets)).filter((file) => file.endsWith('.js'));
  bundle = (await Promise.all(scripts.map((file) => readFile(join(assets, file), 'utf8')))).join('\n');
  site = await serveStatic(outDir);
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

  mock = await startMock(spec);
  proxy = await startRecordingProxy(mock.url, {
    stub: (method, url) => {
      const query = new URL(url, 'http://x').searchParams;
      if (method !== 'GET' || !url.startsWith('/Customers?')) return undefined;
      const page = query.get('page') ?? '1';
      const records = listPages[page] ?? [];
      return { status: 200, body: { ok: true, has_more: page === '1', record_count: records.length, records } };
    },
  });

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
}, 120_000);

afterAll(async () => {
  await context?.close();
  await proxy?.stop();
  await mock?.stop();
  site?.closeAllConnections();
  await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)));
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(skipReason)('web app (Vite build) in headless Chromium against the Prism mock', () => {
  it("bundles the client's browser build: nothing of Node (process, node: modules) reaches the page", () => {
    expect(bundle).toContain('RevioClient');
    expect(bundle).not.toMatch(/\bprocess\b|["']node:/);
  });

  it('lists customers page by page, creates a note and shows a typed 404', async () => {
    const page = await context!.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${siteOrigin}/`);
    await page.fill('#base-url', proxy!.url);
    await page.fill('#username', 'web_user');
    await page.fill('#client-code', 'acme_sandbox');
    await page.fill('#password', 'browser-secret');
    await page.fill('#subscription-key', 'browser-sub-key');
    await page.click('#connect button');

    await expect.poll(() => page.textContent('#page-label')).toBe('(page 1)');
    expect(await page.locator('#customers li').allTextContents()).toEqual(['1001: ACTIVE', '1002: CLOSED']);
    await page.click('#next-page');
    await expect.poll(() => page.textContent('#page-label')).toBe('(page 2)');
    expect(await page.locator('#customers li').allTextContents()).toEqual(['1003: ACTIVE']);
    expect(await page.isDisabled('#next-page')).toBe(true);

    await page.fill('#note-customer', '1001');
    await page.fill('#note-body', 'Called about the March bill.');
    await page.click('#note button');
    // Prism serves the spec's example: the body's id, 11027.
    await expect.poll(() => page.textContent('#note-result')).toBe('Note 11027 created.');

    await page.fill('#lookup-id', '999999');
    await page.selectOption('#mock-status', '404');
    await page.click('#lookup button');
    await expect.poll(() => page.textContent('#lookup-result')).toBe('No customer 999999 (404 NotFoundError).');
    expect(await page.textContent('#error')).toBe('');

    await mkdir(join(appDir, 'test-results'), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();

    const requests = proxy!.requests;
    expect(requests.filter((r) => r.method !== 'OPTIONS').map((r) => `${r.method} ${r.url} -> ${r.status}`)).toEqual([
      'GET /Customers?page_size=2&page=1 -> 200',
      'GET /Customers?page_size=2&page=2 -> 200',
      'POST /Notes -> 201',
      'GET /Customers/999999 -> 404',
    ]);
    // Cross-origin with credentials headers: Chromium asked Prism first, and Prism allowed it.
    const preflights = requests.filter((r) => r.method === 'OPTIONS');
    expect(preflights.length).toBeGreaterThan(0);
    for (const preflight of preflights) {
      expect(preflight.headers.origin).toBe(siteOrigin);
      const asked = String(preflight.headers['access-control-request-headers']).split(',');
      expect(asked).toEqual(expect.arrayContaining(['authorization', 'ocp-apim-subscription-key']));
      expect(preflight.status).toBeLessThan(300);
    }
    for (const request of requests.filter((r) => r.method !== 'OPTIONS')) {
      expect(request.headers.origin).toBe(siteOrigin);
      expect(request.headers['user-agent']).toMatch(/Chrome\//);
      expect(request.headers.authorization).toBe(`Basic ${btoa('web_user@acme_sandbox:browser-secret')}`);
      expect(request.headers['ocp-apim-subscription-key']).toBe('browser-sub-key');
    }
  });
});

/** Serves a built site from `root` on a free loopback port. */
async function serveStatic(root: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = join(root, path === '/' ? 'index.html' : path);
    readFile(file).then(
      (content) => {
        response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
        response.end(content);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
