export { HANDLER_FAILED, listen, sendJson } from './http-server.js';
export type { Handler, ListeningServer, RecordedRequest, TestServer } from './http-server.js';
export { closedPort, startServer } from './test-server.js';
export { tempDir } from './temp-dir.js';
export { finished, runScript, startScript } from './node-process.js';
export type { ScriptOptions, ScriptRun } from './node-process.js';
