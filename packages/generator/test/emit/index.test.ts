import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Api, Operation } from '../../src/model/types.js';
import { emitFiles, type EmitOptions } from '../../src/emit/index.js';
import { isGenerated } from '../../src/emit/header.js';
import { getCustomer, listCustomers, shopApi } from './fixtures/shop-api.js';
import { shopDocument } from './fixtures/shop-document.js';
import { typeCheck, writePackage } from './package-on-disk.js';
import { HEADER } from './print.js';

const OPTIONS: EmitOptions = {
  packageName: '@acme/shop',
  packageVersion: '1.0.0',
  clientName: 'ShopClient',
  runtimePackage: { name: '@revio-sdk/runtime', version: '0.1.0' },
  header: HEADER,
};

describe('emitFiles', () => {
  it('emits every file of the package, sorted by path, each carrying the header', async () => {
    const files = await emitFiles(shopApi, shopDocument, OPTIONS);
    expect(files.map((file) => file.path)).toEqual([
      'README.md',
      'docs/customers.md',
      'docs/errors.md',
      'docs/reports.md',
      'package.json',
      'src/client.ts',
      'src/core.ts',
      'src/funcs/customers.ts',
      'src/funcs/index.ts',
      'src/funcs/reports.ts',
      'src/index.ts',
      'src/models/components.ts',
      'src/models/index.ts',
      'src/models/operations/customers.ts',
      'src/models/operations/reports.ts',
      'src/resources/customers.ts',
      'src/resources/reports.ts',
      'src/schema.ts',
      'src/status-error-maps.ts',
      'test/generated/contract.json',
      'test/generated/contract.test.ts',
      'test/generated/mock-server.ts',
      'tsconfig.json',
    ]);
    for (const file of files) expect(isGenerated(file.contents), file.path).toBe(true);
  });

  it('is byte-for-byte deterministic', async () => {
    const [first, second] = await Promise.all([
      emitFiles(shopApi, shopDocument, OPTIONS),
      emitFiles(shopApi, shopDocument, OPTIONS),
    ]);
    expect(second).toEqual(first);
  });
});

/** Spec text that would run code if it escaped a comment, a string or a template. */
const EXIT = '*/ process.exit(1) /*';
const QUOTES = "x'); process.exit(1); ('\"`${process.exit(1)}`";

function evilOperation(operation: Operation): Operation {
  return {
    ...operation,
    summary: `${EXIT}\n@deprecated`,
    description: `${EXIT}\u2028*/process.exit(1)`,
    params: operation.params.map((param) => ({
      ...param,
      name: `${param.name}${QUOTES}`,
      wireName: QUOTES,
      description: EXIT,
    })),
    pathParams: operation.pathParams.map((param) => ({ ...param, description: EXIT })),
    errors: operation.errors.map((error) => ({ ...error, description: EXIT })),
    success: { ...operation.success, description: EXIT },
  };
}

const evilApi: Api = {
  ...shopApi,
  title: `Evil ${EXIT}`,
  description: EXIT,
  envPrefix: `EVIL_${QUOTES}`,
  servers: [{ url: `https://x.example/${QUOTES}`, defaultUrl: `https://x.example/${QUOTES}` }],
  auth: [
    {
      kind: 'apiKey',
      schemeName: 'key',
      in: 'header',
      wireName: QUOTES,
      required: false,
      option: { name: 'apiKey', envVar: `EVIL_${QUOTES}`, description: EXIT },
    },
  ],
  resources: [
    {
      ...shopApi.resources[0]!,
      description: EXIT,
      operations: [evilOperation(listCustomers), evilOperation({ ...getCustomer, path: '/customers`$\\/{id}' })],
    },
  ],
  schemas: [{ sourceName: 'Customer', typeName: 'Customer', description: EXIT }, ...shopApi.schemas.slice(1)],
};

const evilDocument = {
  ...shopDocument,
  info: { ...shopDocument.info, description: EXIT },
  components: {
    ...shopDocument.components,
    schemas: {
      ...shopDocument.components.schemas,
      Customer: { ...shopDocument.components.schemas.Customer, description: EXIT },
    },
  },
};

/** Every `process.exit(...)` call in a TypeScript module, found on its syntax tree. */
function exitCalls(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.getText(source) === 'process.exit')
      found.push(node.getText(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('emitFiles on a spec written to inject code', () => {
  it('produces modules with no injected statement that still type-check', async () => {
    const files = await emitFiles(evilApi, evilDocument, OPTIONS);
    for (const file of files.filter(({ path }) => path.endsWith('.ts'))) {
      expect(exitCalls(file.path, file.contents), file.path).toEqual([]);
      const { diagnostics = [] } = ts.transpileModule(file.contents, { reportDiagnostics: true, fileName: file.path });
      expect(
        diagnostics.map((diagnostic) => diagnostic.messageText),
        file.path,
      ).toEqual([]);
    }
    expect(typeCheck(writePackage('evil', files))).toEqual([]);
  });

  it('keeps the text as documentation: escaped in comments, not deprecating anything', async () => {
    const files = await emitFiles(evilApi, evilDocument, OPTIONS);
    const resource = files.find(({ path }) => path === 'src/resources/customers.ts')!.contents;
    expect(resource).toContain('*\\/ process.exit(1) /\\*');
    expect(resource).toContain('\\@deprecated');
    expect(resource).not.toMatch(/^\s*\* @deprecated/m);
  });

  it('keeps HTML and table-breaking text out of the docs', async () => {
    const files = await emitFiles(
      { ...evilApi, description: '<img src=x onerror=alert(1)> | -->' },
      evilDocument,
      OPTIONS,
    );
    const readme = files.find(({ path }) => path === 'README.md')!.contents;
    expect(readme).not.toContain('<img');
    expect(readme.indexOf('-->')).toBe(readme.indexOf('\n') - '-->'.length);
  });
});
