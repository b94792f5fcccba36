/**
 * The openapi-typescript side of the corpus comparison, on a spec made to break it: a `$ref` into an
 * optional array's items, which openapi-typescript 7.13 prints as a type tsc rejects.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/jobs.js';
import { generateUpstream, upstreamErrors } from '../src/upstream.js';

/** Generous: the corpus suite runs beside this test and keeps both cores busy. */
const STEP_TIMEOUT_MS = 5 * 60_000;

const SPEC = JSON.stringify({
  openapi: '3.0.3',
  info: { title: 'deep ref', version: '1' },
  paths: {},
  components: {
    schemas: {
      Pool: {
        type: 'object',
        properties: { disks: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } } },
      },
      Disk: { $ref: '#/components/schemas/Pool/properties/disks/items' },
    },
  },
});

describe('openapi-typescript’s own output', () => {
  it('is type-checked once: its tsc errors are found, then reused while the text is the same', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'spec-corpus-upstream-'));
    writeFileSync(path.join(dir, 'spec.json'), SPEC);
    const generation = await generateUpstream(path.join(dir, 'spec.json'), path.join(dir, 'out'), STEP_TIMEOUT_MS);
    expect(generation.code, generation.output).toBe(0);

    let tscRuns = 0;
    const counted = (run: () => ReturnType<typeof runCommand>) => {
      tscRuns += 1;
      return run();
    };
    const first = await upstreamErrors(path.join(dir, 'out'), counted, STEP_TIMEOUT_MS);
    expect(first.reused).toBe(false);
    expect(first.errors).toEqual([
      expect.stringMatching(/schema\.ts\(\d+,\d+\): error TS2339: Property 'items' does not exist on type/),
    ]);

    const again = await upstreamErrors(path.join(dir, 'out'), counted, STEP_TIMEOUT_MS);
    expect(again).toEqual({ errors: first.errors, reused: true });
    expect(tscRuns).toBe(1);

    const schema = path.join(dir, 'out', 'schema.ts');
    writeFileSync(schema, readFileSync(schema, 'utf8').replace('["items"]', '[number]').replace('disks?:', 'disks:'));
    expect(await upstreamErrors(path.join(dir, 'out'), counted, STEP_TIMEOUT_MS)).toEqual({
      errors: [],
      reused: false,
    });
    expect(tscRuns).toBe(2);
  });
});
