import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { batchChunks, toCsv, toNdjson } from './batch-text.ts';
import { generateConsignments, generateLabelledHistory, generatorRateOf } from './generator.ts';
import { manifestDecision, valueInYen } from './manifest-ceiling.ts';
import { parseNdjson } from './ndjson.ts';
import type { ParsedRecord } from './records.ts';
import { sampleLookups } from './sample.ts';
import { validateConsignment } from './validate.ts';

const generated = [...generateConsignments({ seed: 2026, count: 4_000 })];
const consignments = generated.map((g) => g.consignment);

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}
const collect = async (it: AsyncIterable<ParsedRecord>): Promise<ParsedRecord[]> => {
  const out: ParsedRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
};

describe('consignment generator', () => {
  it('produces the same batch for the same seed and another batch for another seed', () => {
    const again = [...generateConsignments({ seed: 2026, count: 50 })];
    expect(again).toEqual(generated.slice(0, 50));
    const other = [...generateConsignments({ seed: 2027, count: 50 })];
    expect(other.map((g) => g.consignment.items)).not.toEqual(again.map((g) => g.consignment.items));
  });

  it('only produces consignments that pass validation', () => {
    const invalid = consignments.map((c) => validateConsignment(c, sampleLookups)).filter((r) => !r.ok);
    expect(invalid).toEqual([]);
  });

  it('keeps most values under 10,000 yen with a tail above, a few beyond the manifest ceiling', () => {
    const yen = consignments.map((c) => {
      const v = valueInYen(c.items, generatorRateOf);
      if (!v.ok) throw new Error('unvalued');
      return v.value;
    });
    const under10k = yen.filter((v) => v <= 10_000).length / yen.length;
    const aboveCeiling = yen.filter((v) => manifestDecision(v).route === 'full-declaration').length;
    expect(under10k).toBeGreaterThan(0.55);
    expect(under10k).toBeLessThan(0.9);
    expect(aboveCeiling).toBeGreaterThan(0);
    expect(aboveCeiling / yen.length).toBeLessThan(0.02);
  });

  it('labels a minority as non-compliant, concentrated on a few sellers, and undervalued ones really are', () => {
    const bad = generated.filter((g) => g.label.nonCompliant);
    expect(bad.length / generated.length).toBeGreaterThan(0.02);
    expect(bad.length / generated.length).toBeLessThan(0.15);
    for (const g of bad.filter((b) => b.label.reasons.includes('undervalued'))) {
      expect(g.label.declaredValueYen).toBeLessThan(g.label.trueValueYen);
    }
    const badSellers = new Set(bad.map((g) => g.consignment.seller.name));
    const allSellers = new Set(consignments.map((c) => c.seller.name));
    expect(badSellers.size / allSellers.size).toBeLessThan(0.5);
  });

  it('gives a labelled history whose labels line up with the consignments, and disjoint ids for another start', () => {
    const h = generateLabelledHistory({ seed: 2026, count: 1_000 });
    expect(h.labels.map((l) => l.consignmentId)).toEqual(h.consignments.map((c) => c.consignmentId));
    expect(h.nonCompliantRate).toBe(h.labels.filter((l) => l.nonCompliant).length / 1_000);
    const later = generateLabelledHistory({ seed: 2027, count: 10, startIndex: 1_000 });
    expect(later.consignments.some((c) => h.consignments.some((d) => d.consignmentId === c.consignmentId))).toBe(false);
  });

  it('mixes currencies and sometimes omits HS codes, as platforms do', () => {
    const currencies = new Set(consignments.flatMap((c) => c.items.map((i) => i.value.currency)));
    expect([...currencies].sort()).toEqual(['CNY', 'EUR', 'GBP', 'KRW', 'USD']);
    const lines = consignments.flatMap((c) => c.items);
    const withCode = lines.filter((l) => l.hsCode !== undefined).length / lines.length;
    expect(withCode).toBeGreaterThan(0.4);
    expect(withCode).toBeLessThan(0.8);
  });

  it('round-trips through the NDJSON and CSV parsers unchanged', async () => {
    const some = consignments.slice(0, 300);
    const fromNdjson = await collect(parseNdjson(once(toNdjson(some)), sampleLookups));
    const fromCsv = await collect(parseCsv(once(toCsv(some)), sampleLookups));
    expect(fromNdjson.map((r) => ('consignment' in r ? r.consignment : r.problems))).toEqual(some);
    expect(fromCsv.map((r) => ('consignment' in r ? r.consignment : r.problems))).toEqual(some);
  });

  it('streams a batch in chunks that add up to the whole text', () => {
    const some = consignments.slice(0, 120);
    expect([...batchChunks('csv', some, 50)].join('')).toBe(toCsv(some));
    expect([...batchChunks('ndjson', some, 50)].join('')).toBe(toNdjson(some));
  });
});
