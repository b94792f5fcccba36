import type { Diagnostic } from '../model/types.js';

/** `file:line:col pointer: message` (line and column left out when unknown), the form every tool prints. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, line, column, pointer, message, severity } = diagnostic;
  const position = line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`;
  const label = severity === 'warning' ? 'warning: ' : '';
  return `${file}${position} ${pointer}: ${label}${message}`;
}

/** True when any diagnostic is an error (warnings do not stop generation). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** The parts of a diagnostic besides its severity and message. */
export interface DiagnosticLocation {
  file: string;
  pointer: string;
  line?: number | undefined;
  column?: number | undefined;
}

function located(severity: Diagnostic['severity'], location: DiagnosticLocation, message: string): Diagnostic {
  const diagnostic: Diagnostic = { severity, message, file: location.file, pointer: location.pointer };
  if (location.line !== undefined) diagnostic.line = location.line;
  if (location.column !== undefined) diagnostic.column = location.column;
  return diagnostic;
}

/** An error diagnostic at `location`. */
export function errorAt(location: DiagnosticLocation, message: string): Diagnostic {
  return located('error', location, message);
}

/** A warning diagnostic at `location`. */
export function warningAt(location: DiagnosticLocation, message: string): Diagnostic {
  return located('warning', location, message);
}
