/**
 * What each kind of change means for the generated SDK's semver, and the sentence that says so. One row
 * per kind in `RULES`; the release bump is the highest bump of all changes.
 *
 * The principles behind the rows:
 * - **major**: code that compiled against the old SDK may not compile against the new one, or the SDK
 *   sends different requests for the same call (path, method, encoding, credentials: apps behind
 *   allow-lists, pinned API deployments and HTTP mocks see that), or reads responses differently.
 * - **minor**: additions, and widenings of what callers may send (optional parameters, properties and
 *   bodies, wider request types). Also, deliberately:
 *   - a new error status. It widens the operation's error union, which breaks an exhaustive
 *     `switch (err.status)`, but the server already answers with it: the old SDK throws it as an
 *     `UnexpectedStatusError`, the new one types it. Treating it as major would make every newly
 *     documented status a major release (OpenAI's and Stripe's SDKs treat it as minor too). Likewise
 *     a newly typed body of an `UnexpectedStatusError` (a JSON `default` documented).
 *   - a new enum value in a response, for the same reason: the server sends it whatever SDK the app uses.
 *   - deprecation: semver 2.0.0 (item 7) asks for a minor release when anything is deprecated.
 *   - a new default base URL: calls go to the new server unless `baseUrl` is set; the spec says the
 *     old one is no longer where the API is.
 * - **patch**: documentation only (summaries, descriptions, examples, response headers, which the SDK
 *   documents but does not type), and un-deprecation.
 * - Schema changes depend on which way the data flows (see `Direction`): adding a required property
 *   breaks callers that send the schema, not those that read it; making a property optional breaks
 *   readers, not senders. A schema used both ways (or exported but unused) takes the higher bump.
 * - Anything the schema comparison does not understand is `schema-keyword-changed`: major.
 */
import type { ApiChange, Bump, ChangeKind, Direction } from './api-change.js';

/** A change with its bump and its sentence. */
export interface ClassifiedChange extends ApiChange {
  bump: Bump;
  /** `customers.get: parameter \`expand\` added (optional)`. */
  message: string;
}

/** The bump of a rule: fixed, by the direction the data flows, or decided by the change itself. */
type BumpRule = Bump | { request: Bump; response: Bump } | ((change: ApiChange) => Bump);

interface Rule {
  bump: BumpRule;
  /** The sentence after `subject: `. */
  text: (change: ApiChange) => string;
}

const RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

const code = (text: string | undefined) => `\`${text ?? ''}\``;
const fromTo = ({ from, to }: ApiChange) => `from ${from ?? 'none'} to ${to ?? 'none'}`;
const parameter = ({ in: location, name }: ApiChange) =>
  `${location === 'query' || location === undefined ? '' : `${location} `}parameter ${code(name)}`;
/** `property \`a.b\` ` for a change inside a schema, nothing for the schema itself. */
const property = ({ name }: ApiChange) => (name === undefined ? '' : `property ${code(name)} `);
/** A schema change's text, prefixed with the property it is about. */
const inSchema = (text: string) => (change: ApiChange) => `${property(change)}${text}`;
/** Said of widened response data: why a minor release may still need app changes. */
const responseNote = (change: ApiChange) =>
  change.direction === 'request' ? '' : ' (responses may carry it: exhaustive switches need a new case)';

const RULES: Record<ChangeKind, Rule> = {
  'api-docs-changed': { bump: 'patch', text: ({ name }) => `${name ?? 'description'} changed` },
  'api-version-changed': { bump: 'patch', text: (change) => `version changed ${fromTo(change)}` },
  'base-url-changed': {
    bump: 'minor',
    text: (change) => `default base URL changed ${fromTo(change)} (set \`baseUrl\` to keep the old one)`,
  },
  'base-url-added': {
    bump: 'minor',
    text: ({ to }) => `default base URL ${to ?? ''} added (\`baseUrl\` is now optional)`,
  },
  'base-url-removed': {
    bump: 'major',
    text: ({ from }) => `default base URL ${from ?? ''} removed (\`baseUrl\` is now required)`,
  },
  'servers-changed': { bump: 'patch', text: () => 'documented servers changed' },
  'auth-option-added-required': { bump: 'major', text: ({ name }) => `option ${code(name)} added (required)` },
  'auth-option-added-optional': { bump: 'minor', text: ({ name }) => `option ${code(name)} added (optional)` },
  'auth-option-removed': { bump: 'major', text: ({ name }) => `option ${code(name)} removed` },
  'auth-option-made-required': { bump: 'major', text: ({ name }) => `option ${code(name)} made required` },
  'auth-option-made-optional': { bump: 'minor', text: ({ name }) => `option ${code(name)} made optional` },
  'auth-env-var-changed': {
    bump: 'major',
    text: (change) =>
      `option ${code(change.name)} now falls back to ${change.to ?? ''} instead of ${change.from ?? ''}`,
  },
  'auth-scheme-changed': {
    bump: 'major',
    text: (change) => `credentials of ${code(change.name)} sent differently: ${fromTo(change)}`,
  },
  'auth-docs-changed': { bump: 'patch', text: ({ name }) => `option ${code(name)}: description changed` },

  'resource-added': { bump: 'minor', text: ({ to }) => `resource added (${to ?? ''})` },
  'resource-removed': { bump: 'major', text: ({ from }) => `resource removed (${from ?? ''})` },
  'resource-renamed': { bump: 'major', text: (change) => `class renamed ${fromTo(change)}` },
  'resource-docs-changed': { bump: 'patch', text: () => 'description changed' },

  'operation-added': { bump: 'minor', text: ({ to }) => `operation added (${to ?? ''})` },
  'operation-removed': { bump: 'major', text: ({ from }) => `operation removed (${from ?? ''})` },
  'operation-renamed': {
    bump: 'major',
    text: ({ to, name }) => `renamed to ${code(to)}${name === undefined ? '' : ` (types ${name}*)`}`,
  },
  'operation-types-renamed': {
    bump: 'major',
    text: ({ from, to }) => `exported types renamed from ${from ?? ''}* to ${to ?? ''}*`,
  },
  'http-method-changed': { bump: 'major', text: (change) => `HTTP method changed ${fromTo(change)}` },
  'path-changed': { bump: 'major', text: (change) => `path changed ${fromTo(change)}` },
  'operation-docs-changed': { bump: 'patch', text: ({ name }) => `${name ?? 'description'} changed` },
  'operation-deprecated': { bump: 'minor', text: () => 'deprecated' },
  'operation-undeprecated': { bump: 'patch', text: () => 'no longer deprecated' },
  'path-parameter-added': { bump: 'major', text: ({ name }) => `path parameter ${code(name)} added (a new argument)` },
  'path-parameter-removed': {
    bump: 'major',
    text: ({ name }) => `path parameter ${code(name)} removed (one argument fewer)`,
  },
  'path-parameter-renamed': {
    bump: 'patch',
    text: ({ from, to }) => `path parameter ${code(from)} renamed to ${code(to)} (same argument position)`,
  },
  'parameter-added-required': { bump: 'major', text: (change) => `${parameter(change)} added (required)` },
  'parameter-added-optional': { bump: 'minor', text: (change) => `${parameter(change)} added (optional)` },
  'parameter-removed': { bump: 'major', text: (change) => `${parameter(change)} removed` },
  'parameter-made-required': { bump: 'major', text: (change) => `${parameter(change)} made required` },
  'parameter-made-optional': { bump: 'minor', text: (change) => `${parameter(change)} made optional` },
  'parameter-renamed': {
    bump: 'major',
    text: (change) => `${parameter(change)} is now passed as ${code(change.to)} (was ${code(change.from)})`,
  },
  'parameter-type-changed': { bump: 'major', text: (change) => `${parameter(change)}: type changed` },
  'parameter-encoding-changed': {
    bump: 'major',
    text: (change) => `${parameter(change)}: encoding changed ${fromTo(change)}`,
  },
  'parameter-deprecated': { bump: 'minor', text: (change) => `${parameter(change)} deprecated` },
  'parameter-undeprecated': { bump: 'patch', text: (change) => `${parameter(change)} no longer deprecated` },
  'parameter-docs-changed': { bump: 'patch', text: (change) => `${parameter(change)}: description changed` },
  'body-added-required': { bump: 'major', text: ({ to }) => `request body added (required, ${to ?? ''})` },
  'body-added-optional': { bump: 'minor', text: ({ to }) => `request body added (optional, ${to ?? ''})` },
  'body-removed': { bump: 'major', text: () => 'request body removed' },
  'body-made-required': { bump: 'major', text: () => 'request body made required' },
  'body-made-optional': { bump: 'minor', text: () => 'request body made optional' },
  'body-kind-changed': { bump: 'major', text: (change) => `request body encoding changed ${fromTo(change)}` },
  'body-content-type-changed': {
    bump: 'major',
    text: (change) => `request body content type changed ${fromTo(change)}`,
  },
  'body-type-changed': { bump: 'major', text: () => 'request body type changed' },
  'body-docs-changed': { bump: 'patch', text: () => 'request body description changed' },
  // 201 responses resolve to `Created` (id and Location), others to the body: crossing 201 changes the type.
  'success-status-changed': {
    bump: ({ from, to }) => (from === '201' || to === '201' ? 'major' : 'minor'),
    text: (change) => `success status changed ${fromTo(change)}`,
  },
  'success-kind-changed': { bump: 'major', text: (change) => `response body changed ${fromTo(change)}` },
  'success-content-type-changed': {
    bump: 'minor',
    text: (change) => `response content type changed ${fromTo(change)} (read the same way)`,
  },
  'success-type-changed': { bump: 'major', text: () => 'response type changed' },
  'success-docs-changed': { bump: 'patch', text: () => 'response description changed' },
  'response-header-added': { bump: 'patch', text: ({ name }) => `response header ${code(name)} documented` },
  'response-header-removed': {
    bump: 'patch',
    text: ({ name }) => `response header ${code(name)} no longer documented`,
  },
  'error-status-added': {
    bump: 'minor',
    text: ({ name, to }) =>
      `error status ${name ?? ''} added (${to ?? ''}; was an UnexpectedStatusError: an exhaustive \`switch (err.status)\` needs a new case)`,
  },
  'error-status-removed': {
    bump: 'major',
    text: ({ name }) => `error status ${name ?? ''} removed (now an UnexpectedStatusError)`,
  },
  // As for a new error status: the server already sent that body, the old SDK typed it `unknown`.
  'error-typed': {
    bump: 'minor',
    text: ({ name }) => `error ${name ?? ''} body typed from the spec (was \`unknown\`)`,
  },
  'error-type-changed': { bump: 'major', text: ({ name }) => `error ${name ?? ''} body type changed` },
  'error-docs-changed': { bump: 'patch', text: ({ name }) => `error ${name ?? ''} description changed` },
  'default-error-changed': {
    bump: 'patch',
    text: ({ to }) => `catch-all error responses (4XX, 5XX, default) ${to ?? 'changed'}`,
  },
  // As for a new error status: the server already sent that body, the old SDK typed it `unknown`.
  'default-error-typed': {
    bump: 'minor',
    text: () => 'body of an unexpected status typed from the catch-all responses (was `unknown`)',
  },
  'default-error-untyped': {
    bump: 'major',
    text: () => 'body of an unexpected status no longer typed (now `unknown`)',
  },
  'default-error-type-changed': {
    bump: 'major',
    text: () => 'body type of an unexpected status (4XX, 5XX, default) changed',
  },
  // Awaiting a paginated call gives a PageResult instead of the body, so both directions break callers.
  'pagination-added': {
    bump: 'major',
    text: () => 'now paginated (awaiting it gives a page; `for await` walks every item)',
  },
  'pagination-removed': { bump: 'major', text: () => 'no longer paginated' },
  'pagination-changed': { bump: 'major', text: () => 'pagination changed' },

  'schema-added': { bump: 'minor', text: () => 'type added' },
  'schema-removed': { bump: 'major', text: () => 'type removed' },
  'schema-renamed': { bump: 'major', text: ({ to }) => `type renamed to ${code(to)}` },
  // The client has no code for webhooks and callbacks: a changed one only changes what the spec documents.
  'webhook-added': { bump: 'minor', text: ({ name }) => `webhook ${code(name)} added` },
  'webhook-removed': { bump: 'major', text: ({ name }) => `webhook ${code(name)} removed` },
  'webhook-changed': { bump: 'patch', text: ({ name }) => `webhook ${code(name)} changed` },
  'callback-added': { bump: 'minor', text: ({ name }) => `callback ${code(name)} added` },
  'callback-removed': { bump: 'major', text: ({ name }) => `callback ${code(name)} removed` },
  'callback-changed': { bump: 'patch', text: ({ name }) => `callback ${code(name)} changed` },
  'property-added-required': { bump: { request: 'major', response: 'minor' }, text: inSchema('added (required)') },
  'property-added-optional': { bump: 'minor', text: inSchema('added (optional)') },
  'property-removed': { bump: 'major', text: inSchema('removed') },
  'property-made-required': { bump: { request: 'major', response: 'minor' }, text: inSchema('made required') },
  'property-made-optional': { bump: { request: 'minor', response: 'major' }, text: inSchema('made optional') },
  'type-widened': {
    bump: { request: 'minor', response: 'major' },
    text: (change) => `${property(change)}type widened ${fromTo(change)}`,
  },
  'type-changed': { bump: 'major', text: (change) => `${property(change)}type changed ${fromTo(change)}` },
  'enum-value-added': {
    bump: 'minor',
    text: (change) => `${property(change)}enum value ${change.to ?? ''} added${responseNote(change)}`,
  },
  'enum-value-removed': {
    bump: 'major',
    text: (change) => `${property(change)}enum value ${change.from ?? ''} removed`,
  },
  'constraint-loosened': {
    bump: { request: 'minor', response: 'major' },
    text: (change) => `${property(change)}constraint loosened ${fromTo(change)}`,
  },
  'constraint-tightened': {
    bump: { request: 'major', response: 'minor' },
    text: (change) => `${property(change)}constraint tightened ${fromTo(change)}`,
  },
  'default-changed': { bump: 'minor', text: (change) => `${property(change)}default changed ${fromTo(change)}` },
  'schema-deprecated': { bump: 'minor', text: inSchema('deprecated') },
  'schema-undeprecated': { bump: 'patch', text: inSchema('no longer deprecated') },
  'schema-docs-changed': {
    bump: 'patch',
    text: (change) => `${property(change)}${change.to ?? 'description'} changed`,
  },
  'schema-extension-changed': {
    bump: 'patch',
    text: (change) => `${property(change)}extension ${change.to ?? ''} changed`,
  },
  'schema-keyword-changed': { bump: 'major', text: (change) => `${property(change)}changed ${fromTo(change)}` },
};

function higher(a: Bump, b: Bump): Bump {
  return RANK[b] > RANK[a] ? b : a;
}

function bumpOf(rule: BumpRule, change: ApiChange): Bump {
  if (typeof rule === 'string') return rule;
  if (typeof rule === 'function') return rule(change);
  const direction: Direction = change.direction ?? 'both';
  return direction === 'both' ? higher(rule.request, rule.response) : rule[direction];
}

/** The change's bump and its sentence, `subject: [location: ]text`. Unknown kinds are major. */
export function classifyChange(change: ApiChange): ClassifiedChange {
  const rule: Rule | undefined = RULES[change.kind];
  const text = rule?.text(change) ?? `${change.kind}`;
  const sentence = change.location === undefined ? text : `${change.location}: ${text}`;
  return {
    ...change,
    bump: rule === undefined ? 'major' : bumpOf(rule.bump, change),
    message: `${change.subject}: ${sentence}`,
  };
}

/** The release type for a set of changes: the highest bump, or undefined when nothing changed. */
export function releaseBump(changes: readonly { bump: Bump }[]): Bump | undefined {
  return changes.reduce<Bump | undefined>(
    (bump, change) => (bump === undefined ? change.bump : higher(bump, change.bump)),
    undefined,
  );
}

/** Classifies every change, breaking ones first (stable within a bump). */
export function classifyChanges(changes: readonly ApiChange[]): ClassifiedChange[] {
  return changes.map(classifyChange).sort((a, b) => RANK[b.bump] - RANK[a.bump]);
}
