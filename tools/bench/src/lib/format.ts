// Formatting of figures and Markdown tables for the report, and the verdict of a target.
export type Verdict = 'met' | 'missed' | 'not measured';
export interface Target {
  id: string;
  text: string;
  measured: string;
  verdict: Verdict;
}

export const ok = (n: number): boolean => Number.isFinite(n);
export const seconds = (ms: number): string => (ok(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');
export const millis = (ms: number): string => (ok(ms) ? `${ms.toFixed(0)} ms` : 'n/a');
export const micros = (us: number): string => (ok(us) ? `${us.toFixed(1)} µs` : 'n/a');
export const mib = (bytes: number): string => (ok(bytes) ? `${(bytes / 2 ** 20).toFixed(0)} MiB` : 'n/a');
export const kib = (bytes: number): string => (ok(bytes) ? `${(bytes / 1024).toFixed(2)} KB` : 'n/a');
export const ratio = (r: number): string => (ok(r) ? `${r.toFixed(2)}×` : 'n/a');
export const int = (n: number): string => (ok(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
export const table = (head: string[], rows: string[][]): string =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
export const verdict = (v: Verdict): string =>
  v === 'met' ? '✅ met' : v === 'missed' ? '❌ missed' : '⚠️ not measured';
export const judge = (value: number, pass: (v: number) => boolean): Verdict =>
  ok(value) ? (pass(value) ? 'met' : 'missed') : 'not measured';
