// The editor-latency part of section 5 of BENCHMARKS.md.
import type { LatencyResult } from './editor-latency.js';
import { int, millis, table } from './lib/format.js';
import { max, median, min } from './lib/measure.js';

const names = { sdkgen: 'sdkgen client (ours)', 'openapi-fetch': 'openapi-fetch over openapi-typescript types' };

export function editorLatencySection(result: LatencyResult | undefined): string {
  if (!result) return '';
  const spread = (values: number[]): string =>
    `${millis(median(values))} (${millis(min(values))} – ${millis(max(values))})`;
  return [
    `### Editor latency (tsserver), ${result.specLabel}`,
    '',
    'tsserver (this TypeScript, started as editors start it, `--disableAutomaticTypingAcquisition`) on a one-file app ' +
      'with the tsconfig above, spoken to over its stdio protocol. "Open → first quick info": from opening the ' +
      'file to the answer of the first quick-info request on the call, a fresh server each run (the project loads). ' +
      `Then ${result.edits} edits per run (a comment changes, so the program is rebuilt as on every keystroke), each ` +
      'followed by a completion request where the user picks the operation (after `resource.` for ours, inside the ' +
      'path string for openapi-fetch) and a quick-info request on the method. Medians (min – max) over ' +
      `${result.runs} run${result.runs === 1 ? '' : 's'}.`,
    '',
    table(
      [
        'Client',
        'Call',
        'Open → first quick info',
        'Completion after an edit',
        'Entries offered',
        'Quick info after an edit',
      ],
      result.rows.map((r) =>
        r.error
          ? [names[r.client], `\`${r.call}\``, `failed: ${r.error}`, '', '', '']
          : [
              names[r.client],
              `\`${r.call}\``,
              spread(r.open),
              spread(r.completion),
              int(r.entries),
              spread(r.quickInfo),
            ],
      ),
    ),
    '',
  ].join('\n');
}
