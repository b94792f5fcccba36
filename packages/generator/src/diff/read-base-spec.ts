/**
 * The old spec of a diff: a file, or the spec as it was at a git commit. From git, the spec and every
 * file its relative `$ref`s reach (transitively) are read with `git show` into a temporary directory with
 * the repository's layout, so multi-file specs load as they did at that commit.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseSpecText } from '../load/parse-spec.js';

/** Large specs (GitHub's is 13 MB) come through git's stdout. */
const MAX_BUFFER = 1024 * 1024 * 1024;

/** Where the old spec is. */
export interface BaseSpec {
  /** The file to load. */
  file: string;
  /** How messages name the base: the file, or `<ref> (<short commit>)`. */
  label: string;
  /** For a git base: the commit read and the repository's root. */
  git?: { commit: string; root: string };
  /** How messages name a file read for the base: `main (1a2b3c4):openapi/api.yaml` for a copy from git. */
  displayName: (file: string) => string;
  /** Removes what reading the base wrote (nothing for a file). */
  cleanup: () => Promise<void>;
}

export type BaseSpecResult = { ok: true; base: BaseSpec } | { ok: false; message: string };

async function git(args: readonly string[], cwd: string): Promise<string> {
  const { stdout } = await promisify(execFile)('git', [...args], { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8' });
  return stdout;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

/**
 * Resolves `--base`: an existing file is the old spec; anything else must name a git commit in the
 * repository holding `newSpec`. Like `git diff <ref>...`, the commit used is the merge base of that
 * commit and HEAD, so changes made on `<ref>` since the current branch left it are not counted as
 * reverted (a shallow clone without the merge base falls back to `<ref>` itself).
 */
export async function readBaseSpec(base: string, newSpec: string): Promise<BaseSpecResult> {
  if (await isFile(base))
    return {
      ok: true,
      base: { file: base, label: base, displayName: (file) => file, cleanup: () => Promise.resolve() },
    };
  const specDir = path.dirname(path.resolve(newSpec));
  let root: string;
  try {
    root = (await git(['rev-parse', '--show-toplevel'], specDir)).trim();
  } catch {
    return { ok: false, message: `--base ${base} is not a file, and ${newSpec} is not in a git repository` };
  }
  let commit: string;
  try {
    commit = (await git(['rev-parse', '--verify', '--quiet', `${base}^{commit}`], root)).trim();
  } catch {
    return { ok: false, message: `--base ${base} is neither a file nor a git commit` };
  }
  const forkPoint = await git(['merge-base', commit, 'HEAD'], root).then(
    (output) => output.trim(),
    () => commit,
  );
  const real = await realpath(newSpec).catch(() => undefined);
  if (real === undefined) return { ok: false, message: `cannot read the spec ${newSpec}` };
  const relative = path.relative(root, real).split(path.sep).join('/');
  const label = `${base} (${forkPoint === commit ? '' : 'merge base '}${forkPoint.slice(0, 7)})`;
  const dir = await mkdtemp(path.join(tmpdir(), 'sdkgen-diff-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const copied = await copyFromCommit(root, forkPoint, relative, dir);
  if (!copied) {
    await cleanup();
    return { ok: false, message: `${relative} does not exist at ${label}` };
  }
  const displayName = (file: string) => {
    const inCopy = path.relative(dir, file);
    return inCopy.startsWith('..') || path.isAbsolute(inCopy) ? file : `${label}:${inCopy.split(path.sep).join('/')}`;
  };
  return {
    ok: true,
    base: { file: path.join(dir, relative), label, git: { commit: forkPoint, root }, displayName, cleanup },
  };
}

/**
 * Copies `spec` (a posix path in the repository) as it is at `commit` into `dir`, with the files its
 * relative `$ref`s reach. False when the spec itself is not in that commit; referenced files that are
 * missing are left for the load stage to report.
 */
async function copyFromCommit(root: string, commit: string, spec: string, dir: string): Promise<boolean> {
  const pending = [spec];
  const seen = new Set<string>();
  for (let file = pending.shift(); file !== undefined; file = pending.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    let text: string;
    try {
      text = await git(['show', `${commit}:${file}`], root);
    } catch {
      if (file === spec) return false;
      continue;
    }
    const target = path.join(dir, ...file.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
    for (const ref of externalRefs(text, file)) {
      const referenced = path.posix.normalize(path.posix.join(path.posix.dirname(file), ref));
      if (!referenced.startsWith('../') && !path.posix.isAbsolute(referenced)) pending.push(referenced);
    }
  }
  return true;
}

/** The file parts of the relative (not local, not URL) `$ref`s in a spec file's text. */
function externalRefs(text: string, file: string): string[] {
  // Most specs are one file: skip parsing when no `$ref` value can name another file.
  if (!/\$ref["']?\s*:\s*["']?[^#\s"']/.test(text)) return [];
  const parsed = parseSpecText(text, file);
  if (!parsed.ok) return [];
  const refs = new Set<string>();
  const pending: unknown[] = [parsed.parsed];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    const ref = (value as Record<string, unknown>)['$ref'];
    if (typeof ref === 'string' && !ref.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      const filePart = ref.split('#')[0] ?? '';
      try {
        refs.add(decodeURIComponent(filePart));
      } catch {
        refs.add(filePart);
      }
    }
    pending.push(...Object.values(value as Record<string, unknown>));
  }
  return [...refs].filter((ref) => ref !== '');
}

/**
 * True when `file` (an existing file) is inside the repository at `root` but not in `commit`: it was
 * added since. False for files outside the repository, which git cannot say anything about.
 */
export async function isNewSince(root: string, commit: string, file: string): Promise<boolean> {
  const real = await realpath(file).catch(() => path.resolve(file));
  const relative = path.relative(root, real).split(path.sep).join('/');
  if (relative.startsWith('../') || path.isAbsolute(relative)) return false;
  return git(['cat-file', '-e', `${commit}:${relative}`], root).then(
    () => false,
    () => true,
  );
}
