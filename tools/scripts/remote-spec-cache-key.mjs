#!/usr/bin/env node
// An nx `runtime` input of the generate target. nx hashes inputs before the task runs and cannot see the
// content behind a URL, so a config that lists a URL spec prints a new value each time: that target is
// then never a cache hit (packages/generator/README.md, "Specs from URLs"). Local specs print a constant.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

const configPath = process.argv[2] ?? 'sdkgen.config.json';
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const remote = (config.sdks ?? []).filter((sdk) => /^https?:\/\//i.test(String(sdk.spec)));
console.log(remote.length === 0 ? 'local specs only' : `${remote.length} remote spec(s), uncached: ${randomUUID()}`);
