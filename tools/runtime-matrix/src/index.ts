export { nodeRuntimes, type NodeRuntime } from './node-runtimes.js';
export { runProcess, type ProcessResult, type RunProcessOptions } from './run-process.js';
