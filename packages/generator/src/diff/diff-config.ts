/**
 * `sdkgen diff --config` without `--name`: every SDK of an `sdkgen.config.json` compared with its spec at
 * the base, each package's changes reported, and one changeset naming every package that changed. A
 * webhook package changes with the spec's `webhooks` and the schemas they reach; a client with everything.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors } from '../load/diagnostics.js';
import { loadConfig, type SdkConfig } from '../load/load-config.js';
import { loadSpec } from '../load/load-spec.js';
import { valueAtPointer } from '../load/json-pointer.js';
import { asNode } from '../model/spec-node.js';
import type { Diagnostic } from '../model/types.js';
import { releaseBump } from './classify-change.js';
import { diff, type DiffChangeset, type DiffResult } from './diff.js';
import { collectRefs, componentSchemaName } from './json-refs.js';
import { renderPackagesChangeset, writeChangeset, changesetFileName } from './write-changeset.js';

export interface ConfigDiffOptions {
  base: string;
  config: string;
  changesetDir?: string;
  dryRun?: boolean;
}

/** One package's part of the diff. */
export interface PackageDiff {
  name: string;
  result: DiffResult;
}

export interface ConfigDiffResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  packages: PackageDiff[];
  /** Undefined when no package changed or something failed. */
  changeset: DiffChangeset | undefined;
}

/** The component schemas the spec's `webhooks` reach, through `$ref`s and discriminator mappings. */
async function webhookSchemas(spec: string): Promise<Set<string>> {
  const { document } = await loadSpec(spec);
  const refs = collectRefs(asNode(document)?.['webhooks'], document);
  for (let size = 0; size !== refs.size;) {
    size = refs.size;
    for (const ref of [...refs]) {
      const mapping = asNode(asNode(asNode(valueAtPointer(document, ref))?.['discriminator'])?.['mapping']);
      for (const target of Object.values(mapping ?? {})) collectRefs({ $ref: target }, document, refs);
    }
  }
  return new Set([...refs].flatMap((ref) => componentSchemaName(ref) ?? []));
}

/** The changes that concern `sdk`'s package. */
async function packageResult(sdk: SdkConfig, result: DiffResult): Promise<DiffResult> {
  if (sdk.kind !== 'webhooks') return result;
  const schemas = await webhookSchemas(sdk.spec);
  const changes = result.changes.filter((change) => change.kind.startsWith('webhook-') || schemas.has(change.subject));
  return { ...result, changes, bump: releaseBump(changes) };
}

export async function diffConfig(options: ConfigDiffOptions): Promise<ConfigDiffResult> {
  const config = await loadConfig(options.config);
  const result: ConfigDiffResult = { ok: false, diagnostics: config.diagnostics, packages: [], changeset: undefined };
  if (hasErrors(config.diagnostics)) return result;
  const dir = options.changesetDir ?? '.changeset';
  const replaced = new Set<string>();
  for (const sdk of config.sdks) {
    const name = sdk.name ?? path.basename(sdk.out);
    const compared = await diff({ base: options.base, name, config: options.config, changesetDir: dir, dryRun: true });
    result.diagnostics.push(...compared.diagnostics);
    result.packages.push({ name, result: { ...(await packageResult(sdk, compared)), changeset: undefined } });
    for (const file of compared.changeset?.replaced ?? []) replaced.add(file);
  }
  result.ok = result.packages.every((entry) => entry.result.ok);
  const changed = result.packages.filter((entry) => entry.result.changes.length > 0);
  if (!result.ok || changed.length === 0) return result;
  const specs = [
    ...new Set(config.sdks.map((sdk) => path.relative(process.cwd(), sdk.spec).split(path.sep).join('/'))),
  ];
  const content = renderPackagesChangeset({
    packages: changed.map((entry) => ({ packageName: entry.name, changes: entry.result.changes })),
    spec: specs.join('`, `'),
  });
  replaced.delete(path.join(dir, changesetFileName(content)));
  if (options.dryRun === true) {
    result.changeset = {
      path: path.join(dir, changesetFileName(content)),
      content,
      written: false,
      replaced: [...replaced],
    };
    return result;
  }
  for (const file of replaced) await rm(file, { force: true });
  const written = await writeChangeset(dir, content);
  result.changeset = { path: written.path, content, written: written.written, replaced: [...replaced] };
  return result;
}
