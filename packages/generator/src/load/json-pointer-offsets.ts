import { decodePointerSegment } from './json-pointer.js';

/** Finds where a JSON pointer's node starts in a text: the key of an object member when `onKey`, else the value. */
export type OffsetOf = (pointer: string, onKey: boolean) => number | undefined;

/** A value in the text; an object's members or an array's items are indexed on the first pointer through it. */
interface JsonValue {
  start: number;
  /** The opening quote of the member's key. */
  keyStart?: number;
  members?: Map<string, JsonValue>;
  items?: JsonValue[];
}

/**
 * Offsets of JSON pointers in a valid JSON text, found by scanning the text instead of building a syntax
 * tree: on a 13 MB spec, the YAML tree Redocly builds takes most of a second and 200 MB of memory. Answers
 * as Redocly's `getAstNodeByPointer` does, down to a missing segment giving its nearest ancestor.
 */
export function jsonPointerOffsets(text: string): OffsetOf {
  const root: JsonValue = { start: skipWhitespace(text, 0) };
  const childOf = (value: JsonValue, segment: string): JsonValue | undefined => {
    if (text[value.start] === '{') return (value.members ??= membersOf(text, value.start)).get(segment);
    if (text[value.start] === '[') return (value.items ??= itemsOf(text, value.start))[Number.parseInt(segment, 10)];
    return undefined;
  };
  return (pointer, onKey) => {
    let value = root;
    for (const segment of pointer.slice(2).split('/')) {
      const child = childOf(value, decodePointerSegment(segment));
      if (child === undefined) break;
      value = child;
    }
    return onKey ? (value.keyStart ?? value.start) : value.start;
  };
}

/** The members of the object opening at `start`; the first of duplicate keys wins, as in the YAML tree. */
function membersOf(text: string, start: number): Map<string, JsonValue> {
  const members = new Map<string, JsonValue>();
  let index = skipWhitespace(text, start + 1);
  while (text[index] === '"') {
    const keyEnd = stringEnd(text, index);
    const raw = text.slice(index + 1, keyEnd - 1);
    const key = raw.includes('\\') ? (JSON.parse(text.slice(index, keyEnd)) as string) : raw;
    const valueStart = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1); // past the colon
    if (!members.has(key)) members.set(key, { start: valueStart, keyStart: index });
    index = nextElement(text, valueEnd(text, valueStart));
  }
  return members;
}

function itemsOf(text: string, start: number): JsonValue[] {
  const items: JsonValue[] = [];
  let index = skipWhitespace(text, start + 1);
  while (index < text.length && text[index] !== ']') {
    items.push({ start: index });
    index = nextElement(text, valueEnd(text, index));
  }
  return items;
}

/** From the end of an element, past the comma to the next element (or to the closing bracket). */
function nextElement(text: string, index: number): number {
  const next = skipWhitespace(text, index);
  return text[next] === ',' ? skipWhitespace(text, next + 1) : next;
}

function skipWhitespace(text: string, index: number): number {
  let at = index;
  while (at < text.length && (text[at] === ' ' || text[at] === '\n' || text[at] === '\r' || text[at] === '\t')) at++;
  return at;
}

/** The offset just past the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

/** The offset just past the value starting at `start`. */
function valueEnd(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return stringEnd(text, start);
  if (first !== '{' && first !== '[') {
    let at = start;
    while (at < text.length && !',]} \n\r\t'.includes(text[at]!)) at++;
    return at;
  }
  let depth = 0;
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (char === '"') at = stringEnd(text, at) - 1;
    else if (char === '{' || char === '[') depth++;
    else if ((char === '}' || char === ']') && --depth === 0) return at + 1;
  }
  return text.length;
}
