import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyChanges } from '../../src/diff/classify-change.js';
import {
  changesetFileName,
  generatedChangesets,
  renderChangeset,
  writeChangeset,
} from '../../src/diff/write-changeset.js';
import { tempDir } from '../fixtures/temp-dir.js';

const changes = classifyChanges([
  { kind: 'parameter-added-optional', subject: 'customers.get', name: 'expand', in: 'query' },
  { kind: 'operation-docs-changed', subject: 'customers.list', name: 'summary' },
  { kind: 'error-status-removed', subject: 'notes.create', name: '404', from: 'NotFoundError' },
]);

describe('renderChangeset', () => {
  it('names the package with the highest bump, then lists the changes by bump', () => {
    expect(renderChangeset({ packageName: '@acme/client', changes, spec: 'openapi/acme.yaml' })).toBe(
      [
        '---',
        '"@acme/client": major',
        '---',
        '',
        'API changes from `openapi/acme.yaml`:',
        '',
        'Breaking changes:',
        '',
        '- notes.create: error status 404 removed (now an UnexpectedStatusError)',
        '',
        'Additions:',
        '',
        '- customers.get: parameter `expand` added (optional)',
        '',
        'Documentation and fixes:',
        '',
        '- customers.list: summary changed',
        '',
      ].join('\n'),
    );
  });
});

describe('writeChangeset', () => {
  it('names the file after its content, so writing it again adds nothing', async () => {
    const dir = path.join(await tempDir(), '.changeset');
    const content = renderChangeset({ packageName: '@acme/client', changes, spec: 'api.yaml' });
    expect(changesetFileName(content)).toMatch(/^spec-diff-[0-9a-f]{12}\.md$/);
    expect(changesetFileName(content)).not.toBe(changesetFileName(content.replace('major', 'minor')));
    const first = await writeChangeset(dir, content);
    expect(first).toEqual({ path: path.join(dir, changesetFileName(content)), written: true });
    expect(await readFile(first.path, 'utf8')).toBe(content);
    expect(await writeChangeset(dir, content)).toEqual({ ...first, written: false });
    expect(await readdir(dir)).toEqual([changesetFileName(content)]);
  });

  it("finds the package's generated changesets, not hand-written ones or other packages'", async () => {
    const dir = await tempDir({
      'spec-diff-aaa.md': '---\n"@acme/client": minor\n---\n\nx\n',
      'spec-diff-bbb.md': '---\n"@acme/other": minor\n---\n\nx\n',
      'brave-cats-dance.md': '---\n"@acme/client": patch\n---\n\nx\n',
    });
    await writeFile(path.join(dir, 'README.md'), 'Changesets');
    expect(await generatedChangesets(dir, '@acme/client')).toEqual(['spec-diff-aaa.md']);
    expect(await generatedChangesets(path.join(dir, 'missing'), '@acme/client')).toEqual([]);
  });
});
