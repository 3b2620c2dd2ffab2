import { describe, expect, it } from 'vitest';
import { rankAuditTargets, type AuditRecord } from './audit-targeting.ts';

const outcome = (id: string, hit: boolean, revenueYen = 0) => ({
  declarationId: id,
  label: hit ? (1 as const) : (0 as const),
  revenueYen,
  prohibited: false,
});
const rec = (
  declarationId: string,
  importerId: string,
  atStakeYen: number,
  score: number | null,
  o: AuditRecord['outcome'] = null,
): AuditRecord => ({
  declarationId,
  importerId,
  atStakeYen,
  score,
  outcome: o,
});

describe('post-clearance audit targeting', () => {
  it('ranks importers by Σ score × duty and tax at stake when no inspection is known', () => {
    const ranked = rankAuditTargets([
      rec('a1', 'A', 1_000_000, 0.1), // 100,000
      rec('a2', 'A', 500_000, 0.2), //  100,000
      rec('b1', 'B', 300_000, 0.9), //  270,000
    ]);
    expect(ranked.map((t) => [t.rank, t.importerId, t.expectedRevenueYen])).toEqual([
      [1, 'B', 270_000],
      [2, 'A', 200_000],
    ]);
    expect(ranked[1]?.topDeclarations.map((d) => d.declarationId)).toEqual(['a1', 'a2']);
    expect(ranked[1]?.reasons[0]).toEqual({
      code: 'VALUE_AT_STAKE',
      text: '¥1,500,000 duty and tax on 2 declaration(s), mean risk score 0.15',
    });
  });

  it('raises importers with past discrepancies and lowers those inspected clean', () => {
    // Overall: 2 hits in 8 inspections (p0 = 0.25); prior strength 4.
    const records = [
      rec('a1', 'A', 100_000, 0.5, outcome('a1', true, 30_000)),
      rec('a2', 'A', 100_000, 0.5, outcome('a2', true, 20_000)),
      ...['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((id) => rec(id, 'B', 100_000, 0.5, outcome(id, false))),
    ];
    const [a, b] = rankAuditTargets(records, { priorStrength: 4 });
    // A: (2 + 4 × 0.25) / (2 + 4) / 0.25 = 2 → 100,000 × 2; B: (0 + 1) / (6 + 4) / 0.25 = 0.4 → 300,000 × 0.4
    expect([a?.importerId, a?.recordMultiplier, a?.expectedRevenueYen]).toEqual(['A', 2, 200_000]);
    expect(b?.importerId).toBe('B');
    expect(b?.recordMultiplier).toBeCloseTo(0.4);
    expect(b?.expectedRevenueYen).toBe(120_000);
    expect(a?.reasons.map((r) => r.code)).toEqual(['VALUE_AT_STAKE', 'PAST_DISCREPANCIES']);
    expect(a?.reasons[1]?.text).toContain('¥50,000 revenue found');
    expect(b?.reasons.map((r) => r.code)).toEqual(['VALUE_AT_STAKE', 'CLEAN_INSPECTIONS']);
  });

  it('counts unscored declarations at the overall hit rate and says so', () => {
    const ranked = rankAuditTargets([
      rec('x1', 'X', 200_000, null),
      rec('y1', 'Y', 100_000, 0.3, outcome('y1', true, 1)),
      rec('y2', 'Y', 100_000, 0.3, outcome('y2', false)),
    ]);
    const x = ranked.find((t) => t.importerId === 'X');
    expect(x?.expectedRevenueYen).toBe(100_000); // 0.5 × 200,000, no own record
    expect(x?.reasons.map((r) => r.code)).toContain('UNSCORED_DECLARATIONS');
  });

  it('keeps whole yen and honours the limit', () => {
    const ranked = rankAuditTargets([rec('a', 'A', 999, 0.333), rec('b', 'B', 10, 0.1)], { limit: 1 });
    expect(ranked).toHaveLength(1);
    expect(ranked[0]?.expectedRevenueYen).toBe(332);
  });
});
