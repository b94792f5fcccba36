/**
 * `npm run release:local` as a user runs it, and its failures: an unreachable registry, a refused publish.
 * The full run clones the committed HEAD, so it releases what is committed.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from 'mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPackages } from '../src/publish.js';
import { startRegistry } from '../src/registry.js';
import { StepError } from '../src/run.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function releaseLocal(env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'release:local'], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Processes whose command line mentions `text` (verdaccio's config and Prism's spec live in the work dir). */
function processesMentioning(text: string): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        return command.includes(text) ? [`${pid}: ${command}`] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}

const gitStatus = () => execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' });

describe('npm run release:local', () => {
  it('releases through a throwaway registry, and leaves no process, file or change behind', async () => {
    const before = gitStatus();
    const { code, stdout, stderr } = await releaseLocal();
    console.log(stdout);
    expect(code, stderr.slice(-4000)).toBe(0);
    const work = /working in (\S+) /.exec(stdout)?.[1];
    expect(work).toBeDefined();
    expect(stdout).toContain('fresh clone: npm ci, then npx sdkgen --help prints its usage');
    const version = /changeset version: (\S+);/.exec(stdout)?.[1];
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(version).not.toBe(
      (JSON.parse(readFileSync(path.join(repoRoot, 'packages/generator/package.json'), 'utf8')) as { version: string })
        .version,
    );
    expect(stdout).toMatch(
      new RegExp(`regenerated header: "[^"]*sdkgen (?!${version} )[^"]*" -> "[^"]*sdkgen ${version} `),
    );
    expect(stdout).toMatch(
      /esm: typed 404: NotFoundError status=404; instanceof NotFoundError of import and require: true/,
    );
    expect(stdout).toMatch(
      /cjs: typed 404: NotFoundError status=404; instanceof NotFoundError of require and import: true/,
    );
    expect(stdout).toMatch(
      new RegExp(`npx @revio-sdk/generator@${version}: sdkgen: \\d+ operations.*; tsc -p x: no errors`),
    );
    expect(existsSync(work!)).toBe(false);
    expect(processesMentioning(work!)).toEqual([]);
    expect(gitStatus()).toBe(before);
  });

  it('names the packages and the registry in one line when the registry is unreachable', async () => {
    const registry = `http://127.0.0.1:${await freePort()}/`;
    const { code, stdout, stderr } = await releaseLocal({ RELEASE_LOCAL_REGISTRY: registry });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(
      `release:local: cannot publish @revio-sdk/runtime, @revio-sdk/generator, @revio-sdk/client, @revio-sdk/webhooks: the registry ${registry} is unreachable (connect ECONNREFUSED ${new URL(registry).host})`,
    );
  });
});

describe('a publish the registry refuses', () => {
  // Made in beforeAll, not when the file is collected: a skipped suite runs no afterAll to remove it.
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'release-refused-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is one line naming the package, the registry and npm reason', async () => {
    const registry = await startRegistry(path.join(dir, 'registry'));
    try {
      // A stand-in for the repo: its release:publish publishes one package, with a token the registry does not know.
      const copy = path.join(dir, 'copy');
      execFileSync('mkdir', ['-p', copy]);
      const manifest = {
        name: '@revio-sdk/runtime',
        version: '0.0.1',
        scripts: { 'release:publish': 'echo "🦋  info publishing" && npm publish' },
      };
      writeFileSync(path.join(copy, 'package.json'), JSON.stringify(manifest));
      const npmrc = path.join(dir, 'npmrc');
      writeFileSync(npmrc, `${registry.url.replace(/^http:/, '')}:_authToken=not-a-token-of-this-registry\n`);
      const env = { ...process.env, NPM_CONFIG_USERCONFIG: npmrc, npm_config_cache: path.join(dir, 'cache') };
      const error = await publishPackages(copy, registry.url, '0.0.1', env).then(
        () => expect.fail('the publish should have been refused'),
        (error: unknown) => error,
      );
      expect(error).toBeInstanceOf(StepError);
      expect((error as StepError).message).toMatch(
        new RegExp(
          `^the registry ${registry.url} refused to publish @revio-sdk/runtime@0\\.0\\.1: npm error code E40[13]$`,
        ),
      );
    } finally {
      await registry.stop();
    }
  });
});
