import { describe, expect, it } from 'vitest';
import * as runtime from '../../src/errors.js';

// A second, separate instance of the same module: what Node gives an app that loads both the ESM and the
// CJS build (the release test checks the real builds). Its classes are distinct objects from `runtime`'s.
const otherCopySpecifier = '../../src/errors.js?other-copy'; // a variable: tsc cannot resolve a query
const otherCopy = (await import(otherCopySpecifier)) as typeof runtime;

const init = { status: 404 as const, body: { message: 'gone' }, headers: new Headers(), method: 'GET', url: '/x/1' };

describe('errors from another copy of the runtime', () => {
  it('the copies really are distinct classes', () => {
    expect(otherCopy.NotFoundError).not.toBe(runtime.NotFoundError);
  });

  it('are instances of the same-named class and of its bases, both ways', () => {
    const foreign = new otherCopy.NotFoundError(init);
    expect(foreign).toBeInstanceOf(runtime.NotFoundError);
    expect(foreign).toBeInstanceOf(runtime.APIError);
    expect(foreign).toBeInstanceOf(Error);
    expect(new runtime.NotFoundError(init)).toBeInstanceOf(otherCopy.NotFoundError);
    const timeout = new otherCopy.TimeoutError({ method: 'GET', url: '/x', timeoutMs: 5, deadline: false });
    expect(timeout).toBeInstanceOf(runtime.TimeoutError);
  });

  it('are not instances of a different class', () => {
    expect(new otherCopy.NotFoundError(init)).not.toBeInstanceOf(runtime.BadRequestError);
    expect(new otherCopy.NotFoundError(init)).not.toBeInstanceOf(runtime.ConnectionError);
    expect(new otherCopy.ConnectionError({ method: 'GET', url: '/x' })).not.toBeInstanceOf(runtime.APIError);
    expect(new otherCopy.APIError({ ...init, status: 418 })).not.toBeInstanceOf(runtime.NotFoundError);
  });

  it('a plain error or a look-alike without the brand is not a runtime error', () => {
    const lookAlike = Object.assign(new Error('404'), { name: 'NotFoundError', status: 404 });
    expect(lookAlike).not.toBeInstanceOf(runtime.NotFoundError);
    expect(new Error('x')).not.toBeInstanceOf(runtime.APIError);
    expect(null).not.toBeInstanceOf(runtime.APIError);
  });

  it('a subclass an app defines still works with instanceof', () => {
    class AppError extends runtime.NotFoundError {}
    expect(new AppError(init)).toBeInstanceOf(AppError);
    expect(new runtime.NotFoundError(init)).not.toBeInstanceOf(AppError);
    expect(new AppError(init)).toBeInstanceOf(otherCopy.NotFoundError);
  });
});
