import { describe, expect, it } from 'vitest';
import { changesBetween, spec } from './diff-fixtures.js';

const ok = '{ "200": { description: OK } }';

/** A spec with one webhook per entry of `webhooks` (name -> `post` operation YAML). */
function withWebhooks(webhooks: Record<string, string>): string {
  const entries = Object.entries(webhooks).map(([name, operation]) => `  ${name}: { post: ${operation} }`);
  return spec(`paths: {}\n${entries.length === 0 ? '' : `webhooks:\n${entries.join('\n')}`}`);
}

/** A spec whose one operation has the callbacks given as YAML (`{}`: none). */
function withCallbacks(callbacks: string): string {
  return spec(`paths:\n  /items: { post: { operationId: items.create, callbacks: ${callbacks}, responses: ${ok} } }`);
}

const done = `{ onDone: { "{$request.body#/url}": { post: { responses: ${ok} } } } }`;

describe('webhooks and callbacks', () => {
  it.each<[string, { old: string; new: string; want: string[] }]>([
    [
      'a webhook added',
      {
        old: withWebhooks({}),
        new: withWebhooks({ newPet: `{ responses: ${ok} }` }),
        want: ['minor API: webhook `newPet POST` added'],
      },
    ],
    [
      'a webhook removed',
      {
        old: withWebhooks({ newPet: `{ responses: ${ok} }` }),
        new: withWebhooks({}),
        want: ['major API: webhook `newPet POST` removed'],
      },
    ],
    [
      'a webhook changed',
      {
        old: withWebhooks({ newPet: `{ responses: ${ok} }` }),
        new: withWebhooks({ newPet: `{ summary: New pet, responses: ${ok} }` }),
        want: ['patch API: webhook `newPet POST` changed'],
      },
    ],
    [
      'a callback added',
      {
        old: withCallbacks('{}'),
        new: withCallbacks(done),
        want: ['minor items.create: callback `onDone: {$request.body#/url} POST` added'],
      },
    ],
    [
      'a callback removed',
      {
        old: withCallbacks(done),
        new: withCallbacks('{}'),
        want: ['major items.create: callback `onDone: {$request.body#/url} POST` removed'],
      },
    ],
    ['nothing changed', { old: withCallbacks(done), new: withCallbacks(done), want: [] }],
  ])('%s', (_name, { old, new: next, want }) => {
    expect(changesBetween(old, next)).toEqual(want);
  });
});
