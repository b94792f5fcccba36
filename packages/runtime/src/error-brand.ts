/**
 * `instanceof` across copies of the runtime. Node can load both its ESM and its CJS build in one app (a
 * client imported here and required there), each with its own classes; an error from either copy must
 * still be an instance of the class the app imported. Every runtime error carries a brand registered
 * with `Symbol.for`, which is shared by all copies, and classes are matched by name.
 */
export const RUNTIME_ERROR: unique symbol = Symbol.for('@revio-sdk/runtime.error');

type ErrorClass = abstract new (...args: never[]) => Error;

/** True when `value` is an `errorClass`, or an error of the class of the same name from another copy of the runtime. */
export function isRuntimeErrorInstance(errorClass: ErrorClass, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(errorClass, value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  for (let proto: unknown = Object.getPrototypeOf(value); isBranded(proto); proto = Object.getPrototypeOf(proto)) {
    if (proto.constructor.name === errorClass.name) return true;
  }
  return false;
}

/** A prototype of a runtime error class (of any copy); `Error.prototype` and the rest of the chain are not. */
function isBranded(proto: unknown): proto is { constructor: ErrorClass } {
  return (
    typeof proto === 'object' &&
    proto !== null &&
    Object.prototype.hasOwnProperty.call(proto, 'constructor') &&
    RUNTIME_ERROR in proto
  );
}
