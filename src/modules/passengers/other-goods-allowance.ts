import { yen } from './yen-format.ts';
import { articleTax, type ArticleFlags } from './article-tax.ts';
import type { AssessmentLine, GoodsRef } from './assessment.schema.ts';
import type { PassengerRules } from './rules.ts';
import { within } from './rules.ts';
import { selectDutyFree, type Selection } from './select-duty-free.ts';

/** One article (a unit of a declared line) valued at its overseas market value in yen. */
export interface Article extends ArticleFlags {
  readonly label: string;
  readonly goods?: GoodsRef;
  readonly person: string;
  readonly kind: string;
  readonly valueYen: number;
  /** False for goods of a child under 6 not for the child's own use (A12): no allowance at all. */
  readonly eligible: boolean;
}

export interface OtherGoodsResult {
  readonly lines: AssessmentLine[];
  readonly method: Selection['method'];
}

const normaliseKind = (k: string): string => k.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * A9–A13 in the order passengers.md §A.1 gives: goods of one kind totalling 10,000 yen or less are free and not
 * counted; an article over 200,000 yen is taxed whole; from the rest the articles that save the most tax use the
 * allowance (`allowanceYen` = 200,000 per person, or the pooled sum).
 */
export function assessOtherGoods(
  articles: readonly Article[],
  allowanceYen: number,
  r: PassengerRules,
): OtherGoodsResult {
  const o = r.other;
  const kindTotals = new Map<string, number>();
  for (const a of articles) {
    if (a.eligible) kindTotals.set(normaliseKind(a.kind), (kindTotals.get(normaliseKind(a.kind)) ?? 0) + a.valueYen);
  }
  const lines = new Map<number, AssessmentLine>();
  type Basis = { code: string; params: Record<string, string | number> };
  const taxed = (i: number, a: Article, why: string, basis: Basis): void => {
    const t = articleTax(a.valueYen, a, r);
    lines.set(i, {
      item: a.label,
      person: a.person,
      treatment: t.treatment,
      taxableYen: t.taxableYen,
      rate: t.rate,
      dutyYen: t.dutyYen,
      explanation: `${why}; ${t.explanation}`,
      ...(a.goods ? { goods: a.goods } : {}),
      basis: { ...basis, tax: t.tax },
    });
  };
  const free = (i: number, a: Article, treatment: 'free_allowance' | 'free_small_kind', why: string, basis: Basis): void => {
    lines.set(i, {
      item: a.label,
      person: a.person,
      treatment,
      taxableYen: null,
      rate: null,
      dutyYen: 0,
      explanation: why,
      ...(a.goods ? { goods: a.goods } : {}),
      basis,
    });
  };
  const candidates: number[] = [];
  articles.forEach((a, i) => {
    const kindTotal = kindTotals.get(normaliseKind(a.kind)) ?? 0;
    if (!a.eligible)
      taxed(i, a, 'No allowance for a child under 6 except goods for the child’s own use (A12)', {
        code: 'other.childUnderAllowanceAge',
        params: { valueYen: a.valueYen, age: r.allowanceMinAge },
      });
    else if (within(kindTotal, o.smallKindYen, o.smallKindBoundary)) {
      free(
        i,
        a,
        'free_small_kind',
        `Goods of kind "${normaliseKind(a.kind)}" total ${yen(kindTotal)} yen, within ${yen(o.smallKindYen)} yen: free and not counted (A11)`,
        { code: 'other.smallKind', params: { kind: normaliseKind(a.kind), kindTotalYen: kindTotal, limitYen: o.smallKindYen } },
      );
    } else if (!within(a.valueYen, o.allowanceYen, o.allowanceBoundary)) {
      taxed(
        i,
        a,
        `A single article of ${yen(a.valueYen)} yen exceeds the ${yen(o.allowanceYen)}-yen allowance and is taxed whole (A10)`,
        { code: 'other.overAllowance', params: { valueYen: a.valueYen, allowanceYen: o.allowanceYen } },
      );
    } else candidates.push(i);
  });
  const weigh = (a: Article): number =>
    o.objective === 'min_tax' ? articleTax(a.valueYen, a, r).weightYen : a.valueYen;
  // Integer yen: "less than N" is "at most N − 1".
  const capacity = o.allowanceBoundary === 'lte' ? allowanceYen : allowanceYen - 1;
  const selection = selectDutyFree(
    candidates.map((i) => ({ valueYen: articles[i]!.valueYen, worth: weigh(articles[i]!) })),
    capacity,
    o.exactUpTo,
  );
  const used = candidates.filter((_, k) => selection.chosen.has(k)).reduce((s, i) => s + articles[i]!.valueYen, 0);
  candidates.forEach((i, k) => {
    const a = articles[i]!;
    if (selection.chosen.has(k)) {
      free(
        i,
        a,
        'free_allowance',
        `${yen(a.valueYen)} yen within the ${yen(allowanceYen)}-yen allowance (A9; ${yen(used)} yen used, chosen in the traveller's favour, A13)`,
        { code: 'other.free', params: { valueYen: a.valueYen, allowanceYen, usedYen: used } },
      );
    } else
      taxed(
        i,
        a,
        `Does not fit in the ${yen(allowanceYen)}-yen allowance after the articles chosen in the traveller's favour (A13)`,
        { code: 'other.notFitting', params: { valueYen: a.valueYen, allowanceYen } },
      );
  });
  return { lines: articles.map((_, i) => lines.get(i)!), method: selection.method };
}
