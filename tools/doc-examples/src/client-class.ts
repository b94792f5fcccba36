import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The client class a generated package exports from `src/client.ts`. */
export function clientClassName(packageDir: string): string {
  const source = readFileSync(path.join(packageDir, 'src', 'client.ts'), 'utf8');
  const match = /^export class (\w+)/m.exec(source);
  if (match?.[1] === undefined) throw new Error(`${packageDir}/src/client.ts exports no class`);
  return match[1];
}
