/** `sdkgen generate --watch`: one summary per run until Ctrl-C, which stops after the run in progress. */
import { watch, type WatchRun, type WatchTarget } from '../watch.js';
import { EXIT_OK } from './exit-codes.js';
import { printDiagnostics, report, type Verbosity } from './report.js';

function printRun(run: WatchRun, verbosity: Verbosity, labelled: boolean): void {
  printDiagnostics(run.diagnostics, verbosity);
  for (const result of run.results)
    report(result, { out: result.sdk.out, check: false, label: labelled ? `${result.sdk.out}: ` : '', verbosity });
}

/** Watches until SIGINT (Ctrl-C) or SIGTERM; resolves with the exit code once everything is closed. */
export async function runWatch(target: WatchTarget, verbosity: Verbosity): Promise<number> {
  // Listening before the first run, so that Ctrl-C during it also waits for it to finish.
  let interrupted = false;
  const interrupt = new Promise<void>((resolve) => {
    const stop = () => {
      interrupted = true;
      resolve();
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
  const watcher = watch(target, { onRun: (run) => printRun(run, verbosity, 'config' in target) });
  await watcher.ready;
  if (!interrupted && verbosity !== 'quiet') process.stdout.write('sdkgen: watching for changes (Ctrl-C stops)\n');
  await interrupt;
  await watcher.close();
  if (verbosity !== 'quiet') process.stdout.write('sdkgen: stopped watching\n');
  return EXIT_OK;
}
