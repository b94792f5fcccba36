import path from 'node:path';
import { BaseResolver, type Source } from '@redocly/openapi-core';

/**
 * Redocly's resolver, confined to the spec's folder: a `$ref` to a file outside it (`../x.yaml`,
 * `/etc/passwd`) or to a URL is refused, so generating from an untrusted spec reads no other file and
 * makes no network request. Redocly reports the refusal as an unresolved `$ref` at the `$ref`'s place.
 */
export class ContainedResolver extends BaseResolver {
  readonly #root: string;

  /** @param specFile the root spec; files in its folder and below may be referenced */
  constructor(specFile: string, config?: ConstructorParameters<typeof BaseResolver>[0]) {
    super(config);
    this.#root = path.dirname(path.resolve(specFile));
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(absoluteRef)) {
      throw new Error(`remote $refs are not followed (${absoluteRef}); copy the file next to the spec`);
    }
    const relative = path.relative(this.#root, path.resolve(absoluteRef));
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new Error(`the file is outside the spec's folder ${this.#root}; $refs may only point into it`);
    }
    return super.loadExternalRef(absoluteRef);
  }
}
