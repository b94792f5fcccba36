import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  docText,
  markdownBlock,
  markdownCode,
  markdownCodeBlock,
  markdownInline,
  markdownTableCell,
  markdownTableCode,
  propertyKey,
  stringLiteral,
  templateLiteralText,
} from '../../src/emit/escape.js';

type Case = [name: string, { given: string; want: string }];

function table(fn: (text: string) => string, cases: Case[]): void {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(fn(given)).toBe(want);
  });
}

/** Evaluates a TypeScript expression the way a compiled module would. */
function evaluate(expression: string): unknown {
  const js = ts.transpileModule(`export default ${expression};`, {
    compilerOptions: { module: ts.ModuleKind.CommonJS },
  }).outputText;
  const module = { exports: {} as { default?: unknown } };
  // Runs the emitted literal the way the generated module would, to read back the value it holds.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
  new Function('module', 'exports', js)(module, module.exports);
  return module.exports.default;
}

describe('docText', () => {
  table(docText, [
    ['plain text', { given: 'Returns a customer.', want: 'Returns a customer.' }],
    ['comment close and open', { given: 'a */ process.exit(1) /* b', want: 'a *\\/ process.exit(1) /\\* b' }],
    ['overlapping comment marks', { given: '/*/ */*', want: '/\\*\\/ *\\/\\*' }],
    ['tag at line start', { given: 'x\n@deprecated now', want: 'x\n\\@deprecated now' }],
    ['tag after whitespace', { given: 'see @throws here', want: 'see \\@throws here' }],
    ['email stays', { given: 'mail a@b.c', want: 'mail a@b.c' }],
    ['inline link stays', { given: 'see {@link Foo}', want: 'see {@link Foo}' }],
    ['line separators', { given: 'a\r\nb\rc\u2028d\u2029e', want: 'a\nb\nc\nd\ne' }],
    ['trailing spaces', { given: '  a  \nb\t\n', want: 'a\nb' }],
  ]);

  it('never lets a comment end early, whatever the input', () => {
    const nasty = '*/*/ **/ /*/ */\u2028*/';
    const source = `/**\n * ${docText(nasty).split('\n').join('\n * ')}\n */\nexport const x = 1;`;
    const file = ts.createSourceFile('a.ts', source, ts.ScriptTarget.ES2022, true);
    expect(file.statements).toHaveLength(1);
  });
});

describe('stringLiteral', () => {
  table(stringLiteral, [
    ['plain', { given: 'abc', want: "'abc'" }],
    ['single quote', { given: "it's", want: "'it\\'s'" }],
    ['double quote', { given: 'say "hi"', want: '\'say "hi"\'' }],
    ['backslash then quote', { given: '\\"', want: "'\\\\\"'" }],
    ['newline', { given: 'a\nb', want: "'a\\nb'" }],
    ['line separator', { given: 'a\u2028b', want: "'a\\u2028b'" }],
  ]);

  it.each(["'); process.exit(1); ('", "\\'", '"\'\\\n\u2029`${x}`', '\\\\"'])('round-trips %j', (value) => {
    expect(evaluate(stringLiteral(value))).toBe(value);
  });
});

describe('propertyKey', () => {
  table(propertyKey, [
    ['identifier', { given: 'page_size', want: 'page_size' }],
    ['dollar', { given: '$top', want: '$top' }],
    ['dotted', { given: 'search.name', want: "'search.name'" }],
    ['dashed', { given: 'X-Request-Id', want: "'X-Request-Id'" }],
    ['leading digit', { given: '1st', want: "'1st'" }],
    ['quote injection', { given: "a'] = 1; process.exit(1); x['", want: "'a\\'] = 1; process.exit(1); x[\\''" }],
  ]);
});

describe('templateLiteralText', () => {
  table(templateLiteralText, [
    ['plain', { given: '/customers/', want: '/customers/' }],
    ['backtick', { given: '/a`b', want: '/a\\`b' }],
    ['substitution', { given: '/${x}', want: '/\\${x}' }],
    ['backslash', { given: '/a\\b', want: '/a\\\\b' }],
  ]);

  it('round-trips through a template literal', () => {
    const text = '/a`${process.exit(1)}\\`';
    expect(evaluate(`\`${templateLiteralText(text)}\``)).toBe(text);
  });
});

describe('markdown', () => {
  describe('markdownBlock', () => {
    table(markdownBlock, [
      [
        'formatting kept',
        { given: 'Use **bold** and [links](https://x.y).', want: 'Use **bold** and [links](https://x.y).' },
      ],
      ['html shown as text', { given: '<script>alert(1)</script>', want: '&lt;script&gt;alert(1)&lt;/script&gt;' }],
      ['comment close', { given: 'a --> b', want: 'a --&gt; b' }],
      ['entities kept', { given: 'a &amp; b & c', want: 'a &amp; b &amp; c' }],
      ['code fence escaped', { given: 'x\n```\ny', want: 'x\n\\```\ny' }],
      ['tilde fence escaped', { given: '  ~~~js', want: '\\~~~js' }],
    ]);
  });

  describe('markdownInline', () => {
    table(markdownInline, [['line breaks folded', { given: 'a\r\n  b\u2028c', want: 'a b c' }]]);
  });

  describe('markdownTableCell', () => {
    table(markdownTableCell, [
      ['pipes', { given: 'a | b', want: 'a \\| b' }],
      ['paragraphs', { given: 'a\n\nb', want: 'a<br>b' }],
      ['soft line wrap', { given: 'a\n  b', want: 'a b' }],
      ['html', { given: '<b>x</b>', want: '&lt;b&gt;x&lt;/b&gt;' }],
    ]);
  });

  describe('markdownCode', () => {
    table(markdownCode, [
      ['plain', { given: 'Foo<Bar>', want: '`Foo<Bar>`' }],
      ['backticks inside', { given: 'a`b', want: '``a`b``' }],
      ['backtick at edge', { given: '`a', want: '`` `a ``' }],
      ['newline', { given: 'a\nb', want: '`a b`' }],
    ]);
  });

  describe('markdownTableCode', () => {
    table(markdownTableCode, [['union', { given: "'a' | 'b'", want: "`'a' \\| 'b'`" }]]);
  });

  it('markdownCodeBlock uses a fence longer than any inside', () => {
    expect(markdownCodeBlock('a\n```\nb', 'ts')).toBe('````ts\na\n```\nb\n````');
  });
});
