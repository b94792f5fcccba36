import { createInterface } from 'node:readline';

/** Asks one question and resolves with the trimmed answer, or undefined when the input has ended. */
export type Ask = (question: string) => Promise<string | undefined>;

/**
 * Questions on stdout, answers from stdin: typed at a terminal, or piped in one per line. Lines are read
 * through the async iterator, which buffers answers that arrive before their question is asked.
 */
export function prompter(): { ask: Ask; close: () => void } {
  const lines = createInterface({ input: process.stdin, terminal: process.stdin.isTTY === true });
  const iterator = lines[Symbol.asyncIterator]();
  return {
    ask: async (question) => {
      process.stdout.write(question);
      const next = await iterator.next();
      if (next.done === true) {
        process.stdout.write('\n');
        return undefined;
      }
      return next.value.trim();
    },
    close: () => lines.close(),
  };
}
