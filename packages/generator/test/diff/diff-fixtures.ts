import { parseYaml } from '@redocly/openapi-core';
import { classifyChanges } from '../../src/diff/classify-change.js';
import { diffModels } from '../../src/diff/diff-model.js';
import { buildModel } from '../../src/model/build-model.js';
import type { SpecNode } from '../../src/model/spec-node.js';

/** A small OpenAPI 3.1 document: a fixed `openapi` and `info`, then `body` (YAML). */
export function spec(body: string, title = 'Shop'): string {
  return `openapi: 3.1.0\ninfo: { title: ${title}, version: "1" }\n${body.trim()}\n`;
}

/** The YAML parsed as a document (not validated, so cases stay small). */
export function parse(yaml: string): SpecNode {
  return parseYaml(yaml) as SpecNode;
}

/** `<bump> <message>` for every change from `oldYaml` to `newYaml`, breaking ones first. */
export function changesBetween(oldYaml: string, newYaml: string): string[] {
  const model = (document: SpecNode) =>
    buildModel(document, { sourceFile: 'spec.yaml', clientName: 'ShopClient', envPrefix: 'SHOP' }).api;
  const documents = { old: parse(oldYaml), new: parse(newYaml) };
  return classifyChanges(diffModels(model(documents.old), model(documents.new), documents)).map(
    (change) => `${change.bump} ${change.message}`,
  );
}
