// Profiles one command under `node --cpu-prof` and summarises the profile: top functions by self time,
// by inclusive time, and self time by package. Not part of `npm run bench`; for finding slow parts.
//   tsx tools/bench/src/profile.ts [--top 25] [--match <regex>] -- <script.js> [args...]
//   --match also lists the inclusive time of every function whose label matches (e.g. the tool's own phases).
//   e.g. tsx tools/bench/src/profile.ts -- packages/generator/dist/cli.js generate --spec <spec> --out <dir> --name x
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchRoot, display, repoRoot } from './lib/env.js';
import { runCommand } from './lib/measure.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '25' }, match: { type: 'string' } },
  allowPositionals: true,
});
const top = Number(values.top);
const [script, ...args] = positionals;
if (!script) throw new Error('usage: profile.ts [--top N] -- <script.js> [args...]');

const dir = join(benchRoot, '.out', 'prof');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const run = await runCommand(
  process.execPath,
  ['--cpu-prof', '--cpu-prof-dir', dir, resolve(repoRoot, script), ...args],
  { cwd: repoRoot, rss: true },
);
console.log(
  `${run.ok ? 'ok' : 'FAILED'} in ${(run.ms / 1000).toFixed(2)} s wall, ${(run.cpuMs / 1000).toFixed(2)} s CPU, peak RSS ${(run.peakRss / 2 ** 20).toFixed(0)} MiB`,
);
if (!run.ok) console.log(run.stderr.slice(0, 2000));
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no .cpuprofile written');
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: ProfileNode): string => {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url ? `${display(url.replace(/^file:\/\//, ''))}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
};
const pkg = (n: ProfileNode): string => {
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  if (!url) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native/builtin)';
  if (url.startsWith('node:')) return 'node: builtins';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.includes('/packages/')) return display(url).split('/').slice(0, 2).join('/');
  return display(url);
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000; // µs -> ms
  total += dt;
  const node = byId.get(id)!;
  self.set(label(node), (self.get(label(node)) ?? 0) + dt);
  byPackage.set(pkg(node), (byPackage.get(pkg(node)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
  }
});

const print = (title: string, map: Map<string, number>, n: number): void => {
  console.log(`\n${title}`);
  for (const [k, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${ms.toFixed(0).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
  }
};
console.log(`profile: ${display(join(dir, file))}, ${total.toFixed(0)} ms sampled`);
print('Self time by package', byPackage, 15);
print(`Top ${top} functions by self time`, self, top);
print(`Top ${top} functions by inclusive time`, new Map([...inclusive].filter(([k]) => !k.startsWith('(root)'))), top);
if (values.match) {
  const re = new RegExp(values.match);
  print(
    `Inclusive time of functions matching /${values.match}/`,
    new Map([...inclusive].filter(([k]) => re.test(k))),
    60,
  );
}
