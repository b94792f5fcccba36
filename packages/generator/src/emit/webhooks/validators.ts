/**
 * `src/validators.js`: one Ajv standalone validator per schema a webhook body is checked against, compiled
 * at generation time so the package needs neither Ajv nor the spec at run time.
 */
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import type { GeneratedFile } from '../file.js';
import { tsHeader, type HeaderInfo } from '../header.js';

const DOCUMENT_ID = 'openapi';

/** The validator's export name for a component schema. */
export function validatorName(schemaName: string): string {
  return `validate${schemaName.replace(/[^A-Za-z0-9_$]/g, '_')}`;
}

/** The module and its declaration file; OpenAPI-only keywords (`example`, `discriminator`, formats) are not checked. */
export function emitValidators(
  document: object,
  schemaNames: readonly string[],
  { header, runtimePackage }: { header: HeaderInfo; runtimePackage: string },
): GeneratedFile[] {
  const ajv = new Ajv({ strict: false, validateFormats: false, code: { source: true, esm: true } });
  ajv.addSchema(document, DOCUMENT_ID);
  const exports = Object.fromEntries(
    schemaNames.map((name) => [
      validatorName(name),
      `${DOCUMENT_ID}#/components/schemas/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`,
    ]),
  );
  const code = standalone.default(ajv, exports);
  // Ajv adds `require` calls for helpers some keywords need; the package must stay dependency-free.
  if (/\brequire\(/.test(code))
    throw new Error('a webhook schema uses a keyword whose validator needs Ajv at run time');
  const declarations = schemaNames.map((name) => `export declare const ${validatorName(name)}: WebhookValidator;\n`);
  return [
    { path: 'src/validators.js', contents: `${tsHeader(header)}${code}\n` },
    {
      path: 'src/validators.d.ts',
      contents: `${tsHeader(header)}import type { WebhookValidator } from '${runtimePackage}';\n\n${declarations.join('')}`,
    },
  ];
}
