import { describe, expect, it } from 'vitest';
import { formatDiagnostic, hasErrors } from '../../src/load/diagnostics.js';
import type { Diagnostic } from '../../src/model/types.js';
import { childPointer } from '../../src/load/json-pointer.js';

describe('formatDiagnostic', () => {
  const cases: { name: string; given: Diagnostic; want: string }[] = [
    {
      name: 'error with line and column',
      given: { severity: 'error', file: 'api.yaml', line: 3, column: 7, pointer: '#/paths/~1a', message: 'bad' },
      want: 'api.yaml:3:7 #/paths/~1a: bad',
    },
    {
      name: 'warning without a position',
      given: { severity: 'warning', file: 'api.yaml', pointer: '#', message: 'odd' },
      want: 'api.yaml #: warning: odd',
    },
  ];
  it.each(cases)('$name', ({ given, want }) => expect(formatDiagnostic(given)).toBe(want));
});

describe('childPointer', () => {
  const cases: { given: [string, ...(string | number)[]]; want: string }[] = [
    { given: ['#/paths', '/a/{id}', 'get'], want: '#/paths/~1a~1{id}/get' },
    { given: ['#', 'x~y', 0], want: '#/x~0y/0' },
  ];
  it.each(cases)('$want', ({ given, want }) => expect(childPointer(...given)).toBe(want));
});

describe('hasErrors', () => {
  it('is true only when an error is present', () => {
    const warning: Diagnostic = { severity: 'warning', file: 'a', pointer: '#', message: 'w' };
    expect(hasErrors([warning])).toBe(false);
    expect(hasErrors([warning, { ...warning, severity: 'error' }])).toBe(true);
  });
});
