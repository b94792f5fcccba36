import type { CustomersGetError } from '@revio-sdk/client';

/** What a failed lookup means to the user; the `never` case makes the compiler flag a status left out. */
export function describeLookupError(id: number, error: CustomersGetError): string {
  switch (error.status) {
    case 404:
      return `No customer ${id} (404 ${error.name}).`;
    case 401:
    case 403:
      return `The API refused these credentials (${error.status} ${error.name}).`;
    case 429:
    case 503:
    case 504:
      return `The API is busy; try again in a moment (${error.status} ${error.name}).`;
    case 400:
    case 405:
    case 500:
    case 501:
      return `The API could not answer (${error.status} ${error.name}): ${error.message}`;
    case undefined:
      return `No answer from the API (${error.kind}): ${error.message}`;
    default: {
      const unhandled: never = error;
      return unhandled;
    }
  }
}
