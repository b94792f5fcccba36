// Section 7 of BENCHMARKS.md: what the generated test suites cost to run.
import { display } from './lib/env.js';
import { int, mib, seconds, table } from './lib/format.js';
import { max, median, min } from './lib/measure.js';
import type { SuitesResult } from './suites.js';

export function suitesSection(result: SuitesResult | undefined): string {
  const parts = ['## 7. Generated test suites and docs checks', ''];
  if (!result) return [...parts, 'Not run in this invocation.', ''].join('\n');
  parts.push(
    'The suites sdkgen generates for the Rev.io client, run with vitest from `packages/client` as its CI runs them ' +
      `(median of ${result.runs} run${result.runs === 1 ? '' : 's'}; CPU time and peak RSS as in section 1). ` +
      'The generator emits no docs check in this revision, so none is timed.',
    '',
    table(
      ['Suite', 'Tests', 'Median time', 'Min – max', 'CPU time (median)', 'Peak RSS (median)', 'Command'],
      result.rows.map((r) =>
        r.error
          ? [r.name, '', `failed: ${r.error}`, '', '', '', `\`${r.command}\` in \`${display(r.cwd)}\``]
          : [
              r.name,
              int(r.tests),
              seconds(median(r.times)),
              `${seconds(min(r.times))} – ${seconds(max(r.times))}`,
              seconds(median(r.cpu)),
              mib(median(r.rss)),
              `\`${r.command}\` in \`${display(r.cwd)}\``,
            ],
      ),
    ),
    '',
  );
  return parts.join('\n');
}
