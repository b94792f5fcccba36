import { describe, expect, it } from 'vitest';
import { notAnEntryDocument, packageNameFor } from '../src/discover.js';
import { petsDocument } from './fixtures/pets-document.js';

describe('discovery', () => {
  it('takes documents with openapi/swagger and paths as entry documents, and no fragment', () => {
    expect(notAnEntryDocument(petsDocument)).toBeUndefined();
    expect(notAnEntryDocument({ swagger: '2.0', info: {}, paths: {} })).toBeUndefined();
    expect(notAnEntryDocument({ type: 'string' })).toMatch(/^not an entry document: no top-level `openapi`/);
    expect(notAnEntryDocument({ openapi: '3.0.0', responses: {} })).toMatch(
      /^not an entry document: no top-level `paths`/,
    );
    expect(notAnEntryDocument([1])).toMatch(/^not a JSON/);
  });

  it('names each spec’s output package safely', () => {
    expect(packageNameFor('multi-file-external-ref/has_external_ref.json')).toBe(
      'multi-file-external-ref--has-external-ref',
    );
    expect(packageNameFor('github-api.github.com.json')).toBe('github-api.github.com');
    expect(packageNameFor('Okta Swagger2.YAML')).toBe('okta-swagger2');
  });
});
