import type { LaneName } from './decision.ts';

/** One decided declaration with the groups it belongs to, for fairness reporting. */
export interface GroupedDecision {
  readonly lane: LaneName;
  readonly control: boolean;
  /** ISO countries of origin of its items (a declaration counts once in each). */
  readonly originCountries: readonly string[];
  readonly importerSize: ImporterSizeBand;
}

export type ImporterSizeBand = 'micro' | 'small' | 'medium' | 'large' | 'unknown';

/**
 * Importer size by import declarations over the last twelve months: a proxy that needs no turnover figures.
 * Bands are decades so that the report stays readable.
 */
export function importerSizeBand(declarationsLast12Months: number | null): ImporterSizeBand {
  if (declarationsLast12Months === null) return 'unknown';
  if (declarationsLast12Months < 10) return 'micro';
  if (declarationsLast12Months < 100) return 'small';
  if (declarationsLast12Months < 1000) return 'medium';
  return 'large';
}

export interface GroupRate {
  readonly group: string;
  readonly declarations: number;
  readonly selected: number;
  readonly red: number;
  readonly yellow: number;
  /** Selected share, control picks excluded: the control sample is uniform by design and says nothing of bias. */
  readonly rate: number;
  /** rate / overall rate: above 1 the group is selected more often than the flow as a whole. */
  readonly ratio: number | null;
  /** Fewer declarations than the minimum: the rate is shown but should not be read as a finding. */
  readonly small: boolean;
}

export interface SelectionRateReport {
  readonly overallRate: number;
  readonly byOrigin: readonly GroupRate[];
  readonly byImporterSize: readonly GroupRate[];
}

export function selectionRates(ds: readonly GroupedDecision[], minGroup = 30): SelectionRateReport {
  const targeted = (d: GroupedDecision) => !d.control && d.lane !== 'green';
  const overall = ds.length === 0 ? 0 : ds.filter(targeted).length / ds.length;
  const by = (keys: (d: GroupedDecision) => readonly string[]): GroupRate[] => {
    const acc = new Map<string, { n: number; sel: number; red: number; yellow: number }>();
    for (const d of ds)
      for (const k of new Set(keys(d))) {
        const a = acc.get(k) ?? { n: 0, sel: 0, red: 0, yellow: 0 };
        a.n++;
        if (targeted(d)) a.sel++;
        if (d.lane === 'red') a.red++;
        if (d.lane === 'yellow') a.yellow++;
        acc.set(k, a);
      }
    return [...acc.entries()]
      .map(([group, a]) => ({
        group,
        declarations: a.n,
        selected: a.sel,
        red: a.red,
        yellow: a.yellow,
        rate: a.sel / a.n,
        ratio: overall > 0 ? a.sel / a.n / overall : null,
        small: a.n < minGroup,
      }))
      .sort((x, y) => y.declarations - x.declarations || (x.group < y.group ? -1 : 1));
  };
  return { overallRate: overall, byOrigin: by((d) => d.originCountries), byImporterSize: by((d) => [d.importerSize]) };
}
