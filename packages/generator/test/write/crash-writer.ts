/**
 * Child process for write-atomic.crash.test.ts: writes the file set in the JSON file `argv[3]` into `argv[2]`,
 * saying `writing` on stdout just before it starts, so the test can time its SIGKILL into the write.
 */
import { readFile } from 'node:fs/promises';
import { writeFileSet } from '../../src/write/write-atomic.js';

const [out, fileSet] = process.argv.slice(2);
if (out === undefined || fileSet === undefined) throw new Error('usage: crash-writer <out> <file-set.json>');
const files = JSON.parse(await readFile(fileSet, 'utf8')) as Parameters<typeof writeFileSet>[1];
process.stdout.write('writing\n');
const result = await writeFileSet(out, files);
process.exitCode = result.diagnostics.length === 0 ? 0 : 1;
