/**
 * The apps a user would write: each in a fresh folder outside the repo, installing the published
 * packages from the registry as a user's npm would (only the `@revio-sdk` scope is sent to it).
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runStep } from './run.js';

export interface ConsumerContext {
  version: string;
  /** With `NPM_CONFIG_USERCONFIG`: an npmrc that sends `@revio-sdk/*` to the registry. */
  env: NodeJS.ProcessEnv;
}

/** The ESM app (`import`): a typed 404 from the client, `instanceof` the class of both builds. */
const ESM_APP = `import { createRequire } from 'node:module';
import { NotFoundError, RevioClient } from '@revio-sdk/client';

const required = createRequire(import.meta.url)('@revio-sdk/client');
const client = new RevioClient({ maxRetries: 0 });
try {
  await client.customers.get(999999, { headers: { Prefer: 'code=404' } });
  throw new Error('expected a 404');
} catch (error) {
  if (!(error instanceof NotFoundError)) throw error;
  const both = error instanceof NotFoundError && error instanceof required.NotFoundError;
  console.log(\`esm: typed 404: \${error.name} status=\${error.status}; instanceof NotFoundError of import and require: \${both}\`);
  if (!both) process.exitCode = 1;
}
`;

/** The CJS app (`require`): the same, with the ESM build's class from a dynamic import. */
const CJS_APP = `const { NotFoundError, RevioClient } = require('@revio-sdk/client');

async function main() {
  const imported = await import('@revio-sdk/client');
  const client = new RevioClient({ maxRetries: 0 });
  try {
    await client.customers.get(999999, { headers: { Prefer: 'code=404' } });
    throw new Error('expected a 404');
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const both = error instanceof NotFoundError && error instanceof imported.NotFoundError;
    console.log(\`cjs: typed 404: \${error.name} status=\${error.status}; instanceof NotFoundError of require and import: \${both}\`);
    if (!both) process.exitCode = 1;
  }
}
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;

/** Installs `@revio-sdk/client` into `dir` and runs the ESM and CJS apps against `baseUrl`; returns their output. */
export async function runClientApps(dir: string, baseUrl: string, context: ConsumerContext): Promise<string[]> {
  await newApp(dir);
  const npm = { cwd: dir, env: context.env };
  await runStep(
    `installing @revio-sdk/client@${context.version} from the registry`,
    'npm',
    ['install', '--no-audit', '--no-fund', `@revio-sdk/client@${context.version}`],
    npm,
  );
  await writeFile(path.join(dir, 'app.mjs'), ESM_APP);
  await writeFile(path.join(dir, 'app.cjs'), CJS_APP);
  const env = {
    ...context.env,
    REVIO_BASE_URL: baseUrl,
    REVIO_USERNAME: 'demo',
    REVIO_CLIENT_CODE: 'demo_sandbox',
    REVIO_PASSWORD: 'demo-password',
    REVIO_SUBSCRIPTION_KEY: 'demo-subscription-key',
  };
  const lines: string[] = [];
  for (const app of ['app.mjs', 'app.cjs']) {
    const output = await runStep(`the ${app} consumer`, process.execPath, [app], { cwd: dir, env });
    lines.push(output.trim());
  }
  return lines;
}

/**
 * Runs `npx @revio-sdk/generator generate` from the registry on `spec`, installs what the generated
 * package depends on, and type-checks it with `tsc` (its own strict tsconfig); returns what sdkgen printed.
 */
export async function runGenerator(dir: string, spec: string, tsc: string, context: ConsumerContext): Promise<string> {
  await newApp(dir);
  const out = path.join(dir, 'x');
  const generated = await runStep(
    `npx @revio-sdk/generator@${context.version} generate`,
    'npx',
    ['--yes', `@revio-sdk/generator@${context.version}`, 'generate', '--spec', spec, '--out', out, '--name', 'x'],
    { cwd: dir, env: context.env },
  );
  await runStep("installing the generated package's dependencies", 'npm', ['install', '--no-audit', '--no-fund'], {
    cwd: out,
    env: context.env,
  });
  // The generated contract suite (test/generated/) is type-checked too: it needs vitest and Node's types,
  // which the generator's README asks the package's user to install. The repo's own pins are used.
  await runStep(
    "installing the contract suite's vitest and @types/node",
    'npm',
    ['install', '--no-audit', '--no-fund', '--save-dev', ...contractSuiteDevDependencies()],
    {
      cwd: out,
      env: context.env,
    },
  );
  await runStep('type-checking the generated package', process.execPath, [tsc, '-p', out], {
    cwd: out,
    env: context.env,
  });
  return generated.trim();
}

async function newApp(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'app', private: true }, null, 2)}\n`);
}

/** `vitest@x` and `@types/node@y`, as the repo's root package.json pins them. */
function contractSuiteDevDependencies(): string[] {
  const root = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  return ['vitest', '@types/node'].map((name) => `${name}@${root.devDependencies[name]}`);
}
