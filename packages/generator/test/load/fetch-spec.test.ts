/**
 * Specs at http(s) URLs, served by a loopback server: relative `$ref`s resolve against the URL, redirects
 * are followed, and every failure is one located diagnostic that leaves the previous output as it was.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, generate, type GenerateResult } from '../../src/index.js';
import { snapshotDir } from '../fixtures/output-dir.js';
import { neverAnswer, redirectTo, specServer, type SpecServer } from '../fixtures/spec-server.js';
import { fixture, tempDir } from '../fixtures/temp-dir.js';

const SECRET = 'Bearer s3cr3t-token-9f2c';

/** The petstore spec with its Pet schema moved to `schemaRef`. */
async function petstoreWithRef(schemaRef: string): Promise<string> {
  const petstore = await readFile(fixture('petstore.yaml'), 'utf8');
  return petstore.replaceAll("'#/components/schemas/Pet'", `'${schemaRef}'`);
}

const SCHEMAS = 'Pet: { type: object, required: [id], properties: { id: { type: integer } } }\n';

function errors(result: GenerateResult): string[] {
  return result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
}

let server: SpecServer;
let other: SpecServer;
let closedUrl: string;

beforeAll(async () => {
  const closed = await specServer({});
  closedUrl = closed.url('/api.yaml');
  await closed.close();
  other = await specServer({ '/shared/schemas.yaml': SCHEMAS });
  server = await specServer({
    '/v1/api.yaml': await petstoreWithRef('./schemas.yaml#/Pet'),
    '/v1/schemas.yaml': SCHEMAS,
    '/latest': redirectTo('/v1/api.yaml'),
    '/slow.yaml': neverAnswer,
    '/cross.yaml': await petstoreWithRef(`${other.url('/shared/schemas.yaml')}#/Pet`),
    '/broken-ref.yaml': await petstoreWithRef('./nowhere.yaml#/Pet'),
    '/invalid.yaml': await readFile(fixture('invalid-structure.yaml'), 'utf8'),
  });
});

afterAll(async () => {
  await Promise.all([server.close(), other.close()]);
});

describe('generate() from a URL', () => {
  it('resolves relative $refs against the URL and names the URL in the generated header', async () => {
    const out = path.join(await tempDir(), 'pets');
    const result = await generate({ spec: server.url('/v1/api.yaml'), out });
    expect(errors(result)).toEqual([]);
    expect(result.operations).toBe(2);
    expect(result.sources).toEqual([server.url('/v1/api.yaml'), server.url('/v1/schemas.yaml')]);
    expect(await readFile(path.join(out, 'src/index.ts'), 'utf8')).toContain(`from ${server.url('/v1/api.yaml')}.`);
  });

  it('follows a redirect, resolving $refs against where it led', async () => {
    const result = await generate({ spec: server.url('/latest'), out: path.join(await tempDir(), 'pets') });
    expect(errors(result)).toEqual([]);
    expect(result.sources).toEqual([server.url('/v1/api.yaml'), server.url('/v1/schemas.yaml')]);
  });

  it('sends the headers to the spec origin only, never to a $ref on another host, and never prints them', async () => {
    const out = path.join(await tempDir(), 'pets');
    const result = await generate({
      spec: server.url('/cross.yaml'),
      out,
      remote: { headers: { Authorization: SECRET } },
    });
    expect(errors(result)).toEqual([]);
    expect(server.requests.find((r) => r.url === '/cross.yaml')?.headers['authorization']).toBe(SECRET);
    expect(other.requests.map((r) => r.headers['authorization'])).toEqual([undefined]);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(await snapshotDir(out))).not.toContain(SECRET);
  });

  it('names the URL with line, column and pointer in diagnostics', async () => {
    const result = await generate({ spec: server.url('/invalid.yaml'), out: await tempDir() });
    expect(errors(result)).toContain(
      `${server.url('/invalid.yaml')}:10:15 #/paths/~1pets/get/parameters/0/in: ` +
        '`in` can be one of the following only: "query", "header", "path", "cookie".',
    );
  });

  describe('fails with one clear line and leaves the previous output intact', () => {
    let out: string;
    let before: Record<string, string>;
    beforeAll(async () => {
      out = path.join(await tempDir(), 'pets');
      expect((await generate({ spec: fixture('petstore.yaml'), out })).ok).toBe(true);
      before = await snapshotDir(out);
    });

    const failures = [
      {
        name: 'a 404',
        spec: () => server.url('/missing.yaml'),
        want: (url: string) => `GET ${url}: HTTP 404 Not Found`,
      },
      {
        name: 'a server slower than the timeout',
        spec: () => server.url('/slow.yaml'),
        want: (url: string) => `GET ${url}: no complete response within 0.3 s`,
      },
      {
        name: 'a host that does not answer',
        spec: () => closedUrl,
        want: (url: string) => `GET ${url}: cannot connect (ECONNREFUSED)`,
      },
      {
        name: 'a URL that is not http(s)',
        spec: () => 'ftp://127.0.0.1/api.yaml',
        want: () => 'only http:// and https:// URLs can be fetched (ftp cannot)',
      },
    ];
    it.each(failures)('$name', async ({ spec, want }) => {
      const url = spec();
      const result = await generate({ spec: url, out, remote: { timeoutMs: 300, headers: { Authorization: SECRET } } });
      const expected = want(url);
      expect(errors(result)).toEqual([
        `${url} #: ${expected.startsWith('GET') ? 'cannot read the spec: ' : ''}${expected}`,
      ]);
      expect(JSON.stringify(result)).not.toContain(SECRET);
      expect(await snapshotDir(out)).toEqual(before);
    });

    it('a $ref to a URL that answers 404', async () => {
      const result = await generate({ spec: server.url('/broken-ref.yaml'), out });
      expect(errors(result).join('\n')).toContain(`GET ${server.url('/nowhere.yaml')}: HTTP 404 Not Found`);
      expect(await snapshotDir(out)).toEqual(before);
    });

    it('a local spec that changes while it is being read', async () => {
      const dir = await tempDir();
      const spec = path.join(dir, 'api.yaml');
      // The server rewrites the spec while the loader is resolving the spec's $ref to it.
      const editing = await specServer({
        '/schemas.yaml': (response) => {
          void writeFile(spec, 'openapi: 3.1.0\n# saved mid-read\n').then(() =>
            response.writeHead(200, { 'content-type': 'application/yaml' }).end(SCHEMAS),
          );
        },
      });
      try {
        await writeFile(spec, await petstoreWithRef(`${editing.url('/schemas.yaml')}#/Pet`));
        const result = await generate({ spec, out });
        expect(errors(result)).toEqual([
          `${spec} #: changed while it was being read; nothing was generated from it (run again once the edit is saved)`,
        ]);
        expect(await snapshotDir(out)).toEqual(before);
      } finally {
        await editing.close();
      }
    });
  });
});
