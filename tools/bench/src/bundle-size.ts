// 4. Bundle size of a browser app that makes one (and five) calls, bundled with esbuild (bundle, minify,
// esm, browser) and gzipped with zlib: the generated client (its class, and its standalone functions on
// the core) vs openapi-fetch vs hey-api's generated SDK.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { benchRoot, display, generatedClientEntries, generatedFunctionEntries } from './lib/env.js';
import { truncate } from './lib/measure.js';

/** `generated`: `new RevioClient()` and its methods; `generated-funcs`: `new RevioCore()` and standalone functions. */
export type BundleClient = 'generated' | 'generated-funcs' | 'openapi-fetch' | 'hey-api';

export interface BundleRow {
  client: BundleClient;
  /** Where the client code came from. */
  source: string;
  operations: 1 | 5;
  minified: number;
  gzip: number;
  /** Minified bytes each source file contributes (largest first), from esbuild's metafile. */
  inputs?: { path: string; bytes: number }[];
  error?: string;
}

export interface BundleResult {
  esbuildVersion: string;
  options: string;
  rows: BundleRow[];
}

const baseUrl = 'https://api.example.test/v1';

// The five operations: customers.get, customers.list, customers.create, notes.create, bills.get.
function generatedApp(importFrom: string, operations: 1 | 5): string {
  const calls = [
    `client.customers.get(1001).then(show);`,
    `client.customers.list({ page_size: 10 }).then(show);`,
    `client.customers.create({ first_name: 'Ada', last_name: 'Lovelace' } as never).then(show);`,
    `client.notes.create({ customer_id: 1001, body: 'Called.' } as never).then(show);`,
    `client.bills.get(7).then(show);`,
  ];
  return [
    `import { RevioClient } from ${JSON.stringify(importFrom)};`,
    `const show = (x: unknown) => console.log(x);`,
    `const client = new RevioClient({ username: 'u', clientCode: 'c', password: 'p', subscriptionKey: 'k', baseUrl: '${baseUrl}' });`,
    ...calls.slice(0, operations),
  ].join('\n');
}

// The same five operations as standalone functions on the core, imported one by one.
function generatedFunctionsApp(entry: { core: string; funcs: string }, operations: 1 | 5): string {
  const ops = ['customersGet', 'customersList', 'customersCreate', 'notesCreate', 'billsGet'].slice(0, operations);
  const calls = [
    `customersGet(core, 1001).then(show);`,
    `customersList(core, { page_size: 10 }).then(show);`,
    `customersCreate(core, { first_name: 'Ada', last_name: 'Lovelace' } as never).then(show);`,
    `notesCreate(core, { customer_id: 1001, body: 'Called.' } as never).then(show);`,
    `billsGet(core, 7).then(show);`,
  ];
  return [
    `import { RevioCore } from ${JSON.stringify(entry.core)};`,
    `import { ${ops.join(', ')} } from ${JSON.stringify(entry.funcs)};`,
    `const show = (x: unknown) => console.log(x);`,
    `const core = new RevioCore({ username: 'u', clientCode: 'c', password: 'p', subscriptionKey: 'k', baseUrl: '${baseUrl}' });`,
    ...calls.slice(0, operations),
  ].join('\n');
}

function openapiFetchApp(operations: 1 | 5): string {
  const calls = [
    `client.GET('/Customers/{id}', { params: { path: { id: 1001 } } }).then(show);`,
    `client.GET('/Customers', { params: { query: { page_size: 10 } } }).then(show);`,
    `client.POST('/Customers', { body: { first_name: 'Ada', last_name: 'Lovelace' } }).then(show);`,
    `client.POST('/Notes', { body: { customer_id: 1001, body: 'Called.' } }).then(show);`,
    `client.GET('/Bills/{id}', { params: { path: { id: 7 } } }).then(show);`,
  ];
  return [
    `import createClient from 'openapi-fetch';`,
    `const show = (x: unknown) => console.log(x);`,
    `const client = createClient<any>({ baseUrl: '${baseUrl}', headers: { authorization: 'Basic ' + btoa('u@c:p'), 'ocp-apim-subscription-key': 'k' } });`,
    ...calls.slice(0, operations),
  ].join('\n');
}

function heyApiApp(dir: string, operations: 1 | 5): string {
  const ops = ['customersGet', 'customersList', 'customersCreate', 'notesCreate', 'billsGet'].slice(0, operations);
  const calls = [
    `customersGet({ path: { id: 1001 } }).then(show);`,
    `customersList({ query: { page_size: 10 } } as never).then(show);`,
    `customersCreate({ body: { first_name: 'Ada', last_name: 'Lovelace' } } as never).then(show);`,
    `notesCreate({ body: { customer_id: 1001, body: 'Called.' } } as never).then(show);`,
    `billsGet({ path: { id: 7 } }).then(show);`,
  ];
  return [
    `import { client } from ${JSON.stringify(join(dir, 'client.gen.ts'))};`,
    `import { ${ops.join(', ')} } from ${JSON.stringify(join(dir, 'sdk.gen.ts'))};`,
    `const show = (x: unknown) => console.log(x);`,
    `client.setConfig({ baseUrl: '${baseUrl}', auth: (a) => (a.scheme === 'basic' ? 'u@c:p' : 'k') });`,
    ...calls.slice(0, operations),
  ].join('\n');
}

const buildOptions = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"production"' },
} as const satisfies esbuild.BuildOptions;

async function bundle(
  workDir: string,
  name: string,
  source: string,
): Promise<{ minified: number; gzip: number; inputs: { path: string; bytes: number }[] }> {
  const entry = join(workDir, `${name}.ts`);
  writeFileSync(entry, `${source}\n`);
  const result = await esbuild.build({
    ...buildOptions,
    entryPoints: [entry],
    absWorkingDir: benchRoot,
    outfile: join(workDir, `${name}.js`),
    metafile: true,
  });
  const code = result.outputFiles[0]!.contents;
  writeFileSync(join(workDir, `${name}.js`), code);
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .map(([path, { bytesInOutput }]) => ({ path: display(resolve(benchRoot, path)), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { minified: code.byteLength, gzip: gzipSync(code).byteLength, inputs };
}

function errorText(error: unknown): string {
  const e = error as { errors?: esbuild.Message[]; message?: string };
  const first = e.errors?.[0];
  return truncate(
    first
      ? `${first.text}${first.location ? ` (${first.location.file}:${first.location.line})` : ''}`
      : String(e.message).split('\n')[0]!,
    200,
  );
}

export async function measureBundles(workDir: string, heyApiRevioDir: string | undefined): Promise<BundleResult> {
  const dir = join(workDir, 'bundle');
  mkdirSync(dir, { recursive: true });
  const rows: BundleRow[] = [];
  for (const operations of [1, 5] as const) {
    // Ours: the package name as an app imports it, else the built, else the source entry.
    const errors: string[] = [];
    let row: BundleRow | undefined;
    for (const entry of generatedClientEntries) {
      if (isAbsolute(entry) && !existsSync(entry)) {
        errors.push(`${display(entry)}: not there yet`);
        continue;
      }
      try {
        const size = await bundle(dir, `generated-${operations}`, generatedApp(entry, operations));
        row = { client: 'generated', source: display(entry), operations, ...size };
        break;
      } catch (error) {
        errors.push(`${display(entry)}: ${errorText(error)}`);
      }
    }
    rows.push(
      row ?? {
        client: 'generated',
        source: '@revio-sdk/client',
        operations,
        minified: Number.NaN,
        gzip: Number.NaN,
        error: errors.join('; '),
      },
    );

    const funcErrors: string[] = [];
    let funcRow: BundleRow | undefined;
    for (const entry of generatedFunctionEntries) {
      if (isAbsolute(entry.core) && !existsSync(entry.core)) {
        funcErrors.push(`${display(entry.core)}: not there yet`);
        continue;
      }
      try {
        const size = await bundle(dir, `generated-funcs-${operations}`, generatedFunctionsApp(entry, operations));
        funcRow = {
          client: 'generated-funcs',
          source: `${display(entry.core)} + ${display(entry.funcs)}`,
          operations,
          ...size,
        };
        break;
      } catch (error) {
        funcErrors.push(`${display(entry.core)}: ${errorText(error)}`);
      }
    }
    rows.push(
      funcRow ?? {
        client: 'generated-funcs',
        source: '@revio-sdk/client/funcs',
        operations,
        minified: Number.NaN,
        gzip: Number.NaN,
        error: funcErrors.join('; '),
      },
    );

    try {
      const { inputs: _, ...size } = await bundle(dir, `openapi-fetch-${operations}`, openapiFetchApp(operations));
      rows.push({ client: 'openapi-fetch', source: 'openapi-fetch', operations, ...size });
    } catch (error) {
      rows.push({
        client: 'openapi-fetch',
        source: 'openapi-fetch',
        operations,
        minified: Number.NaN,
        gzip: Number.NaN,
        error: errorText(error),
      });
    }

    const heySource = heyApiRevioDir ? display(heyApiRevioDir) : 'hey-api output for revio.yaml';
    if (!heyApiRevioDir || !existsSync(join(heyApiRevioDir, 'sdk.gen.ts'))) {
      rows.push({
        client: 'hey-api',
        source: heySource,
        operations,
        minified: Number.NaN,
        gzip: Number.NaN,
        error: 'no hey-api output for revio.yaml (its generation failed)',
      });
      continue;
    }
    try {
      const { inputs: _, ...size } = await bundle(dir, `hey-api-${operations}`, heyApiApp(heyApiRevioDir, operations));
      rows.push({ client: 'hey-api', source: heySource, operations, ...size });
    } catch (error) {
      rows.push({
        client: 'hey-api',
        source: heySource,
        operations,
        minified: Number.NaN,
        gzip: Number.NaN,
        error: errorText(error),
      });
    }
  }
  return {
    esbuildVersion: esbuild.version,
    options:
      'esbuild bundle, minify, format esm, platform browser, `process.env.NODE_ENV` = "production"; gzip: node:zlib gzipSync, default level',
    rows,
  };
}
