import { describe, expect, it } from 'vitest';
import { parseNdjson } from './ndjson.ts';
import type { ParsedRecord } from './records.ts';
import { sampleConsignment, sampleLookups } from './sample.ts';

async function* chunks(...parts: string[]): AsyncGenerator<string> {
  for (const p of parts) yield p;
}
const summary = (r: ParsedRecord): string =>
  'consignment' in r
    ? `${r.lineNo} ok ${r.consignment.consignmentId}`
    : `${r.lineNo} ${r.problems.map((p) => p.code).join(',')}`;

describe('NDJSON batches', () => {
  const good = (id: string): string => JSON.stringify({ ...sampleConsignment(), consignmentId: id });

  it('yields one record per line, in order, and a bad line never stops the stream', async () => {
    const text = [
      good('A1'),
      '{"consignmentId": ',
      '',
      good('A2').replace('"CN"', '"XX"'),
      'x'.repeat(300),
      good('A3'),
    ].join('\n');
    const out: string[] = [];
    for await (const r of parseNdjson(chunks(text.slice(0, 100), text.slice(100)), {
      ...sampleLookups,
      maxLineBytes: 2048,
    })) {
      out.push(summary(r));
    }
    expect(out).toEqual([
      '1 ok A1',
      '2 CONSIGNMENT.MALFORMED_LINE',
      '4 CONSIGNMENT.UNKNOWN_COUNTRY',
      '5 CONSIGNMENT.MALFORMED_LINE',
      '6 ok A3',
    ]);
  });

  it('names the consignment a rejected line claims, even when the line is not valid JSON or too long', async () => {
    const text = [good('B1').replace('"CN"', '"XX"'), good('B2').slice(0, -1), good('B3') + ' '.repeat(300)].join('\n');
    const ids: (string | undefined)[] = [];
    for await (const r of parseNdjson(chunks(text), { ...sampleLookups, maxLineBytes: 1000 }))
      ids.push('problems' in r ? r.consignmentId : 'ok');
    expect(ids).toEqual(['B1', 'B2', 'B3']);
  });

  it('reports a line over the size limit without parsing it', async () => {
    const out: string[] = [];
    for await (const r of parseNdjson(chunks(good('A1') + '\n' + good('A2')), { ...sampleLookups, maxLineBytes: 100 }))
      out.push(summary(r));
    expect(out).toEqual(['1 CONSIGNMENT.LINE_TOO_LONG', '2 CONSIGNMENT.LINE_TOO_LONG']);
  });

  it('yields the first record before the input has ended', async () => {
    let released = false;
    async function* slow(): AsyncGenerator<string> {
      yield good('A1') + '\n';
      await new Promise((r) => setTimeout(r, 5));
      released = true;
      yield good('A2') + '\n';
    }
    const it = parseNdjson(slow(), sampleLookups);
    const first = await it.next();
    expect(first.value && summary(first.value)).toBe('1 ok A1');
    expect(released).toBe(false);
  });
});
