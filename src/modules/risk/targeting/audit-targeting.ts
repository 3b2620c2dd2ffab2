import { Decimal } from '../../../kernel/index.ts';
import type { DeclarationOutcome } from './findings.ts';

/** A cleared declaration as post-clearance audit targeting sees it. */
export interface AuditRecord {
  readonly declarationId: string;
  readonly importerId: string;
  /** Duty and consumption tax assessed (yen): what a misdeclaration on this declaration puts at stake. */
  readonly atStakeYen: number;
  /** Model score in [0, 1] when the declaration was scored, else null. */
  readonly score: number | null;
  /** What an inspection found, when it was inspected and a finding recorded. */
  readonly outcome: DeclarationOutcome | null;
}

export interface AuditReason {
  readonly code: string;
  readonly text: string;
}

export interface AuditTarget {
  readonly rank: number;
  readonly importerId: string;
  /** Σ score × yen at stake, times the importer's record multiplier; whole yen. */
  readonly expectedRevenueYen: number;
  readonly declarations: number;
  readonly atStakeYen: number;
  readonly inspections: number;
  readonly discrepancies: number;
  readonly revenueFoundYen: number;
  /** Smoothed own hit rate ÷ overall hit rate (1 when nothing is known). */
  readonly recordMultiplier: number;
  readonly reasons: readonly AuditReason[];
  readonly topDeclarations: readonly {
    declarationId: string;
    score: number | null;
    atStakeYen: number;
    expectedYen: number;
  }[];
}

export interface AuditOptions {
  /** Weight of the overall hit rate in each importer's smoothed rate, in inspections (default 20). */
  readonly priorStrength?: number;
  readonly limit?: number;
}

const yen = (n: number): string => `¥${n.toLocaleString('en-US')}`;

/**
 * Importers ranked by the revenue an audit can expect to recover. Past inspections move the estimate through a
 * Beta-smoothed hit rate, so that one unlucky finding on a small importer does not outrank a large, steady risk.
 * Unscored declarations count at the overall hit rate. Amounts are computed in decimal and floored to yen.
 */
export function rankAuditTargets(records: readonly AuditRecord[], options: AuditOptions = {}): AuditTarget[] {
  const alpha = options.priorStrength ?? 20;
  const inspected = records.filter((r) => r.outcome !== null);
  const p0 = inspected.length === 0 ? null : inspected.filter((r) => r.outcome!.label === 1).length / inspected.length;
  const byImporter = new Map<string, AuditRecord[]>();
  for (const r of records) byImporter.set(r.importerId, [...(byImporter.get(r.importerId) ?? []), r]);

  const targets = [...byImporter.entries()].map(([importerId, rs]) => {
    const probability = (r: AuditRecord) => new Decimal(r.score ?? p0 ?? 0);
    const expectedOf = (r: AuditRecord) => probability(r).times(r.atStakeYen);
    const base = rs.reduce((s, r) => s.plus(expectedOf(r)), new Decimal(0));
    const own = rs.filter((r) => r.outcome !== null);
    const hits = own.filter((r) => r.outcome!.label === 1).length;
    const multiplier = p0 === null || p0 === 0 ? 1 : (hits + alpha * p0) / (own.length + alpha) / p0;
    const expected = base.times(multiplier).floor().toNumber();
    const atStake = rs.reduce((s, r) => s + r.atStakeYen, 0);
    const revenueFound = own.reduce((s, r) => s + r.outcome!.revenueYen, 0);
    const scored = rs.filter((r) => r.score !== null);
    const reasons: AuditReason[] = [
      {
        code: 'VALUE_AT_STAKE',
        text:
          `${yen(atStake)} duty and tax on ${rs.length} declaration(s)` +
          (scored.length > 0
            ? `, mean risk score ${(scored.reduce((s, r) => s + r.score!, 0) / scored.length).toFixed(2)}`
            : ''),
      },
    ];
    if (hits > 0)
      reasons.push({
        code: 'PAST_DISCREPANCIES',
        text: `${hits} discrepancy finding(s) in ${own.length} inspection(s) (overall rate ${((p0 ?? 0) * 100).toFixed(1)} %), ${yen(revenueFound)} revenue found`,
      });
    else if (own.length > 0)
      reasons.push({
        code: 'CLEAN_INSPECTIONS',
        text: `${own.length} inspection(s) without discrepancy lower the estimate`,
      });
    if (own.some((r) => r.outcome!.prohibited))
      reasons.push({ code: 'PROHIBITED_GOODS_FOUND', text: 'Prohibited goods were found in an inspection' });
    if (scored.length < rs.length)
      reasons.push({
        code: 'UNSCORED_DECLARATIONS',
        text: `${rs.length - scored.length} declaration(s) without a model score counted at the overall hit rate`,
      });
    const topDeclarations = rs
      .map((r) => ({
        declarationId: r.declarationId,
        score: r.score,
        atStakeYen: r.atStakeYen,
        expectedYen: expectedOf(r).floor().toNumber(),
      }))
      .sort((a, b) => b.expectedYen - a.expectedYen || (a.declarationId < b.declarationId ? -1 : 1))
      .slice(0, 3);
    return {
      rank: 0,
      importerId,
      expectedRevenueYen: expected,
      declarations: rs.length,
      atStakeYen: atStake,
      inspections: own.length,
      discrepancies: hits,
      revenueFoundYen: revenueFound,
      recordMultiplier: multiplier,
      reasons,
      topDeclarations,
    };
  });

  return targets
    .sort((a, b) => b.expectedRevenueYen - a.expectedRevenueYen || (a.importerId < b.importerId ? -1 : 1))
    .slice(0, options.limit ?? targets.length)
    .map((t, i) => ({ ...t, rank: i + 1 }));
}
