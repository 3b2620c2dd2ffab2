import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { parseNdjson } from './ndjson.ts';
import type { ParsedRecord } from './records.ts';
import { sampleConsignment, sampleLookups } from './sample.ts';

// The examples in docs/consignment-formats.md are what integrators copy: they must stay valid.
const doc = readFileSync('docs/consignment-formats.md', 'utf8');
const codeBlockAfter = (heading: string): string => {
  const from = doc.indexOf(heading);
  const start = doc.indexOf('```\n', from) + 4;
  return doc.slice(start, doc.indexOf('```', start));
};
async function* once(text: string): AsyncGenerator<string> {
  yield text;
}
const ids = async (records: AsyncIterable<ParsedRecord>): Promise<string[]> => {
  const out: string[] = [];
  for await (const r of records)
    out.push('consignment' in r ? r.consignment.consignmentId : JSON.stringify(r.problems));
  return out;
};

describe('documented batch examples', () => {
  it('parses the NDJSON example (wrapped lines rejoined) into valid consignments', async () => {
    const text = codeBlockAfter('## NDJSON').replace(/\n /g, '');
    expect(await ids(parseNdjson(once(text), sampleLookups))).toEqual(['SHP-2026-000001', 'SHP-2026-000002']);
  });

  it('parses the CSV example into the same consignment as the NDJSON one', async () => {
    const records: ParsedRecord[] = [];
    for await (const r of parseCsv(once(codeBlockAfter('An empty cell is an absent value')), sampleLookups))
      records.push(r);
    expect(records).toEqual([{ lineNo: 2, lastLineNo: 3, consignment: sampleConsignment() }]);
  });
});
