export { nodeRuntimes, type NodeRuntime } from './node-runtimes.js';
