// 5b. Editor latency: tsserver, driven as an editor drives it, on one call of the generated client and the same
// call through openapi-fetch over openapi-typescript's types. Times the first quick info after opening the file
// (the project loads), then, after each edit of the file, member/path completion and quick info on the call.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, now, rotate } from './lib/measure.js';
import { TsServer } from './tsserver.js';

/** The call measured, in both forms. */
export interface CallSite {
  resource: string;
  method: string;
  args: string;
  path: string;
  pathParams: string;
}

export const callSites: Record<string, CallSite> = {
  github: {
    resource: 'repos',
    method: 'get',
    args: "'octocat', 'hello-world'",
    path: '/repos/{owner}/{repo}',
    pathParams: "{ owner: 'octocat', repo: 'hello-world' }",
  },
  revio: { resource: 'customers', method: 'get', args: '1001', path: '/Customers/{id}', pathParams: '{ id: 1001 }' },
};

export type EditorClient = 'sdkgen' | 'openapi-fetch';

export interface LatencyRow {
  client: EditorClient;
  /** The line of the app that is measured. */
  call: string;
  open: number[];
  completion: number[];
  quickInfo: number[];
  /** Completion entries offered at the measured position (last run). */
  entries: number;
  error?: string;
}

export interface LatencyResult {
  specLabel: string;
  runs: number;
  edits: number;
  rows: LatencyRow[];
}

interface App {
  text: string;
  /** Where completion is asked (just after `resource.` or the opening quote of the path). */
  completeAt: number;
  /** Where quick info is asked (on the method name). */
  infoAt: number;
}

function appFor(client: EditorClient, site: CallSite, outDir: string): App {
  const lines =
    client === 'sdkgen'
      ? [
          `import { ${clientClass(outDir)} as Client } from '${join(outDir, 'src/index.js')}';`,
          'const client = new Client();',
          `export const result = client.${site.resource}.${site.method}(${site.args});`,
        ]
      : [
          "import createClient from 'openapi-fetch';",
          `import type { paths } from '${join(outDir, 'schema.js')}';`,
          'const client = createClient<paths>();',
          `export const result = client.GET('${site.path}', { params: { path: ${site.pathParams} } });`,
        ];
  const text = `${lines.join('\n')}\n// edit 000\n`;
  const call = text.indexOf('export const result');
  const completeAt =
    client === 'sdkgen' ? text.indexOf(`.${site.method}(`, call) + 1 : text.indexOf(`'${site.path}'`, call) + 1;
  const infoAt = client === 'sdkgen' ? completeAt : text.indexOf('GET', call);
  return { text, completeAt, infoAt };
}

/** The client class the generated index exports (`export { GitHubClient };`). */
function clientClass(outDir: string): string {
  const match = /export \{ (\w+) \};/.exec(readFileSync(join(outDir, 'src/index.ts'), 'utf8'));
  if (!match) throw new Error(`no client class exported by ${join(outDir, 'src/index.ts')}`);
  return match[1]!;
}

function location(text: string, index: number): { line: number; offset: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, offset: before[before.length - 1]!.length + 1 };
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = now();
  const value = await work();
  return [now() - start, value];
}

async function measureOnce(row: LatencyRow, app: App, file: string, edits: number): Promise<void> {
  const server = new TsServer();
  try {
    const info = { file, ...location(app.text, app.infoAt) };
    const complete = { file, ...location(app.text, app.completeAt) };
    const [openMs] = await timed(async () => {
      await server.request('open', { file, fileContent: app.text });
      return server.request('quickinfo', info);
    });
    row.open.push(openMs);
    const editLine = app.text.split('\n').length - 1;
    for (let e = 1; e <= edits; e++) {
      // Same length each time, so the measured positions do not move.
      await server.request('updateOpen', {
        changedFiles: [
          {
            fileName: file,
            textChanges: [
              {
                start: { line: editLine, offset: 9 },
                end: { line: editLine, offset: 12 },
                newText: String(e).padStart(3, '0'),
              },
            ],
          },
        ],
      });
      const [completionMs, body] = await timed(() => server.request('completionInfo', complete));
      row.completion.push(completionMs);
      row.entries = (body as { entries?: unknown[] } | undefined)?.entries?.length ?? 0;
      const [infoMs] = await timed(() => server.request('quickinfo', info));
      row.quickInfo.push(infoMs);
    }
  } finally {
    server.close();
  }
}

export async function measureEditorLatency(
  specLabel: string,
  site: CallSite,
  outputs: { client: EditorClient; outDir: string; error: string | undefined }[],
  compilerOptions: Record<string, unknown>,
  runs: number,
  workDir: string,
  log: (line: string) => void,
): Promise<LatencyResult> {
  const edits = 5;
  const apps = outputs.map(({ client, outDir, error }) => {
    const dir = join(workDir, 'editor', client);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['app.ts'] }, null, 2));
    const row: LatencyRow = { client, call: '', open: [], completion: [], quickInfo: [], entries: 0 };
    if (error) return { row: { ...row, error: `no output: ${error}` }, file: '', app: undefined };
    const app = appFor(client, site, outDir);
    row.call = app.text.split('\n').find((l) => l.startsWith('export const result'))!;
    writeFileSync(join(dir, 'app.ts'), app.text);
    return { row, file: join(dir, 'app.ts'), app };
  });
  for (let i = 0; i < runs; i++) {
    for (const { row, file, app } of rotate(apps, i)) {
      if (row.error || !app) continue;
      try {
        await measureOnce(row, app, file, edits);
        log(
          `  tsserver ${row.client} run ${i + 1}/${runs}: open ${row.open.at(-1)!.toFixed(0)} ms, completion ${median(row.completion).toFixed(0)} ms`,
        );
      } catch (error) {
        row.error = error instanceof Error ? error.message : String(error);
      }
    }
  }
  return { specLabel, runs, edits, rows: apps.map((a) => a.row) };
}
