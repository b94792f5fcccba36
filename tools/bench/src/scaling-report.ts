// Section 6 of BENCHMARKS.md and its targets: cost per operation of sdkgen at k× the operations against 1×.
import { display } from './lib/env.js';
import { int, judge, mib, ratio, seconds, table, type Target } from './lib/format.js';
import { max, median, min } from './lib/measure.js';
import type { Samples, ScalingPoint, ScalingResult } from './scaling.js';
import type { CheckedTool } from './typecheck.js';

type Measure = 'generation' | 'typecheck';
type Quantity = 'times' | 'rss';

const medianOf = (s: Samples, key: Quantity | 'cpu'): number => (s.error ? Number.NaN : median(s[key]));

/** Cost per operation at this point divided by the cost per operation at the smallest factor. */
function perOperationRatio(
  result: ScalingResult,
  point: ScalingPoint,
  tool: CheckedTool,
  measure: Measure,
  key: Quantity,
): number {
  const base = result.points[0]!;
  const perOp = (p: ScalingPoint): number => medianOf(p[measure][tool], key) / p.operations;
  return perOp(point) / perOp(base);
}

const what: Record<Measure, string> = { generation: 'generation', typecheck: '`tsc --noEmit` of the output' };
const quantity: Record<Quantity, string> = { times: 'time', rss: 'peak RSS' };

export function scalingTargets(result: ScalingResult | undefined): Target[] {
  if (!result) return [];
  const grown = result.points.slice(1);
  return (['generation', 'typecheck'] as const).flatMap((measure) =>
    (['times', 'rss'] as const).map((key) => {
      const ratios = grown.map((p) => perOperationRatio(result, p, 'sdkgen', measure, key));
      const worst = ratios.some((r) => !Number.isFinite(r)) ? Number.NaN : Math.max(...ratios);
      return {
        id: `scaling-${measure}-${key}`,
        text: `Growth (${result.source.label} ×${result.points.map((p) => p.factor).join(', ×')}): sdkgen's ${what[measure]} ${quantity[key]} per operation ≤ 1.25× its cost at ×${result.points[0]!.factor}`,
        measured: grown.length
          ? grown.map((p, i) => `×${p.factor}: ${ratio(ratios[i]!)}`).join(', ')
          : 'only one size measured',
        verdict: judge(worst, (r) => r <= 1.25),
      };
    }),
  );
}

export function scalingSection(result: ScalingResult | undefined): string {
  const parts = ['## 6. How cost grows with the number of operations', ''];
  if (!result) return [...parts, 'Not run in this invocation.', ''].join('\n');
  parts.push(
    `\`${display(result.source.path)}\` with its path items copied k times (copy n under \`/copy{n}/…\`, operation ids ` +
      'suffixed `-copy{n}`; components shared), written at run time under the work directory. Each tool generates from ' +
      'the k× spec, then its output is type-checked as in section 5. ' +
      `Median of ${result.runs} run${result.runs === 1 ? '' : 's'} per size (the heaviest section: ${result.runs === 1 ? 'one run, so no spread, and' : ''} ` +
      'runs are set apart with `--scaling-runs`). "Per op ÷ ×1" is the cost per operation at this size divided by the ' +
      'cost per operation at the smallest size: above 1 means cost grows faster than the number of operations. ' +
      '"CPU per added op" is the CPU time this size costs beyond the previous size, divided by the operations it adds: ' +
      'flat down the table means linear growth, rising means a superlinear step.',
    '',
  );
  const rows: string[][] = [];
  for (const p of result.points) {
    for (const tool of ['sdkgen', 'openapi-typescript'] as const) {
      const previous = result.points[result.points.indexOf(p) - 1];
      const cells = (measure: Measure): string[] => {
        const s = p[measure][tool];
        if (s.error) return [`failed: ${s.error}`, '', '', '', '', '', ''];
        // CPU time, not wall time: the difference of two wall times carries the load of the machine twice.
        const added = previous
          ? (medianOf(s, 'cpu') - medianOf(previous[measure][tool], 'cpu')) / (p.operations - previous.operations)
          : Number.NaN;
        return [
          seconds(median(s.times)),
          `${seconds(min(s.times))} – ${seconds(max(s.times))}`,
          seconds(median(s.cpu)),
          mib(median(s.rss)),
          ratio(perOperationRatio(result, p, tool, measure, 'times')),
          ratio(perOperationRatio(result, p, tool, measure, 'rss')),
          previous ? `${added.toFixed(2)} ms` : '',
        ];
      };
      rows.push([
        `×${p.factor}`,
        int(p.operations),
        `${(p.specBytes / 1e6).toFixed(1)} MB`,
        tool,
        ...cells('generation'),
        ...cells('typecheck'),
      ]);
    }
  }
  const measureHead = (label: string): string[] => [
    `${label}: median`,
    `${label}: min – max`,
    `${label}: CPU`,
    `${label}: peak RSS`,
    `${label}: time per op ÷ ×1`,
    `${label}: RSS per op ÷ ×1`,
    `${label}: CPU per added op`,
  ];
  parts.push(
    table(['Size', 'Operations', 'Spec', 'Tool', ...measureHead('Generation'), ...measureHead('tsc')], rows),
    '',
  );
  return parts.join('\n');
}
