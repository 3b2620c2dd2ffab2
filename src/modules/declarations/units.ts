import { Decimal } from '../../kernel/index.ts';

/** The schedule prints units like `KG` or `KG\n(I.I.)`; the first token is the unit, the rest a qualifier. */
export function baseUnit(printed: string): string {
  return printed.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
}

/** Units that convert into each other (factor to the first of the pair). */
const CONVERTIBLE: Record<string, { to: string; factor: number }> = {
  MT: { to: 'KG', factor: 1000 },
  KL: { to: 'L', factor: 1000 },
};

export function sameDimension(a: string, b: string): boolean {
  const na = CONVERTIBLE[a]?.to ?? a;
  const nb = CONVERTIBLE[b]?.to ?? b;
  return na === nb;
}

/** Converts an amount between convertible units (KG↔MT, L↔KL), exactly. */
export function convert(amount: Decimal, from: string, to: string): Decimal {
  if (from === to) return amount;
  const f = CONVERTIBLE[from];
  const t = CONVERTIBLE[to];
  const inBase = f ? amount.times(f.factor) : amount;
  return t ? inBase.dividedBy(t.factor) : inBase;
}

export function lineUnits(unit1: string, unit2: string): string[] {
  return [unit1, unit2].map(baseUnit).filter((u) => u !== '');
}
