import { defaultEnvPrefix, envVarName } from '../model/naming.js';
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
      (scheme.kind === 'basic' ? scheme.options : [scheme.option]).map((option) => ({ option, required: scheme.required })),
    )
    .filter(({ option }) => !seen.has(option.name) && seen.add(option.name));
}

/**
 * The environment variable for `baseUrl`: `<PREFIX>_BASE_URL`, where PREFIX is what the auth options'
 * variables put before their own names (`SHOP_CLIENT_CODE` for `clientCode` -> `SHOP`), else the
 * model's default prefix for the API title.
 */
export function baseUrlEnvVar(api: Api): string {
  const prefixes = authOptions(api).flatMap(({ option }) => {
    const suffix = envVarName('', option.name);
    return option.envVar.endsWith(suffix) && option.envVar.length > suffix.length
      ? [option.envVar.slice(0, -suffix.length)]
      : [];
  });
  return envVarName(prefixes[0] ?? defaultEnvPrefix(api.title), 'baseUrl');
}

/**
 * The first server's URL, with `{variable}` placeholders replaced by their defaults. The IR keeps only
 * server URLs, so the defaults are read from the document's server with the same URL.
 * `undefined` when the API declares no server: then `baseUrl` is a required option.
 */
export function defaultBaseUrl(api: Api, document: object): string | undefined {
  const url = api.servers[0]?.url;
  if (url === undefined || !url.includes('{')) return url;
  const variables = serverVariables(document, url);
  return url.replace(/\{([^}]*)\}/g, (placeholder, name: string) => variables[name] ?? placeholder);
}

/** `{ name: default }` of the document's server whose URL is `url`. */
function serverVariables(document: object, url: string): Record<string, string> {
  const servers: unknown = (document as { servers?: unknown }).servers;
  if (!Array.isArray(servers)) return {};
  const server: unknown = servers.find((candidate: unknown) => isRecord(candidate) && candidate['url'] === url);
  const variables = isRecord(server) ? server['variables'] : undefined;
  if (!isRecord(variables)) return {};
  return Object.fromEntries(
    Object.entries(variables).flatMap(([name, variable]) =>
      isRecord(variable) && typeof variable['default'] === 'string' ? [[name, variable['default']]] : [],
    ),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
