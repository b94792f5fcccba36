/**
 * Type-level guarantees of the generated error unions and request bodies, checked by tsc (vitest
 * typecheck mode and `tsc -p packages/client/tsconfig.json`): a `switch (err.status)` over every
 * documented status plus `case undefined` is exhaustive, leaving one out is a compile error, each case
 * narrows to its error class with the spec's body type, and JSON Patch values are typed per field.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AbortError,
  CommonError,
  ConnectionError,
  CustomersGetError,
  CustomersUpdateBody,
  ServicesUpdateBody,
  InternalServerError,
  NotesCreateError,
  NotFoundError,
  RateLimitError,
  ResponseParseError,
  RevioClient,
  TimeoutError,
  UnexpectedStatusError,
  components,
} from '../src/index.js';

/** The spec's `Error` schema (components/schemas/Error), used by every documented error response. */
type ErrorBody = components['schemas']['Error'];

describe('CustomersGetError', () => {
  it('an exhaustive switch over every documented status plus undefined compiles', () => {
    const describe = (err: CustomersGetError): string => {
      switch (err.status) {
        case 400:
        case 401:
        case 403:
        case 405:
        case 429:
        case 500:
        case 501:
        case 503:
        case 504:
          return err.message;
        case 404:
          return 'not found';
        case undefined:
          return err.kind;
        default: {
          const unreachable: never = err;
          return unreachable;
        }
      }
    };
    expectTypeOf(describe).returns.toBeString();
  });

  it('leaving out a documented status does not compile', () => {
    const describe = (err: CustomersGetError): string => {
      switch (err.status) {
        case 400:
        case 401:
        case 403:
        case 405:
        case 500:
        case 501:
        case 503:
        case 504:
          return err.message;
        case 404:
          return 'not found';
        case undefined:
          return err.kind;
        default: {
          // 429 is not handled: err is still RateLimitError here.
          // @ts-expect-error -- not exhaustive
          const unreachable: never = err;
          expectTypeOf(err).toEqualTypeOf<RateLimitError<ErrorBody>>();
          return unreachable;
        }
      }
    };
    expectTypeOf(describe).returns.toBeString();
  });

  it('leaving out case undefined (transport and unexpected responses) does not compile', () => {
    const describe = (err: CustomersGetError): string => {
      switch (err.status) {
        case 400:
        case 401:
        case 403:
        case 404:
        case 405:
        case 429:
        case 500:
        case 501:
        case 503:
        case 504:
          return err.message;
        default: {
          // @ts-expect-error -- not exhaustive: CommonError remains
          const unreachable: never = err;
          expectTypeOf(err).toEqualTypeOf<CommonError>();
          return unreachable;
        }
      }
    };
    expectTypeOf(describe).returns.toBeString();
  });

  it("case 404 narrows to NotFoundError with the spec's Error body", () => {
    const narrow = (err: CustomersGetError) => {
      if (err.status === 404) {
        expectTypeOf(err).toEqualTypeOf<NotFoundError<ErrorBody>>();
        expectTypeOf(err.body).toEqualTypeOf<ErrorBody>();
        expectTypeOf(err.body.ok).toEqualTypeOf<false>();
        expectTypeOf(err.body.message).toEqualTypeOf<string | undefined>();
        expectTypeOf(err.method).toBeString();
        expectTypeOf(err.url).toBeString();
        expectTypeOf(err.headers).toEqualTypeOf<Headers>();
      }
      if (err.status === 500) expectTypeOf(err).toEqualTypeOf<InternalServerError<ErrorBody>>();
      if (err.status === undefined) {
        expectTypeOf(err).toEqualTypeOf<
          ConnectionError | TimeoutError | AbortError | UnexpectedStatusError | ResponseParseError
        >();
        if (err.kind === 'connection') expectTypeOf(err.refused).toBeBoolean();
      }
    };
    expectTypeOf(narrow).toBeFunction();
  });

  it('a status the operation does not document is not a case', () => {
    const describe = (err: CustomersGetError): string => {
      switch (err.status) {
        // @ts-expect-error -- 418 is not in the union, so comparing with it is an error
        case 418:
          return 'teapot';
        default:
          return '';
      }
    };
    expectTypeOf(describe).returns.toBeString();
  });

  it('is what .safe() and the rejection of customers.get are typed with', () => {
    type Safe = Awaited<ReturnType<ReturnType<RevioClient['customers']['get']>['safe']>>;
    expectTypeOf<Extract<Safe, { ok: false }>['error']>().toEqualTypeOf<CustomersGetError>();
  });
});

describe('NotesCreateError (POST /Notes)', () => {
  it('an exhaustive switch compiles and a missing case does not', () => {
    const exhaustive = (err: NotesCreateError): string => {
      switch (err.status) {
        case 400:
        case 401:
        case 403:
        case 404:
        case 405:
        case 429:
        case 500:
        case 501:
        case 503:
        case 504:
          return String(err.body.message);
        case undefined:
          return err.kind;
        default: {
          const unreachable: never = err;
          return unreachable;
        }
      }
    };
    const missingCase = (err: NotesCreateError): string => {
      switch (err.status) {
        case 400:
        case 401:
        case 403:
        case 404:
        case 405:
        case 429:
        case 500:
        case 501:
        case 504:
          return String(err.body.message);
        case undefined:
          return err.kind;
        default: {
          // @ts-expect-error -- 503 is not handled
          const unreachable: never = err;
          return unreachable;
        }
      }
    };
    expectTypeOf(exhaustive).returns.toBeString();
    expectTypeOf(missingCase).returns.toBeString();
  });

  it('case 400 narrows to BadRequestError with the Error body', () => {
    const narrow = (err: NotesCreateError) => {
      if (err.status === 400) {
        expectTypeOf(err.status).toEqualTypeOf<400>();
        expectTypeOf(err.body).toEqualTypeOf<ErrorBody>();
      }
    };
    expectTypeOf(narrow).toBeFunction();
  });
});

describe('JSON Patch bodies of the PATCH methods', () => {
  it("services.update: top-level values must have the field's type", () => {
    const ok: ServicesUpdateBody = [
      { op: 'replace', path: '/description', value: 'Main line' },
      { op: 'add', path: '/provider_id', value: null },
      { op: 'remove', path: '/number' },
      { op: 'replace', path: '/fields/0/value', value: 'anything deeper is unknown' },
    ];
    expectTypeOf(ok).toEqualTypeOf<ServicesUpdateBody>();
    // @ts-expect-error -- description is a string
    const wrongType: ServicesUpdateBody = [{ op: 'replace', path: '/description', value: 42 }];
    // @ts-expect-error -- Service has no field `status`
    const unknownField: ServicesUpdateBody = [{ op: 'replace', path: '/status', value: 'x' }];
    void [wrongType, unknownField];
    const call = (client: RevioClient) => {
      // @ts-expect-error -- wrong value type, straight in the call
      void client.services.update(1, [{ op: 'replace', path: '/customer_id', value: '1001' }]);
    };
    expectTypeOf(call).toBeFunction();
  });

  it('customers.update: accepts the documented patch, rejects unknown ops and non-numeric ids', () => {
    const call = (client: RevioClient) => {
      void client.customers.update(1001, [{ op: 'replace', path: '/status', value: 'CLOSED' }]);
      // @ts-expect-error -- not a JSON Patch operation
      void client.customers.update(1001, [{ op: 'rename', path: '/status', value: 'CLOSED' }]);
      // @ts-expect-error -- ids are numbers
      void client.customers.update('1001', []);
    };
    expectTypeOf(call).toBeFunction();
  });

  it('customers.update checks value types although Customer allows additional properties', () => {
    // Customer is `additionalProperties: true`, so its type has an index signature; JsonPatch<T> must
    // still type the declared properties instead of widening every path to `unknown`.
    // @ts-expect-error status is a string
    const wrongType: CustomersUpdateBody = [{ op: 'replace', path: '/status', value: 42 }];
    // @ts-expect-error customer_id is an integer
    const wrongId: CustomersUpdateBody = [{ op: 'replace', path: '/customer_id', value: 'x' }];
    const right: CustomersUpdateBody = [{ op: 'replace', path: '/status', value: 'CLOSED' }];
    expectTypeOf([wrongType, wrongId, right]).toBeArray();
  });
});
