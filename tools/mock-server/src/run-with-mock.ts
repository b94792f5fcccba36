/**
 * Runs a command against a Prism mock of a spec, then stops the mock whatever the command did:
 *   tsx tools/mock-server/src/run-with-mock.ts --spec openapi/revio.yaml --env REVIO_BASE_URL -- node app.js
 * The mock's base URL is given to the command in the environment variable named by --env.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startMock } from './start-mock.js';

const separator = process.argv.indexOf('--');
if (separator === -1 || separator === process.argv.length - 1) usage();
const { values } = parseArgs({
  args: process.argv.slice(2, separator),
  options: { spec: { type: 'string' }, env: { type: 'string', default: 'MOCK_BASE_URL' } },
});
if (!values.spec) usage();
const [command, ...commandArgs] = process.argv.slice(separator + 1) as [string, ...string[]];

const mock = await startMock(values.spec);
console.error(`mock-server: Prism is serving ${values.spec} at ${mock.url}`);
let exitCode: number;
try {
  exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      stdio: 'inherit',
      env: { ...process.env, [values.env]: mock.url },
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
} finally {
  await mock.stop();
  console.error('mock-server: stopped');
}
process.exit(exitCode);

function usage(): never {
  console.error('usage: run-with-mock --spec <openapi file> [--env NAME] -- <command> [args...]');
  process.exit(2);
}
