import { describe, expectTypeOf, it } from 'vitest';
import type {
  AbortError,
  APIError,
  BadRequestError,
  CommonError,
  ConnectionError,
  NotFoundError,
  ResponseParseError,
  TimeoutError,
  TransportError,
} from '../src/index.js';
import { UnexpectedStatusError } from '../src/index.js';

interface ErrorBody {
  ok: false;
  message?: string;
}

/** An operation's error union, as the generator emits it. */
type GetCustomerError = BadRequestError<ErrorBody> | NotFoundError<ErrorBody> | APIError<418, string> | CommonError;

describe('error unions', () => {
  it('narrow on status', () => {
    const narrow = (err: GetCustomerError) => {
      switch (err.status) {
        case 404:
          expectTypeOf(err).toEqualTypeOf<NotFoundError<ErrorBody>>();
          expectTypeOf(err.body).toEqualTypeOf<ErrorBody>();
          break;
        case 418:
          expectTypeOf(err.body).toEqualTypeOf<string>();
          break;
        case undefined:
          expectTypeOf(err).toEqualTypeOf<CommonError>();
          if (err.kind === 'unexpected_status') expectTypeOf(err).toEqualTypeOf<UnexpectedStatusError>();
          break;
      }
    };
    expectTypeOf(narrow).toBeFunction();
  });

  it('can be checked exhaustive', () => {
    const exhaustive = (err: GetCustomerError): string => {
      switch (err.status) {
        case 400:
          return 'bad request';
        case 404:
          return 'not found';
        case 418:
          return 'teapot';
        case undefined:
          return err.kind;
        default: {
          const unreachable: never = err;
          return unreachable;
        }
      }
    };
    expectTypeOf(exhaustive).returns.toBeString();
  });

  it('reject a switch with a missing case', () => {
    const incomplete = (err: GetCustomerError): string => {
      switch (err.status) {
        case 400:
          return 'bad request';
        case 418:
          return 'teapot';
        case undefined:
          return err.kind;
        default: {
          // @ts-expect-error -- 404 is not handled, so err is NotFoundError here, not never
          const unreachable: never = err;
          return unreachable;
        }
      }
    };
    expectTypeOf(incomplete).returns.toBeString();
  });

  it('give every non-HTTP error a literal kind and no status', () => {
    expectTypeOf<TransportError>().toEqualTypeOf<ConnectionError | TimeoutError | AbortError>();
    expectTypeOf<CommonError['kind']>().toEqualTypeOf<
      'connection' | 'timeout' | 'abort' | 'unexpected_status' | 'parse'
    >();
    expectTypeOf<CommonError['status']>().toEqualTypeOf<undefined>();
    expectTypeOf<ResponseParseError['httpStatus']>().toEqualTypeOf<number>();
    expectTypeOf<NotFoundError['status']>().toEqualTypeOf<404>();
  });
});

describe('the body of an undocumented status', () => {
  it('is unknown unless given: existing uses keep their meaning', () => {
    expectTypeOf<CommonError>().toEqualTypeOf<CommonError<unknown>>();
    expectTypeOf<UnexpectedStatusError['body']>().toEqualTypeOf<unknown>();
    const body: unknown = undefined;
    const failure = new UnexpectedStatusError({
      method: 'GET',
      url: 'https://x.invalid',
      httpStatus: 418,
      body,
      headers: new Headers(),
    });
    expectTypeOf(failure).toEqualTypeOf<UnexpectedStatusError>();
  });

  it('narrows to the catch-all body type on kind', () => {
    const narrow = (err: NotFoundError<ErrorBody> | CommonError<ErrorBody>) => {
      if (err.status === undefined && err.kind === 'unexpected_status') {
        expectTypeOf(err).toEqualTypeOf<UnexpectedStatusError<ErrorBody>>();
        expectTypeOf(err.body).toEqualTypeOf<ErrorBody>();
      }
    };
    expectTypeOf(narrow).toBeFunction();
  });

  it('a typed union is still a CommonError', () => {
    expectTypeOf<CommonError<ErrorBody>>().toExtend<CommonError>();
  });
});
