export * from './start-mock.js';
export * from './recording-proxy.js';
