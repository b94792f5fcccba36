// @ts-check
/**
 * The files a spec is made of: the spec and every file its `$ref`s reach, transitively. The nx plugin lists
 * them as the generate target's inputs, so a change to any of them (and to no other file) invalidates the SDK.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** @param {unknown} node @param {string[]} refs */
function collectRefs(node, refs) {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, refs);
  else if (typeof node === 'object' && node !== null)
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') refs.push(value);
      else collectRefs(value, refs);
    }
}

/** @param {string} ref */
function isFileRef(ref) {
  return !ref.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(ref);
}

/**
 * Absolute paths of `specFile` and the files it `$ref`s (URLs are left out: nx cannot hash them). A file that
 * is missing or does not parse ends the walk there; generation reports it with its location.
 * @param {string} specFile absolute path
 * @returns {string[]}
 */
export function specSources(specFile) {
  const found = new Set([specFile]);
  const queue = [specFile];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    /** @type {unknown} */
    let document;
    try {
      document = parse(readFileSync(file, 'utf8'), { uniqueKeys: false, maxAliasCount: -1 });
    } catch {
      continue;
    }
    /** @type {string[]} */
    const refs = [];
    collectRefs(document, refs);
    for (const ref of refs.filter(isFileRef)) {
      const target = path.resolve(path.dirname(file), decodeURI(ref.split('#')[0] ?? ''));
      if (!found.has(target) && existsSync(target)) {
        found.add(target);
        queue.push(target);
      }
    }
  }
  return [...found].sort();
}
