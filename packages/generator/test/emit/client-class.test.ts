import { describe, expect, it } from 'vitest';
import { emitClientFile } from '../../src/emit/client-class.js';
import type { ClientFileOptions } from '../../src/emit/core-class.js';
import { shopApi } from './fixtures/shop-api.js';
import { HEADER, print } from './print.js';

const options: ClientFileOptions = { clientName: 'ShopClient', runtimePackage: '@acme/runtime', header: HEADER };

describe('emitClientFile', () => {
  const text = print(emitClientFile(shopApi, options).structure);

  it('extends the core and has one readonly property per resource', () => {
    expect(text).toContain("import { ShopCore } from './core.js';");
    expect(text).toContain('export class ShopClient extends ShopCore {\n');
    expect(text).toContain('  readonly customers = new CustomersResource(this);\n');
    expect(text).toContain("import { CustomersResource } from './resources/customers.js';");
    expect(text).not.toContain('constructor');
  });
});
