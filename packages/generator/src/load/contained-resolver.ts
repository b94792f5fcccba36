import path from 'node:path';
import { BaseResolver, type Source } from '@redocly/openapi-core';
import { isUrl } from './fetch-spec.js';

/**
 * Redocly's resolver, confined: a local spec's file `$ref`s stay inside its folder (`../x.yaml` and
 * `/etc/passwd` are refused), and a spec read from a URL reads no local file at all. http(s) `$ref`s are
 * fetched (through the resolver's `customFetch`); other URL schemes are refused. Redocly reports each
 * refusal as an unresolved `$ref` at the `$ref`'s place.
 */
export class ContainedResolver extends BaseResolver {
  /** The folder a local spec's `$ref`s may read; undefined for a spec read from a URL. */
  readonly #root: string | undefined;

  /** @param specRef the root spec's file path or URL */
  constructor(specRef: string, config?: ConstructorParameters<typeof BaseResolver>[0]) {
    super(config);
    this.#root = isUrl(specRef) ? undefined : path.dirname(path.resolve(specRef));
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (isUrl(absoluteRef)) {
      if (!/^https?:/i.test(absoluteRef)) throw new Error(`only http(s) $refs are followed (${absoluteRef})`);
      return super.loadExternalRef(absoluteRef);
    }
    if (this.#root === undefined) {
      throw new Error(`a spec read from a URL cannot $ref a local file (${absoluteRef})`);
    }
    const relative = path.relative(this.#root, path.resolve(absoluteRef));
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new Error(`the file is outside the spec's folder ${this.#root}; $refs may only point into it`);
    }
    return super.loadExternalRef(absoluteRef);
  }
}
