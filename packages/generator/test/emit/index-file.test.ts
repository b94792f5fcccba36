import { describe, expect, it } from 'vitest';
import { emitIndexFile } from '../../src/emit/index-file.js';
import { shopApi } from './fixtures/shop-api.js';
import { HEADER, print } from './print.js';

describe('emitIndexFile', () => {
  const text = print(emitIndexFile(shopApi, 'ShopClient', '@acme/runtime', HEADER).structure);

  it('exports the client by name and as the default export', () => {
    expect(text).toContain(
      "import { ShopClient } from './client.js';\nexport { ShopClient };\nexport default ShopClient;\n",
    );
    expect(text).toContain(
      "export { ShopCore } from './core.js';\nexport type { ShopClientOptions } from './core.js';",
    );
  });

  it('re-exports every resource, the models and the schema types', () => {
    expect(text).toContain(
      "export * from './resources/customers.js';\nexport * from './resources/reports.js';\nexport * from './models/index.js';\n",
    );
    expect(text).toContain("export type { components, paths } from './schema.js';");
  });

  it("re-exports the runtime's error classes, whether or not the spec documents their status", () => {
    const values = /export \{ ([^}]*) \} from '@acme\/runtime';/.exec(text)?.[1]?.split(', ');
    expect(values).toEqual(
      expect.arrayContaining(['APIError', 'NotFoundError', 'RateLimitError', 'ConnectionError', 'MissingOptionsError']),
    );
    expect(text).toMatch(
      /export type \{ CommonError, Created, [^}]*RequestOptions, SafeResult[^}]*\} from '@acme\/runtime';/,
    );
  });
});
