/**
 * What a caller should do about an error status: HTTP's meaning of the status, and what the runtime's
 * retry policy (`packages/runtime/src/retry.ts`) already does about it, so the advice matches the client.
 */
const ADVICE: Readonly<Record<number, string>> = {
  400: 'Fix the request: check the parameters and body against the operation. Not retried.',
  401: 'Check the credentials (the client options or their environment variables). Not retried.',
  402: 'The account must be paid up or upgraded before the call can succeed. Not retried.',
  403: 'The credentials are valid but lack permission for this call. Not retried.',
  404: 'Check the id or the path: the record does not exist, or these credentials cannot see it.',
  405: 'This resource does not support the method. Not retried.',
  406: 'The server cannot answer in the requested format. Not retried.',
  409: 'The request conflicts with the current state: read the record again, then retry the change.',
  410: 'The record is gone for good: stop using its id.',
  412: 'A precondition failed: read the record again, then retry the change.',
  413: 'Send a smaller body. Not retried.',
  415: 'The server does not accept the body type. Not retried.',
  422: 'Fix the fields the error body names. Not retried.',
  429: 'Retried after the wait the server asks for; when retries run out, wait `retryAfterMs` before calling again.',
  500: 'Retried for GET, HEAD, PUT, DELETE and OPTIONS; after a POST or PATCH, check whether the change was made before repeating it.',
  501: 'The server does not offer this yet. Not retried.',
  502: 'A proxy got a bad answer upstream. Not retried: try again later.',
  503: 'Retried after the wait the server asks for (any method: the request was not processed); otherwise try again later.',
  504: 'Retried for GET, HEAD, PUT, DELETE and OPTIONS; after a POST or PATCH, check whether the change was made before repeating it.',
};

/** The advice for `status`, or a general one for its class (4xx, 5xx). */
export function statusAdvice(status: number): string {
  return (
    ADVICE[status] ??
    (status < 500
      ? 'The request was refused: the error body may say why. Not retried.'
      : 'The server failed: try again later. Not retried.')
  );
}
