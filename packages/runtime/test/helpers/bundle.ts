/** Bundles runtime code for a test's child process: one ESM file for Node, with no dependency left to resolve. */
import { build } from 'esbuild';

export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'silent' });
}
