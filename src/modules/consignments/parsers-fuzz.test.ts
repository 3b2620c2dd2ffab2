import { describe, expect, it } from 'vitest';
import { toCsv, toNdjson } from './batch-text.ts';
import { parseCsv } from './csv.ts';
import { generateConsignments } from './generator.ts';
import { parseNdjson } from './ndjson.ts';
import { Prng } from './prng.ts';
import type { ParsedRecord } from './records.ts';
import { sampleLookups } from './sample.ts';

const consignments = [...generateConsignments({ seed: 11, count: 40 })].map((g) => g.consignment);

/** The text with a few characters that matter to the formats inserted, replaced or dropped at random places. */
function corrupt(text: string, rng: Prng, edits: number): string {
  let t = text;
  for (let i = 0; i < edits; i++) {
    const at = rng.int(0, t.length - 1);
    const ch = rng.pick(['"', ',', '\n', '{', '}', '\\', '\u00e9', '']);
    t = t.slice(0, at) + ch + t.slice(at + (rng.chance(0.5) ? 1 : 0));
  }
  return t;
}

async function* chunks(text: string, rng: Prng): AsyncGenerator<Buffer> {
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length;) {
    const n = rng.int(1, 300);
    yield buf.subarray(i, i + n);
    i += n;
  }
}

const check = (records: ParsedRecord[], total: number): void => {
  let last = 0;
  for (const r of records) {
    expect(r.lineNo).toBeGreaterThan(last);
    expect(r.lastLineNo).toBeGreaterThanOrEqual(r.lineNo);
    last = r.lastLineNo;
  }
  // Corruption can merge or split records, but most consignments are still accounted for.
  expect(records.length).toBeGreaterThan(total / 2);
};

describe('parsers on corrupted batches', () => {
  it('never throw, keep records in line order and go on after every broken line', async () => {
    const rng = new Prng(3);
    for (let round = 0; round < 30; round++) {
      for (const [format, text] of [
        ['ndjson', toNdjson(consignments)],
        ['csv', toCsv(consignments)],
      ] as const) {
        const bad = corrupt(text, rng, rng.int(1, 15));
        const parse = format === 'ndjson' ? parseNdjson : parseCsv;
        const records: ParsedRecord[] = [];
        for await (const r of parse(chunks(bad, rng), { ...sampleLookups, maxLineBytes: 4096 })) records.push(r);
        if (format === 'csv' && records.length === 1 && 'problems' in records[0]!) continue; // header hit: batch refused
        check(records, consignments.length);
      }
    }
  });
});
