#!/usr/bin/env node
/** The `sdkgen` executable: the compile cache is in place before the CLI's dependencies load. */
import { useCompileCache } from './compile-cache.js';

useCompileCache();
await import('./run-cli.js');
