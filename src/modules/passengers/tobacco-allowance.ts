import { Decimal } from '../../kernel/index.ts';
import type { Indexed } from './alcohol-allowance.ts';
import type { AssessmentLine, GoodsRef } from './assessment.schema.ts';
import type { TobaccoItem } from './declaration.schema.ts';
import type { PassengerRules } from './rules.ts';

type Kind = TobaccoItem['kind'];

const quantityOf = (t: TobaccoItem): { n: number; unit: string } => {
  switch (t.kind) {
    case 'cigarettes':
      return { n: t.sticks, unit: 'cigarettes' };
    case 'cigars':
      return { n: t.pieces, unit: 'cigars' };
    case 'heat_not_burn':
      return { n: t.packages, unit: 'packages' };
    case 'other':
      return { n: t.grams, unit: 'g' };
  }
};

/** Simplified yen for `n` units above the allowance, or null when the general rates apply (X3). */
function simplifiedYen(t: TobaccoItem, n: number, r: PassengerRules): { yen: number; rate: string; each: number; per: string } | null {
  if (t.kind === 'cigarettes') return { yen: n * r.tobacco.cigaretteYen, rate: `${r.tobacco.cigaretteYen} JPY/stick`, each: r.tobacco.cigaretteYen, per: 'stick' };
  if (t.kind === 'heat_not_burn') {
    const each = t.form === 'sticks' ? r.tobacco.heatNotBurnStickYen : r.tobacco.heatNotBurnCapsuleYen;
    const per = t.form === 'sticks' ? 'stick' : 'capsule';
    return { yen: n * t.unitsPerPackage * each, rate: `${each} JPY/${per}`, each, per };
  }
  return null;
}

/**
 * A2–A6 + B6–B8. Allowances per adult: 200 cigarettes, 50 cigars, 10 heat-not-burn packages, 250 g other.
 * "proportional" mixing (C1): each kind uses its share of one allowance, so 100 cigarettes + 25 cigars is full.
 * The kinds whose excess would need the general rates (cigars, other tobacco) use the allowance first, then the
 * kinds with the higher simplified tax per share of the allowance.
 */
export function assessTobacco(
  items: readonly Indexed<TobaccoItem>[],
  adults: number,
  person: string,
  r: PassengerRules,
  generalRates = false,
): AssessmentLine[] {
  const t = r.tobacco;
  const allowance: Record<Kind, number> = {
    cigarettes: t.cigarettes,
    cigars: t.cigars,
    heat_not_burn: t.heatNotBurnPackages,
    other: t.otherGrams,
  };
  const priority = (x: Indexed<TobaccoItem>): number => {
    const full = simplifiedYen(x.item, allowance[x.item.kind], r);
    return full === null ? Number.POSITIVE_INFINITY : full.yen;
  };
  const ordered = [...items].sort((x, y) => priority(y) - priority(x) || x.index - y.index);
  let share = new Decimal(adults);
  const perKindLeft: Record<Kind, number> = {
    cigarettes: t.cigarettes * adults,
    cigars: t.cigars * adults,
    heat_not_burn: t.heatNotBurnPackages * adults,
    other: t.otherGrams * adults,
  };
  const byIndex = new Map<number, AssessmentLine[]>();
  for (const { index, item } of ordered) {
    const lines: AssessmentLine[] = [];
    byIndex.set(index, lines);
    const { n, unit } = quantityOf(item);
    const label = `tobacco[${index}] ${item.kind}`;
    const goods: GoodsRef = { section: 'tobacco', index, kind: item.kind };
    let free: number;
    if (t.mixing === 'per_kind') {
      free = Math.min(n, perKindLeft[item.kind]);
      perKindLeft[item.kind] -= free;
    } else {
      free = Math.min(n, share.times(allowance[item.kind]).floor().toNumber());
      share = share.minus(new Decimal(free).dividedBy(allowance[item.kind]));
    }
    if (free > 0) {
      lines.push({
        item: label,
        person,
        treatment: 'free_allowance',
        taxableYen: null,
        rate: null,
        dutyYen: 0,
        explanation: `${free} ${unit} within the tobacco allowance (A2–A6, ${t.mixing} mixing)`,
        goods,
        basis: { code: 'tobacco.free', params: { n: free, unit } },
      });
    }
    const excess = n - free;
    if (excess === 0) continue;
    const why = adults === 0 ? `no tobacco allowance under ${r.adultAge} (A12)` : 'above the allowance';
    const s = generalRates ? null : simplifiedYen(item, excess, r);
    lines.push(
      s === null
        ? {
            item: label,
            person,
            treatment: 'officer_assessment',
            taxableYen: null,
            rate: null,
            dutyYen: 0,
            explanation: generalRates
              ? `${excess} ${unit} ${why}; the traveller asked for the general rates (X4), assessed by the officer`
              : `${excess} ${unit} ${why}; tobacco other than cigarettes and heat-not-burn pays the general rates (X3), assessed by the officer`,
            goods,
            basis: {
              code: generalRates ? 'tobacco.generalRequested' : 'tobacco.general',
              params: { n: excess, unit, ...(adults === 0 ? { minorUnder: r.adultAge } : {}) },
            },
          }
        : {
            item: label,
            person,
            treatment: 'taxed_simplified',
            taxableYen: null,
            rate: s.rate,
            dutyYen: s.yen,
            explanation: `${excess} ${unit} ${why} at ${s.rate} (B6–B8)`,
            goods,
            basis: {
              code: 'tobacco.simplified',
              params: { n: excess, unit, yenEach: s.each, per: s.per, ...(adults === 0 ? { minorUnder: r.adultAge } : {}) },
            },
          },
    );
  }
  return items.flatMap(({ index }) => byIndex.get(index) ?? []);
}
