// Deno and Bun run this file directly: `deno run --allow-net <file> <baseUrl>`, `bun <file> <baseUrl>`.
import { runScenario } from './client-scenario.js';

const deno = (globalThis as { Deno?: { args: string[] } }).Deno;
await runScenario(deno ? deno.args[0]! : process.argv[2]!);
