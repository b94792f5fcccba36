import { describe, expect, it } from 'vitest';
import { BINARY_BODY_TYPE } from '../../src/model/type-expressions.js';
import type { Body } from '../../src/model/types.js';
import { modelOf, operationAt } from '../fixtures/model-fixtures.js';

const content = (path: string, method: string, mediaType: string) =>
  `NonNullable<paths["${path}"]["${method}"]["requestBody"]>["content"]["${mediaType}"]`;

describe('request bodies', () => {
  const cases: { name: string; method: string; path: string; want: Body }[] = [
    {
      name: 'JSON Patch patches the GET on the same path',
      method: 'PATCH',
      path: '/things/{id}',
      want: {
        required: true,
        contentType: 'application/json-patch+json',
        kind: 'json-patch',
        type: content('/things/{id}', 'patch', 'application/json-patch+json'),
        patchTarget: 'paths["/things/{id}"]["get"]["responses"][200]["content"]["application/json"]',
        shown: { text: 'ThingsPatchThingBody', schemas: [] },
      },
    },
    {
      name: 'JSON Patch without a GET patches its own success type',
      method: 'PATCH',
      path: '/forms',
      want: {
        required: false,
        contentType: 'application/json-patch+json',
        kind: 'json-patch',
        type: content('/forms', 'patch', 'application/json-patch+json'),
        patchTarget: 'paths["/forms"]["patch"]["responses"][200]["content"]["application/json"]',
        shown: { text: 'FormsPatchFormBody', schemas: [] },
      },
    },
    {
      name: '+json comes before JSON Patch and text',
      method: 'PUT',
      path: '/things/{id}',
      want: {
        required: false,
        contentType: 'application/vnd.acme+json',
        kind: 'json',
        type: content('/things/{id}', 'put', 'application/vnd.acme+json'),
        shown: { text: 'ThingsPutThingBody', schemas: [] },
      },
    },
    {
      name: 'form before multipart, through a $ref',
      method: 'POST',
      path: '/forms',
      want: {
        required: false,
        contentType: 'application/x-www-form-urlencoded',
        kind: 'form',
        type: content('/forms', 'post', 'application/x-www-form-urlencoded'),
        shown: { text: 'FormsSubmitFormBody', schemas: [] },
      },
    },
    {
      name: 'multipart before binary and text',
      method: 'POST',
      path: '/uploads',
      want: {
        required: false,
        contentType: 'multipart/form-data',
        kind: 'multipart',
        type: content('/uploads', 'post', 'multipart/form-data'),
        shown: { text: 'UploadsUploadBody', schemas: [] },
      },
    },
    {
      name: 'binary before text, typed as what the runtime sends',
      method: 'PUT',
      path: '/uploads',
      want: {
        required: false,
        contentType: 'image/png',
        kind: 'binary',
        type: BINARY_BODY_TYPE,
        description: 'Raw bytes.',
        shown: { text: 'UploadsReplaceUploadBody', schemas: [] },
      },
    },
  ];
  it.each(cases)('$name', async ({ method, path, want }) => {
    const { api, diagnostics } = await modelOf('bodies');
    expect(operationAt(api, method, path).body).toEqual(want);
    expect(diagnostics).toEqual([]);
  });

  it('leaves body out when the operation has none', async () => {
    const { api } = await modelOf('bodies');
    expect(operationAt(api, 'GET', '/things/{id}').body).toBeUndefined();
  });
});
