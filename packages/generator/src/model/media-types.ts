/**
 * Media types: how a body is encoded, and which of a request's or response's media types the client uses.
 * @see https://spec.openapis.org/oas/v3.1.0#media-types
 */
import type { Resolved } from './model-context.js';
import { asNode } from './spec-node.js';
import { childPointer } from '../load/json-pointer.js';

/** How a body with this media type is encoded. */
export type MediaKind = 'json' | 'json-patch' | 'form' | 'multipart' | 'binary' | 'text';

/** The media type without parameters, lower-cased (`Application/JSON; charset=utf-8` -> `application/json`). */
function essence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Classifies a media type. `*\/*` counts as JSON: specs use it for "whatever the API sends", mostly JSON. */
export function mediaKind(mediaType: string): MediaKind {
  const type = essence(mediaType);
  if (type === 'application/json-patch+json') return 'json-patch';
  if (type === 'application/json' || type === 'text/json' || type.endsWith('+json') || type === '*/*') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type.startsWith('multipart/')) return 'multipart';
  if (type.startsWith('text/') || type.endsWith('xml') || type.endsWith('yaml')) return 'text';
  return 'binary';
}

/** Preference of request body encodings: JSON first, then JSON Patch, form, multipart, binary, text. */
const REQUEST_PREFERENCE: readonly MediaKind[] = ['json', 'json-patch', 'form', 'multipart', 'binary', 'text'];

/** Preference of response encodings (as the runtime reads them): JSON, then text, then binary. */
const RESPONSE_PREFERENCE: readonly MediaKind[] = ['json', 'json-patch', 'text', 'form', 'binary', 'multipart'];

/** A chosen media type and its kind. */
export interface ChosenMediaType {
  mediaType: string;
  kind: MediaKind;
}

/**
 * The media type to use among `mediaTypes` (in document order): the most preferred kind, and within it
 * `application/json` itself before other JSON types, else the first listed.
 */
function choose(mediaTypes: readonly string[], preference: readonly MediaKind[]): ChosenMediaType | undefined {
  let best: ChosenMediaType | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const mediaType of mediaTypes) {
    const kind = mediaKind(mediaType);
    const rank = preference.indexOf(kind) * 2 + (essence(mediaType) === 'application/json' ? 0 : 1);
    if (rank < bestRank) {
      best = { mediaType, kind };
      bestRank = rank;
    }
  }
  return best;
}

/** The media type a request body is sent as. */
export function chooseRequestMediaType(mediaTypes: readonly string[]): ChosenMediaType | undefined {
  return choose(mediaTypes, REQUEST_PREFERENCE);
}

/** The media type a response body is read as. */
export function chooseResponseMediaType(mediaTypes: readonly string[]): ChosenMediaType | undefined {
  return choose(mediaTypes, RESPONSE_PREFERENCE);
}

/** Where `content[mediaType].schema` of a request body or response is, when it has one. */
export function mediaSchemaPointer(owner: Resolved, mediaType: string): string | undefined {
  const schema = asNode(asNode(owner.node['content'])?.[mediaType])?.['schema'];
  return schema === undefined ? undefined : childPointer(owner.pointer, 'content', mediaType, 'schema');
}
