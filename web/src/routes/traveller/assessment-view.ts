import type { MessageKey } from '../../i18n/index.tsx';

/**
 * The passenger assessment as the server sends it, and the pure steps to show it: identical units grouped into one
 * row, the sum of what is shown, and each line's goods and basis worded from the catalogue (never the server's
 * English `item` / `explanation`, which are kept only for assessments stored before lines carried codes).
 */
export interface GoodsRef {
  readonly section: 'alcohol' | 'tobacco' | 'perfume' | 'other';
  readonly index: number;
  readonly unit?: number;
  readonly kind: string;
  readonly description?: string;
  readonly volumeMl?: number;
}

type Params = Readonly<Record<string, string | number>>;

export interface Basis {
  readonly code: string;
  readonly params: Params;
  readonly tax?: { readonly code: string; readonly params: Params };
}

export interface AssessmentLineView {
  readonly item: string;
  readonly person: string;
  readonly treatment: string;
  readonly taxableYen: number | null;
  readonly rate: string | null;
  readonly dutyYen: number;
  readonly explanation: string;
  readonly goods?: GoodsRef;
  readonly basis?: Basis;
}

export interface AssessmentView {
  readonly lines: readonly AssessmentLineView[];
  readonly totalDutyYen: number;
  readonly totalUnitYen?: number;
  readonly requiresOfficerAssessment: boolean;
}

export interface Row {
  readonly line: AssessmentLineView;
  readonly count: number;
  readonly dutyYen: number;
  readonly taxableYen: number | null;
  readonly toAssess: boolean;
}

/** Consecutive lines for units of one declared line with the same treatment, basis and amounts become one row. */
export function groupLines(lines: readonly AssessmentLineView[]): Row[] {
  const rows: Row[] = [];
  let lastKey = '';
  for (const line of lines) {
    const key = line.goods
      ? JSON.stringify([line.person, line.goods.section, line.goods.index, line.treatment, line.dutyYen, line.taxableYen, line.basis])
      : '';
    const last = rows.at(-1);
    if (key !== '' && key === lastKey && last) {
      rows[rows.length - 1] = {
        ...last,
        count: last.count + 1,
        dutyYen: last.dutyYen + line.dutyYen,
        taxableYen: last.taxableYen === null || line.taxableYen === null ? null : last.taxableYen + line.taxableYen,
      };
    } else {
      rows.push({ line, count: 1, dutyYen: line.dutyYen, taxableYen: line.taxableYen, toAssess: line.treatment === 'officer_assessment' });
    }
    lastKey = key;
  }
  return rows;
}

/** What the headline needs: the sum of the rows shown, the total after rounding, and whether an officer adds to it. */
export function figures(a: AssessmentView): { sumYen: number; totalYen: number; unitYen: number; toAssess: boolean } {
  const sumYen = a.lines.reduce((s, l) => s + l.dutyYen, 0);
  return { sumYen, totalYen: a.totalDutyYen, unitYen: a.totalUnitYen ?? 1, toAssess: a.requiresOfficerAssessment };
}

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The declared goods of a line, in the reader's language. */
export function goodsLabel(line: AssessmentLineView, t: T, num: (n: number) => string): string {
  const g = line.goods;
  if (!g) return line.item;
  switch (g.section) {
    case 'alcohol':
      return `${t(`tr.alcohol.${g.kind}` as MessageKey)} ${num(g.volumeMl ?? 0)} ml`;
    case 'tobacco':
      return t(`pr.tobacco.${g.kind}` as MessageKey);
    case 'perfume':
      return g.description ?? t(`pr.perfume.${g.kind}` as MessageKey);
    case 'other':
      return g.description ?? g.kind;
  }
}

const worded = (params: Params, t: T, num: (n: number) => string): Record<string, string | number> => {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'number' && k !== 'adultAge' && k !== 'age' && k !== 'minorUnder') out[k] = num(v);
    else out[k] = v;
  }
  if (typeof params['unit'] === 'string') out['unit'] = t(`pr.unit.${params['unit']}` as MessageKey);
  if (typeof params['per'] === 'string') out['per'] = t(`pr.per.${params['per']}` as MessageKey);
  if (typeof params['because'] === 'string') out['because'] = t(`pr.because.${params['because']}` as MessageKey, out);
  return out;
};

/** Why a line is treated so: one or two sentences from the catalogue (the second says how the excess is taxed). */
export function basisText(line: AssessmentLineView, t: T, num: (n: number) => string): string[] {
  const b = line.basis;
  if (!b) return [line.explanation];
  const out: string[] = [];
  if (typeof b.params['minorUnder'] === 'number') out.push(t('pr.basis.tobacco.minor', { age: b.params['minorUnder'] }));
  out.push(t(`pr.basis.${b.code}` as MessageKey, worded(b.params, t, num)));
  if (b.tax) out.push(t(`pr.${b.tax.code}` as MessageKey, worded(b.tax.params, t, num)));
  return out;
}
