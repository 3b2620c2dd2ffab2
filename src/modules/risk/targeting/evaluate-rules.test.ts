import { describe, expect, it } from 'vitest';
import { evaluateRules } from './evaluate-rules.ts';
import type { RuleCriteria } from './rule.ts';
import { createRule, reviseRule } from './rule-versions.ts';
import { ruleDraft, sampleFacts } from './test-fixtures.ts';

const at = '2026-11-01T00:00:00Z';
const rule = (criteria: RuleCriteria, over = {}) =>
  createRule(ruleDraft({ criteria, ...over }), { ruleId: 'r1', at, by: 'analyst' });
const hits = (criteria: RuleCriteria, facts = sampleFacts(), date = '2026-11-20') =>
  evaluateRules([rule(criteria)], facts, date);

describe('a targeting rule matches on each criterion, and only then', () => {
  // Each case: a criterion that matches the sample declaration, and one that does not.
  const cases: [string, RuleCriteria, RuleCriteria][] = [
    ['HS code prefix', { hsPrefixes: ['8517'] }, { hsPrefixes: ['8518'] }],
    ['origin country', { originCountries: ['VN'] }, { originCountries: ['KR'] }],
    ['departure country', { departureCountries: ['CN'] }, { departureCountries: ['US'] }],
    ['port of loading', { portsOfLoading: ['CNSHA'] }, { portsOfLoading: ['CNNGB'] }],
    ['importer', { importers: ['imp-1'] }, { importers: ['imp-2'] }],
    ['declarant', { declarants: ['broker-1'] }, { declarants: ['broker-2'] }],
    ['supplier', { suppliers: ['sup-1'] }, { suppliers: ['sup-9'] }],
    ['transport mode', { transportModes: ['sea'] }, { transportModes: ['air', 'post'] }],
    ['customs office', { customsOffices: ['1A'] }, { customsOffices: ['2B'] }],
    ['value band', { valueYen: { min: 700_000, max: 800_000 } }, { valueYen: { min: 800_001 } }],
    ['unit-price band', { unitPriceYen: { max: '7500' } }, { unitPriceYen: { max: '224.99' } }],
    ['AEO status', { traderAeo: false }, { traderAeo: true }],
  ];
  for (const [name, yes, no] of cases) {
    it(`matches on ${name}`, () => {
      expect(hits(yes)).toHaveLength(1);
      expect(hits(no)).toEqual([]);
    });
  }

  it('names the items an item criterion matched, and none for declaration-level criteria', () => {
    expect(hits({ originCountries: ['VN'] })[0]?.items).toEqual([1]);
    expect(hits({ unitPriceYen: { max: '7500' } })[0]?.items).toEqual([0, 1]); // 7,500 and 225 yen per unit
    expect(hits({ unitPriceYen: { max: '7500', unit: 'DZ' } })[0]?.items).toEqual([1]);
    expect(hits({ importers: ['imp-1'] })[0]?.items).toEqual([]);
  });

  it('requires every criterion to hold on the same item', () => {
    expect(hits({ hsPrefixes: ['8517'], originCountries: ['VN'] })).toEqual([]);
    expect(hits({ hsPrefixes: ['8517'], originCountries: ['CN'], importers: ['imp-1'] })[0]?.items).toEqual([0]);
  });

  it('does not match a value band before the items are valued', () => {
    const unvalued = sampleFacts({
      items: sampleFacts().items.map((i) => ({ ...i, valueYen: null, unitPriceYen: null })),
    });
    expect(hits({ valueYen: { min: 0 } }, unvalued)).toEqual([]);
  });

  it('sees an AEO importer as an AEO trader', () => {
    expect(hits({ traderAeo: true }, sampleFacts({}, ['imp-1']))).toHaveLength(1);
  });

  it('reports the rule id, version, lane and reason', () => {
    expect(hits({ hsPrefixes: ['8517'] })).toEqual([
      {
        ruleId: 'r1',
        version: 1,
        name: 'switches from CN',
        lane: 'red',
        reason: 'Undervaluation seen on network switches',
        items: [0],
      },
    ]);
  });
});

describe('validity and versions', () => {
  const r = rule({ hsPrefixes: ['8517'] }, { validFrom: '2026-11-01', validTo: '2026-11-30' });

  it('applies only between validFrom and validTo, both inclusive', () => {
    const on = (d: string) => evaluateRules([r], sampleFacts(), d).length;
    expect([on('2026-10-31'), on('2026-11-01'), on('2026-11-30'), on('2026-12-01')]).toEqual([0, 1, 1, 0]);
  });

  it('reads a timestamp as its day, so the last valid day still counts', () => {
    expect(evaluateRules([r], sampleFacts(), '2026-11-30T23:00:00+09:00')).toHaveLength(1);
  });

  it('ignores an inactive rule', () => {
    expect(evaluateRules([{ ...r, active: false }], sampleFacts(), '2026-11-20')).toEqual([]);
  });

  it('uses the latest version of a rule, or the one in force at a past instant', () => {
    const v2 = reviseRule([r], ruleDraft({ criteria: { hsPrefixes: ['8517'] }, lane: 'yellow' }), {
      ruleId: 'r1',
      at: '2026-11-10T00:00:00Z',
      by: 'analyst',
      expectedVersion: 1,
    });
    if (!v2.ok) throw v2.error;
    const history = [r, v2.value];
    expect(evaluateRules(history, sampleFacts(), '2026-11-20').map((h) => [h.version, h.lane])).toEqual([
      [2, 'yellow'],
    ]);
    const replay = evaluateRules(history, sampleFacts(), '2026-11-05', { asOf: '2026-11-05T00:00:00Z' });
    expect(replay.map((h) => [h.version, h.lane])).toEqual([[1, 'red']]);
  });

  it('stops a rule deactivated in its latest version', () => {
    const off = reviseRule([r], ruleDraft({ active: false }), { ruleId: 'r1', at, by: 'a', expectedVersion: 1 });
    if (!off.ok) throw off.error;
    expect(evaluateRules([r, off.value], sampleFacts(), '2026-11-20')).toEqual([]);
  });
});
