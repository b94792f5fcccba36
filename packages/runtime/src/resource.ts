import type { ClientCore } from './client-core.js';

/**
 * Base of generated resource classes. Its only job is to hold the client, so that each resource
 * method is one `this._client.request(...)` statement.
 */
export abstract class APIResource {
  protected readonly _client: ClientCore;

  constructor(client: ClientCore) {
    this._client = client;
  }
}
