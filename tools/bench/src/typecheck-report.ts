// Section 5 of BENCHMARKS.md and its targets: sdkgen's generated sources against openapi-typescript's types alone.
import { display } from './lib/env.js';
import { int, judge, mib, ratio, seconds, table, type Target } from './lib/format.js';
import { max, median, min } from './lib/measure.js';
import { type CheckedTool, medianOf, type TypecheckResult, type TypecheckRow } from './typecheck.js';

const toolNames: Record<CheckedTool, string> = {
  sdkgen: 'sdkgen (ours)',
  'openapi-typescript': 'openapi-typescript (types alone)',
};

function pairs(
  t: TypecheckResult,
): { label: string; ours: TypecheckRow | undefined; peer: TypecheckRow | undefined }[] {
  const keys = [...new Set(t.rows.map((r) => r.spec.key))];
  return keys.map((key) => {
    const of = (tool: CheckedTool): TypecheckRow | undefined =>
      t.rows.find((r) => r.spec.key === key && r.tool === tool);
    return {
      label: t.rows.find((r) => r.spec.key === key)!.spec.label,
      ours: of('sdkgen'),
      peer: of('openapi-typescript'),
    };
  });
}

export function typecheckTargets(t: TypecheckResult | undefined): Target[] {
  if (!t) return [];
  return pairs(t).flatMap(({ label, ours, peer }) => {
    const time = medianOf(ours, 'times') / medianOf(peer, 'times');
    const cpu = medianOf(ours, 'cpu') / medianOf(peer, 'cpu');
    const rss = medianOf(ours, 'rss') / medianOf(peer, 'rss');
    return [
      {
        id: `typecheck-${label}-time`,
        text: `Type-check (${label}): sdkgen's client ≤ 1.15× openapi-typescript's types alone (time)`,
        measured: `${seconds(medianOf(ours, 'times'))} vs ${seconds(medianOf(peer, 'times'))} = ${ratio(time)} (CPU time: ${ratio(cpu)})`,
        verdict: judge(time, (r) => r <= 1.15),
      },
      {
        id: `typecheck-${label}-rss`,
        text: `Type-check (${label}): sdkgen's client ≤ 1.15× openapi-typescript's types alone (peak RSS)`,
        measured: `${mib(medianOf(ours, 'rss'))} vs ${mib(medianOf(peer, 'rss'))} = ${ratio(rss)}`,
        verdict: judge(rss, (r) => r <= 1.15),
      },
    ];
  });
}

const counters = ['Lines of TypeScript', 'Identifiers', 'Symbols', 'Types', 'Instantiations'] as const;

export function typecheckSection(t: TypecheckResult | undefined): string {
  const parts = ['## 5. Type-check cost of the generated code', ''];
  if (!t) return [...parts, 'Not run in this invocation.', ''].join('\n');
  parts.push(
    `\`tsc --noEmit --extendedDiagnostics -p\` (TypeScript ${t.typescriptVersion}) with one shared tsconfig: ` +
      `\`${JSON.stringify(t.compilerOptions)}\`. sdkgen: the sources it generates (\`src/**/*.ts\`: client, resources, ` +
      'standalone functions, error maps, models and its schema types; not `test/`, which needs the test runner). ' +
      "openapi-typescript: its `schema.ts`, the types alone, as openapi-fetch's users compile them. " +
      `Median of ${t.runs} run${t.runs === 1 ? '' : 's'}, the rows taking turns; CPU time and peak RSS as in section 1. ` +
      'The counters (lines, identifiers, symbols, types, instantiations, "Memory used") come from the last run and do not ' +
      'depend on the load of the machine; the times do.',
    '',
  );
  const rows: string[][] = [];
  for (const { ours, peer } of pairs(t)) {
    for (const r of [ours, peer]) {
      if (!r) continue;
      const name = `${toolNames[r.tool]}, ${r.spec.label}`;
      if (r.error) {
        rows.push([name, `failed: ${r.error}`, ...Array<string>(12).fill('')]);
        continue;
      }
      const d = r.diagnostics;
      rows.push([
        name,
        seconds(median(r.times)),
        `${seconds(min(r.times))} – ${seconds(max(r.times))}`,
        seconds(median(r.cpu)),
        mib(median(r.rss)),
        ...counters.map((k) => int(d[k] ?? Number.NaN)),
        mib(d['Memory used'] ?? Number.NaN),
        `${seconds(d['Parse time'] ?? Number.NaN)} / ${seconds(d['Bind time'] ?? Number.NaN)} / ${seconds(d['Check time'] ?? Number.NaN)}`,
        r === ours && peer && !peer.error ? ratio(median(r.times) / median(peer.times)) : '1.00× (itself)',
        `${r.typeErrors}${r.firstTypeError ? ` (first: ${r.firstTypeError.slice(0, 120)})` : ''}`,
      ]);
    }
  }
  parts.push(
    table(
      [
        'Generated code',
        'Median time',
        'Min – max',
        'CPU time (median)',
        'Peak RSS (median)',
        ...counters,
        'Memory used (tsc)',
        'Parse / bind / check (last run)',
        '÷ openapi-typescript (time)',
        'Type errors',
      ],
      rows,
    ),
    '',
    ...t.rows.map(
      (r) => `- ${toolNames[r.tool]}, ${r.spec.label}: \`${r.command}\` over \`${display(r.outDir)}/${r.scope}\``,
    ),
    '',
  );
  return parts.join('\n');
}
