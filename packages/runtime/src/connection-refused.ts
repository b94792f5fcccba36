/** Whether a failed fetch never reached a server, which makes even a POST safe to send again. */

/** True when `cause` (what fetch threw) says the connection was refused (ECONNREFUSED). */
export function isConnectionRefused(cause: unknown): boolean {
  return hasErrorCode(cause, 'ECONNREFUSED');
}

/** Follows `cause` (and `AggregateError.errors`) looking for a Node-style error `code`. */
function hasErrorCode(error: unknown, code: string, depth = 0): boolean {
  // Object() reads primitives, null and undefined as objects without fields.
  const { code: own, cause, errors } = Object(error) as { code?: unknown; cause?: unknown; errors?: unknown };
  return (
    own === code ||
    (error != null &&
      depth < 8 &&
      [cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])].some((inner) =>
        hasErrorCode(inner, code, depth + 1),
      ))
  );
}
