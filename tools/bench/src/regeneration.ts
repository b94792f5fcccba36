// 2. Regeneration with nothing changed, through nx: the second `nx run @revio-sdk/client:generate`
// should be a cache hit. Timed as the README tells users to regenerate (`npm run generate`, which runs
// `nx run-many -t generate`), as users type nx commands (`npx nx ...`) and, to show what npm and npx
// themselves cost, as `node node_modules/nx/dist/bin/nx.js ...`, in alternating order. Each timed run follows an untimed
// run of the same form: the nx daemon takes each client's environment and recomputes the project graph
// when it differs from the previous client's (npx adds node_modules/.bin folders to PATH and sets NODE;
// the direct form does not), so back-to-back alternation timed that recompute (40-70 ms) in every run,
// which a user repeating one command never pays.
import { display, packageBin, repoRoot } from './lib/env.js';
import { firstErrorLine, rotate, runCommand } from './lib/measure.js';

export const target = '@revio-sdk/client:generate';

export interface Variant {
  id: 'npm-run' | 'npx' | 'direct';
  command: string;
  /** Wall times of the timed (second and later) invocations, ms. */
  times: number[];
  cacheHits: number;
}

/** A command that does nothing of ours: the start-up cost of the tool that starts it. */
export interface Startup {
  command: string;
  times: number[];
  error?: string;
}

export interface RegenerationResult {
  runs: number;
  startup: Startup[];
  warmup?: { ms: number; cached: boolean };
  variants: Variant[];
  error?: string;
}

const CACHE_HIT = /read the output from the cache|\[local cache\]|\[remote cache\]|existing outputs match the cache/i;

export async function measureRegeneration(runs: number, log: (line: string) => void): Promise<RegenerationResult> {
  const nxBin = packageBin('nx', 'nx');
  if (!nxBin) return { runs, startup: [], variants: [], error: 'nx is not installed' };
  const invocations = {
    'npm-run': { command: 'npm', args: ['run', 'generate'], shown: 'npm run generate' },
    npx: { command: 'npx', args: ['nx', 'run', target], shown: `npx nx run ${target}` },
    direct: { command: process.execPath, args: [nxBin, 'run', target], shown: `node ${display(nxBin)} run ${target}` },
  } as const;
  const variants: Variant[] = (['npm-run', 'npx', 'direct'] as const).map((id) => ({
    id,
    command: invocations[id].shown,
    times: [],
    cacheHits: 0,
  }));
  const env = { ...process.env, NX_TUI: 'false', FORCE_COLOR: '0' };
  // First invocation: may build the generator and regenerate (a miss); not timed as "regeneration".
  const first = await runCommand(invocations.npx.command, invocations.npx.args, {
    cwd: repoRoot,
    env,
    timeoutMs: 15 * 60_000,
  });
  if (!first.ok) return { runs, startup: [], variants, error: firstErrorLine(first) };
  const result: RegenerationResult = {
    runs,
    startup: await measureStartup(runs, env),
    warmup: { ms: first.ms, cached: CACHE_HIT.test(first.stdout + first.stderr) },
    variants,
  };
  log(`  first invocation: ${(first.ms / 1000).toFixed(2)} s (${result.warmup!.cached ? 'cache hit' : 'ran'})`);
  for (let i = 0; i < runs; i++) {
    for (const variant of rotate(variants, i)) {
      const inv = invocations[variant.id];
      const settle = await runCommand(inv.command, inv.args, { cwd: repoRoot, env, timeoutMs: 5 * 60_000 });
      if (!settle.ok) {
        result.error = firstErrorLine(settle);
        return result;
      }
      const r = await runCommand(inv.command, inv.args, { cwd: repoRoot, env, timeoutMs: 5 * 60_000 });
      if (!r.ok) {
        result.error = firstErrorLine(r);
        return result;
      }
      variant.times.push(r.ms);
      if (CACHE_HIT.test(r.stdout + r.stderr)) variant.cacheHits += 1;
      log(
        `  ${variant.id} run ${i + 1}/${runs}: ${r.ms.toFixed(0)} ms${CACHE_HIT.test(r.stdout + r.stderr) ? ' (cache hit)' : ' (NOT a cache hit)'}`,
      );
    }
  }
  return result;
}

// What `npm run generate` and `npx nx …` pay before nx starts, and what node itself pays, timed the same way.
async function measureStartup(runs: number, env: NodeJS.ProcessEnv): Promise<Startup[]> {
  const commands: [string, string[]][] = [
    [process.execPath, ['-e', '']],
    ['npm', ['--version']],
    ['npx', ['--version']],
  ];
  const startup: Startup[] = commands.map(([command, args]) => ({
    command: [command === process.execPath ? 'node' : command, ...args.map((a) => (a === '' ? "''" : a))].join(' '),
    times: [],
  }));
  for (let i = 0; i < runs; i++) {
    for (const [k, [command, args]] of rotate([...commands.entries()], i)) {
      const row = startup[k]!;
      if (row.error) continue;
      const r = await runCommand(command, args, { cwd: repoRoot, env, timeoutMs: 60_000 });
      if (r.ok) row.times.push(r.ms);
      else row.error = firstErrorLine(r);
    }
  }
  return startup;
}
