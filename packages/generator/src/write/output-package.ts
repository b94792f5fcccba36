import { access, readFile } from 'node:fs/promises';
import path from 'node:path';

/** What an existing output package says about itself. */
export interface ExistingPackage {
  name?: string;
  /** Kept across generations: Changesets bumps it, generation must not reset it. */
  version?: string;
}

/** `name` and `version` of `<outDir>/package.json`, when there is one. */
export async function readExistingPackage(outDir: string): Promise<ExistingPackage> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(path.join(outDir, 'package.json'), 'utf8'));
  } catch {
    return {};
  }
  const { name, version } = (manifest ?? {}) as Record<string, unknown>;
  const existing: ExistingPackage = {};
  if (typeof name === 'string') existing.name = name;
  if (typeof version === 'string') existing.version = version;
  return existing;
}

/**
 * The nearest `tsconfig.base.json` in a directory above `outDir`, as a posix path relative to it
 * (`../../tsconfig.base.json`), so the generated tsconfig can extend the repo's strict settings.
 */
export async function findTsconfigBase(outDir: string): Promise<string | undefined> {
  const out = path.resolve(outDir);
  for (let dir = path.dirname(out); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'tsconfig.base.json');
    try {
      await access(candidate);
      return path.relative(out, candidate).split(path.sep).join('/');
    } catch {
      if (path.dirname(dir) === dir) return undefined;
    }
  }
}
