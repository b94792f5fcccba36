/** The CLI's exit codes, and the usage-error message every command prints the same way. */
export const EXIT_OK = 0;
export const EXIT_DIAGNOSTICS = 1;
export const EXIT_USAGE = 2;

/** Prints a usage problem with the hint to the command's help; returns `EXIT_USAGE`. */
export function usageError(message: string, command = 'generate'): number {
  process.stderr.write(`sdkgen: ${message}\nRun 'sdkgen ${command} --help' for the flags.\n`);
  return EXIT_USAGE;
}
