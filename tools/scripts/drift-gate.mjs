#!/usr/bin/env node
// The drift gate (.ci/run, after the tests): the tests regenerate every SDK of sdkgen.config.json, so a
// committed output that is not what the generator makes now shows up as a change in git. Fails, naming
// each file, when an SDK's output folder has a modified, deleted or untracked file.
// `--after "N passed, M failed"` (the test command's last line) counts the gate as one more check and
// prints the sum as the last line, so CI's closing line covers it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { after: { type: 'string' }, root: { type: 'string', default: '.' } } });
const root = values.root;
const config = JSON.parse(readFileSync(`${root}/sdkgen.config.json`, 'utf8'));
const outDirs = config.sdks.map((sdk) => sdk.out);
const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', ...outDirs], {
  cwd: root,
  encoding: 'utf8',
});
const clean = status.trim() === '';
if (clean) {
  console.log(`drift gate: ${outDirs.join(', ')} match the commit`);
} else {
  console.log(status.trimEnd());
  console.log(
    `drift gate: the files above differ from the commit after the tests regenerated ${outDirs.join(', ')}; ` +
      'run `npm run generate` and commit the result (never edit generated files by hand)',
  );
}
if (values.after !== undefined) {
  const counts = /^(\d+) passed, (\d+) failed/.exec(values.after.trim());
  const [passed, failed] = counts ? [Number(counts[1]), Number(counts[2])] : [0, 1];
  console.log(`${passed + (clean ? 1 : 0)} passed, ${failed + (clean ? 0 : 1)} failed`);
}
process.exitCode = clean ? 0 : 1;
