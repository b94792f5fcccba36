/**
 * `sdkgen generate --spec <url>` against a loopback server that requires a secret header: the header is
 * sent, and appears in no output, diagnostic or written file, whether the run succeeds or fails.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDir } from '../fixtures/output-dir.js';
import type { ScriptRun } from '@revio-sdk/test-utils';
import { sdkgen } from '../fixtures/sdkgen-cli.js';
import { neverAnswer, specServer, type Route, type SpecServer } from '../fixtures/spec-server.js';
import { fixture, tempDir } from '../fixtures/temp-dir.js';

const SECRET = 'Bearer 7f3a-very-secret-9c1d';

/** Serves `body` only to requests carrying the secret. */
function privately(body: string): Route {
  return (response) => {
    const authorized = server.requests.at(-1)?.headers['authorization'] === SECRET;
    if (authorized) response.writeHead(200, { 'content-type': 'application/yaml' }).end(body);
    else response.writeHead(401, 'Unauthorized').end();
  };
}

let server: SpecServer;
beforeAll(async () => {
  server = await specServer({
    '/api.yaml': privately(await readFile(fixture('petstore.yaml'), 'utf8')),
    '/invalid.yaml': privately(await readFile(fixture('invalid-structure.yaml'), 'utf8')),
    '/slow.yaml': neverAnswer,
  });
});
afterAll(() => server.close());

async function expectNoSecret(run: ScriptRun, out?: string): Promise<void> {
  expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
  expect(`${run.stdout}${run.stderr}`).not.toContain('7f3a');
  if (out !== undefined) expect(JSON.stringify(await snapshotDir(out))).not.toContain('7f3a');
}

// One at a time: each run starts a CLI, and several at once time out on a loaded machine.
describe('sdkgen generate with a spec URL', () => {
  it('sends --header and generates, printing the header nowhere', async () => {
    const out = path.join(await tempDir(), 'pets');
    const url = server.url('/api.yaml');
    const run = await sdkgen([
      'generate',
      '--verbose',
      '--spec',
      url,
      '--out',
      out,
      '--header',
      `Authorization: ${SECRET}`,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    await expectNoSecret(run, out);
  });

  it(`reads headers from $SDKGEN_SPEC_HEADERS; diagnostics name the URL with line, column and pointer`, async () => {
    const url = server.url('/invalid.yaml');
    const run = await sdkgen(['generate', '--spec', url, '--out', await tempDir()], {
      env: { SDKGEN_SPEC_HEADERS: `X-Other: 1\nAuthorization: ${SECRET}\n` },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${url}:10:15 #/paths/~1pets/get/parameters/0/in: `);
    await expectNoSecret(run);
  });

  it('an HTTP error is one line, and the previous output stays', async () => {
    const out = path.join(await tempDir(), 'pets');
    const url = server.url('/api.yaml');
    expect((await sdkgen(['generate', '--spec', url, '--out', out, '--header', `Authorization: ${SECRET}`])).code).toBe(
      0,
    );
    const before = await snapshotDir(out);
    const run = await sdkgen(['generate', '--spec', url, '--out', out, '--header', 'Authorization: Bearer wrong-7f3a']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${url} #: cannot read the spec: GET ${url}: HTTP 401 Unauthorized\n`);
    await expectNoSecret(run);
    expect(await snapshotDir(out)).toEqual(before);
  });

  it('a timeout is one line', async () => {
    const url = server.url('/slow.yaml');
    const run = await sdkgen(['generate', '--spec', url, '--out', await tempDir(), '--timeout', '0.5']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${url} #: cannot read the spec: GET ${url}: no complete response within 0.5 s\n`);
  });

  it('names a malformed header by its place, not its text', async () => {
    const run = await sdkgen(['generate', '--spec', server.url('/api.yaml'), '--out', 'x', '--header', 'Bearer 7f3a']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--header #1 is not written as 'Name: value'");
    await expectNoSecret(run);
  });

  it('refuses a URL that is not http(s), and --watch of a URL', async () => {
    const ftp = await sdkgen(['generate', '--spec', 'ftp://example.com/api.yaml', '--out', await tempDir()]);
    expect(ftp.code).toBe(1);
    expect(ftp.stderr).toBe(
      'ftp://example.com/api.yaml #: only http:// and https:// URLs can be fetched (ftp cannot)\n',
    );
    const watched = await sdkgen(['generate', '--watch', '--spec', server.url('/api.yaml'), '--out', 'x']);
    expect(watched.code).toBe(2);
    expect(watched.stderr).toContain('--watch needs a spec file: a URL cannot be watched');
  });
});
