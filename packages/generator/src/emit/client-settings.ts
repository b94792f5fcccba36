import { derivedEnvVar } from '@revio-sdk/runtime';
import type { Api, AuthOption } from '../model/types.js';

/** One client option that carries a credential, and whether the client refuses to start without it. */
export interface ClientAuthOption {
  option: AuthOption;
  required: boolean;
}

/** Every credential option of the client, in `api.auth` order, each name once. */
export function authOptions(api: Api): ClientAuthOption[] {
  const seen = new Set<string>();
  return api.auth
    .flatMap((scheme) =>
      (scheme.kind === 'basic' ? scheme.options : [scheme.option]).map((option) => ({
        option,
        required: scheme.required,
      })),
    )
    .filter(({ option }) => !seen.has(option.name) && seen.add(option.name));
}

/** The environment variable for `baseUrl`: `<PREFIX>_BASE_URL`, PREFIX being the API's `envPrefix`. */
export function baseUrlEnvVar(api: Api): string {
  return derivedEnvVar(api.envPrefix, 'baseUrl');
}

/**
 * The first server's URL with its variables' defaults (`Server.defaultUrl`); `undefined` when the API
 * declares no server: then `baseUrl` is a required option.
 */
export function defaultBaseUrl(api: Api): string | undefined {
  return api.servers[0]?.defaultUrl;
}
