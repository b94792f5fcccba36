import { describe, expect, it } from 'vitest';
import {
  chooseRequestMediaType,
  chooseResponseMediaType,
  mediaKind,
  type MediaKind,
} from '../../src/model/media-types.js';

describe('mediaKind', () => {
  const cases: { given: string; want: MediaKind }[] = [
    { given: 'application/json', want: 'json' },
    { given: 'Application/JSON; charset=utf-8', want: 'json' },
    { given: 'application/vnd.github.v3+json', want: 'json' },
    { given: 'application/merge-patch+json', want: 'json' },
    { given: '*/*', want: 'json' },
    { given: 'application/json-patch+json', want: 'json-patch' },
    { given: 'application/x-www-form-urlencoded', want: 'form' },
    { given: 'multipart/form-data', want: 'multipart' },
    { given: 'text/plain', want: 'text' },
    { given: 'application/xml', want: 'text' },
    { given: 'application/octet-stream', want: 'binary' },
    { given: 'image/png', want: 'binary' },
  ];
  it.each(cases)('$given -> $want', ({ given, want }) => expect(mediaKind(given)).toBe(want));
});

describe('choosing a media type', () => {
  const cases: { given: string[]; request: string | undefined; response: string | undefined }[] = [
    {
      given: ['text/plain', 'application/vnd.x+json', 'application/json'],
      request: 'application/json',
      response: 'application/json',
    },
    {
      given: ['application/json-patch+json', 'application/x-www-form-urlencoded'],
      request: 'application/json-patch+json',
      response: 'application/json-patch+json',
    },
    { given: ['text/plain', 'application/octet-stream'], request: 'application/octet-stream', response: 'text/plain' },
    { given: [], request: undefined, response: undefined },
  ];
  it.each(cases)('$given', ({ given, request, response }) => {
    expect(chooseRequestMediaType(given)?.mediaType).toBe(request);
    expect(chooseResponseMediaType(given)?.mediaType).toBe(response);
  });
});
