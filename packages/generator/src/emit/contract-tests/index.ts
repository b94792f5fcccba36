/**
 * The contract tests emitted with each SDK under `test/generated/`: the contract derived from the model
 * (`contract.json`), a mock server that answers from it, and the suite that runs every operation against
 * the mock. The mock server and the suite are the same for every API; only the contract differs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Api } from '../../model/types.js';
import type { GeneratedFile } from '../file.js';
import { headerText, tsHeader, type HeaderInfo } from '../header.js';
import { templatesDirectory } from '../templates.js';
import { buildContract } from './contract.js';
import type { Contract } from './contract-types.js';

export const CONTRACT_TESTS_DIR = 'test/generated';

/** Files copied as they are (after the header) from `templates/contract-tests/`. */
const FIXED_FILES = ['mock-server.ts', 'contract.test.ts'];

export async function emitContractTests(
  api: Api,
  document: object,
  options: { clientName: string; header: HeaderInfo },
): Promise<GeneratedFile[]> {
  const header = tsHeader(options.header);
  const fixed = await Promise.all(
    FIXED_FILES.map(async (name) => ({
      path: `${CONTRACT_TESTS_DIR}/${name}`,
      contents: header + (await readFile(join(templatesDirectory(), 'contract-tests', name), 'utf8')),
    })),
  );
  const contractFile = {
    path: `${CONTRACT_TESTS_DIR}/contract.json`,
    contents: contractJson(buildContract(api, document, options.clientName), headerText(options.header)),
  };
  return [...fixed, contractFile];
}

/**
 * The contract as JSON, the header in its `"//"` field, one operation per line: compact, and a spec
 * change shows as a diff of the operations it touches. JSON rather than TypeScript, so that type-checking
 * the package never reads it.
 */
function contractJson({ operations, ...rest }: Contract, header: string): string {
  const head = JSON.stringify({ '//': header, ...rest }).slice(0, -1);
  const lines = operations.map((operation) => `    ${JSON.stringify(operation)}`);
  return `${head},\n  "operations": [\n${lines.join(',\n')}\n  ]\n}\n`;
}
