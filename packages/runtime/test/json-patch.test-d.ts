import { describe, expectTypeOf, it } from 'vitest';
import type { JsonPatch, JsonPatchOperation } from '../src/index.js';

interface Contact {
  name: string;
  mobile?: string;
  age: number;
  fields: { field_id: number; value: string }[];
}

describe('JsonPatch<T>', () => {
  it('types top-level values by their property', () => {
    const patch: JsonPatch<Contact> = [
      { op: 'replace', path: '/name', value: 'Jane Smith' },
      { op: 'add', path: '/mobile', value: '5555551212' },
      { op: 'test', path: '/age', value: 42 },
      { op: 'remove', path: '/mobile' },
      { op: 'copy', from: '/name', path: '/mobile' },
      { op: 'move', from: '/fields/1', path: '/fields/0' },
      { op: 'replace', path: '/fields/0/value', value: 'any value below the top level' },
    ];
    expectTypeOf(patch).toExtend<readonly JsonPatchOperation<Contact>[]>();
  });

  it('rejects a wrong value type for a top-level key', () => {
    const patch: JsonPatch<Contact> = [
      // @ts-expect-error -- age is a number
      { op: 'replace', path: '/age', value: 'forty-two' },
    ];
    expectTypeOf(patch).toExtend<readonly unknown[]>();
  });

  it('rejects unknown properties, unknown ops and undefined values', () => {
    // @ts-expect-error -- Contact has no email
    const unknownKey: JsonPatch<Contact> = [{ op: 'replace', path: '/email', value: 'x' }];
    // @ts-expect-error -- not an RFC 6902 op
    const unknownOp: JsonPatch<Contact> = [{ op: 'merge', path: '/name', value: 'x' }];
    // @ts-expect-error -- JSON has no undefined; remove the property instead
    const undefinedValue: JsonPatch<Contact> = [{ op: 'replace', path: '/mobile', value: undefined }];
    // @ts-expect-error -- move needs from
    const missingFrom: JsonPatch<Contact> = [{ op: 'move', path: '/name' }];
    expectTypeOf([unknownKey, unknownOp, undefinedValue, missingFrom]).toBeArray();
  });

  it('accepts any path for an unknown document type', () => {
    const patch: JsonPatch = [
      { op: 'add', path: '/anything/0', value: 1 },
      { op: 'remove', path: '/x' },
    ];
    expectTypeOf(patch[0]!.path).toEqualTypeOf<string>();
  });
});
