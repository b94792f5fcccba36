/**
 * A standalone function has its method's exact signature after the client: the same parameter types,
 * the same `APIPromise` and the same error union, so `.safe()` narrows the same way.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { RevioCore } from '../src/core.js';
import type { customersGet, customersList, customersUpdate } from '../src/funcs/index.js';
import type { APIPromise, CustomersGetError, CustomersGetResponse, NotFoundError, RevioClient } from '../src/index.js';

type Method<Name extends keyof RevioClient['customers']> = RevioClient['customers'][Name];
type Rest<F> = F extends (client: never, ...rest: infer R) => unknown ? R : never;

describe('standalone functions', () => {
  it('take a core (or the client) first, then the method arguments', () => {
    expectTypeOf<Parameters<typeof customersGet>[0]>().toMatchTypeOf<RevioCore>();
    expectTypeOf<RevioClient>().toMatchTypeOf<Parameters<typeof customersGet>[0]>();
    expectTypeOf<Rest<typeof customersGet>>().toEqualTypeOf<Parameters<Method<'get'>>>();
    expectTypeOf<Rest<typeof customersList>>().toEqualTypeOf<Parameters<Method<'list'>>>();
    expectTypeOf<Rest<typeof customersUpdate>>().toEqualTypeOf<Parameters<Method<'update'>>>();
  });

  it('return the method type: the same data and error union', () => {
    expectTypeOf<ReturnType<typeof customersGet>>().toEqualTypeOf<ReturnType<Method<'get'>>>();
    expectTypeOf<ReturnType<typeof customersGet>>().toEqualTypeOf<
      APIPromise<CustomersGetResponse, CustomersGetError>
    >();
    expectTypeOf<ReturnType<typeof customersList>>().toEqualTypeOf<ReturnType<Method<'list'>>>();
  });

  it('narrow a .safe() error on its status', () => {
    const handle = async (core: RevioCore): Promise<string> => {
      const result = await (null as unknown as typeof customersGet)(core, 1).safe();
      if (result.ok) return 'ok';
      switch (result.error.status) {
        case 404:
          expectTypeOf(result.error).toMatchTypeOf<NotFoundError>();
          return 'missing';
        case undefined:
          return result.error.kind;
        default:
          return String(result.error.status);
      }
    };
    expectTypeOf(handle).toBeFunction();
  });
});
