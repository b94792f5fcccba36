/** Types of the sdkgen nx plugin (`plugin.js`), shaped like nx's `CreateNodesV2` without depending on nx. */
interface InferredProject {
  name: string;
  root: string;
  tags: string[];
  targets: Record<string, Record<string, unknown>>;
}

export declare const createNodesV2: [
  configGlob: string,
  createNodes: (
    configFiles: readonly string[],
    options: unknown,
    context: { workspaceRoot: string },
  ) => Promise<[configFile: string, result: { projects: Record<string, InferredProject> }][]>,
];
