import { run, StepError } from './run.js';

/** The packages a release publishes (the Changesets `fixed` group), in dependency order. */
export const PUBLISHED_PACKAGES = [
  '@revio-sdk/runtime',
  '@revio-sdk/generator',
  '@revio-sdk/client',
  '@revio-sdk/webhooks',
] as const;

/**
 * `npm run release:publish` (build, `changeset publish`) from `copy` to `registry`, then proof that each
 * package is there at `version`. A package the registry refused is one line naming it, the registry and
 * npm's reason.
 */
export async function publishPackages(copy: string, registry: string, version: string, env: NodeJS.ProcessEnv) {
  // Changesets asks npm about, and publishes to, `npm_config_registry`.
  const publishEnv = { ...env, npm_config_registry: registry };
  const { code, output } = await run('npm', ['run', 'release:publish'], { cwd: copy, env: publishEnv });
  // Changesets prints each of its lines after a butterfly; none means the build before it failed.
  if (code !== 0 && !output.includes('🦋'))
    throw new StepError(`npm run release:publish failed (exit ${code})`, output);
  for (const name of PUBLISHED_PACKAGES) {
    const shown = await run('npm', ['view', `${name}@${version}`, 'version'], { cwd: copy, env: publishEnv });
    if (shown.code !== 0 || shown.output.trim() !== version)
      throw new StepError(
        `the registry ${registry} refused to publish ${name}@${version}: ${reason(output, name)}`,
        output,
      );
  }
}

/** npm's reason for a failed publish of `name`, from what `changeset publish` printed. */
export function reason(output: string, name: string): string {
  const lines = output.split('\n').map((line) => line.trim());
  const npmError = lines.find((line) => /^npm (error|ERR!) (code|\d{3}|E\d{3})/.test(line));
  const aboutPackage = lines.find((line) => line.includes(name) && /error/i.test(line));
  return npmError ?? aboutPackage ?? 'it is not in the registry after changeset publish';
}
