import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getAstNodeByPointer } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { jsonPointerOffsets } from '../../src/load/json-pointer-offsets.js';

import { PUBLIC_SPECS } from '../fixtures/temp-dir.js';
import { childPointer } from '../../src/load/json-pointer.js';

/** Escaped keys, a duplicate key, brackets and quotes inside strings, and every kind of scalar. */
const TEXT = String.raw` {"a\"b": {"x\\": [1, {"y": "}\\\"]{"}, [], {}], "z": -0.5E+2, "t": true, "n": null},
  "\u00e9": 1, "d": 1, "d": {"q": 2}, "": {"": [0]}, "sl/a~sh": {"%41x": 3}}`;

describe('jsonPointerOffsets', () => {
  const offsetOf = jsonPointerOffsets(TEXT);
  const cases: { pointer: string; key: string; value: string }[] = [
    { pointer: '#/a"b/x\\/1/y', key: '"y"', value: String.raw`"}\\\"]{"}` },
    { pointer: '#/a"b/x\\/2', key: '[]', value: '[]' },
    { pointer: '#/a"b/z', key: '"z"', value: '-0.5E+2' },
    { pointer: '#/a"b/n', key: '"n"', value: 'null}' },
    { pointer: '#/é', key: String.raw`"\u00e9"`, value: '1, "d"' },
    { pointer: '#/d', key: '"d": 1', value: '1, "d"' },
    { pointer: '#//', key: '"": [0]', value: '[0]' },
    { pointer: '#/sl~1a~0sh/%2541x', key: '"%41x"', value: '3}' },
    // A missing segment stops at the nearest ancestor.
    { pointer: '#/a"b/t/deeper', key: '"t"', value: 'true' },
    { pointer: '#/a"b/x\\/9', key: '"x', value: '[1,' },
  ];
  const textAt = (offset: number | undefined, length: number) => TEXT.slice(offset, (offset ?? 0) + length);
  it.each(cases)('$pointer', ({ pointer, key, value }) => {
    expect(textAt(offsetOf(pointer, true), key.length)).toBe(key);
    expect(textAt(offsetOf(pointer, false), value.length)).toBe(value);
  });

  it.each([
    ['the text above', async () => TEXT],
    ['a real spec', async () => readFile(path.join(PUBLIC_SPECS, 'intellifi.nl.json'), 'utf8')],
  ])("finds every node of %s where Redocly's YAML syntax tree does", async (_, read) => {
    const text = await read();
    const ast = yamlAst(text);
    const offsets = jsonPointerOffsets(text);
    const differences = everyPointer(JSON.parse(text)).flatMap((pointer) =>
      [true, false].flatMap((onKey) => {
        const want = getAstNodeByPointer(ast, pointer, onKey)?.startPosition;
        return offsets(pointer, onKey) === want ? [] : [{ pointer, onKey, want }];
      }),
    );
    expect(differences).toEqual([]);
  });
});

function yamlAst(text: string): Parameters<typeof getAstNodeByPointer>[0] {
  const redoclyRequire = createRequire(createRequire(import.meta.url).resolve('@redocly/openapi-core'));
  return (
    redoclyRequire('yaml-ast-parser') as { safeLoad: (text: string) => Parameters<typeof getAstNodeByPointer>[0] }
  ).safeLoad(text);
}

/** The pointer of every value in a document, and of a missing child of each. */
function everyPointer(value: unknown, pointer = '#'): string[] {
  const children = typeof value === 'object' && value !== null ? Object.entries(value) : [];
  return [
    pointer,
    childPointer(pointer, 'missing'),
    ...children.flatMap(([key, child]) => everyPointer(child, childPointer(pointer, key))),
  ];
}
