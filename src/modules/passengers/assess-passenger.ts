import {
  CommonErrors,
  Decimal,
  err,
  ok,
  truncateYen,
  type DomainError,
  type Problem,
  type Result,
} from '../../kernel/index.ts';
import { assessAlcohol, type Indexed } from './alcohol-allowance.ts';
import type { Assessment, AssessmentLine } from './assessment.schema.ts';
import type { Price } from './declaration.schema.ts';
import { PassengerErrors } from './errors.ts';
import { assessOtherGoods, type Article } from './other-goods-allowance.ts';
import { assessPerfume, type PricedPerfume } from './perfume-allowance.ts';
import { assessTobacco } from './tobacco-allowance.ts';
import { assumptionsOf, rulesFor, type PassengerRules, type RulesOverrides } from './rules.ts';
import { ageOn, type ValidDeclaration } from './validate-declaration.ts';

export interface AssessOptions {
  /** Customs exchange rates of the arrival week: yen per unit, as decimal strings. */
  readonly exchangeRates?: Readonly<Record<string, string>>;
  readonly overrides?: RulesOverrides;
  /** Replaces the built-in rule sets (tests, future reforms). */
  readonly ruleSets?: readonly PassengerRules[];
}

interface Person {
  readonly key: string;
  readonly age: number;
}

/** Owner index → person; undefined = the declaring traveller. */
const ownerKey = (owner: number | undefined): string => (owner === undefined ? 'traveller' : `member[${owner}]`);

/**
 * Allowances and duty for a validated declaration (jp-rules/passengers.md §A and §B). Allowances are per person
 * unless the rules pool them (C4); each person's goods are assessed against that person's allowances.
 */
export function assessPassenger(d: ValidDeclaration, options: AssessOptions = {}): Result<Assessment, DomainError> {
  const rules = rulesFor(d.arrivalDate, options.overrides, options.ruleSets);
  if (!rules.ok) return rules;
  const r = rules.value;
  const problems: Problem[] = [];
  const toYen = (price: Price, path: string): number => {
    if (price.currency === 'JPY') return new Decimal(price.amount).floor().toNumber();
    const rate = options.exchangeRates?.[price.currency];
    if (rate === undefined) {
      problems.push(
        PassengerErrors.missingExchangeRate.problem(path, `No customs exchange rate for ${price.currency}`),
      );
      return 0;
    }
    return new Decimal(price.amount).times(rate).floor().toNumber();
  };

  const persons: Person[] = [
    { key: 'traveller', age: ageOn(d.traveller.dateOfBirth, d.arrivalDate) },
    ...d.familyMembers.map((m, i) => ({ key: `member[${i}]`, age: m.age })),
  ];
  const ageOf = new Map(persons.map((p) => [p.key, p.age]));
  const pooled = r.familyPooling === 'pooled';
  const groupOf = (owner: number | undefined): string => (pooled ? 'family' : ownerKey(owner));
  const groups = pooled ? [{ key: 'family', members: persons }] : persons.map((p) => ({ key: p.key, members: [p] }));

  const perfumeCounts = (kind: string): boolean => kind === 'perfume' || r.perfume.eauDeToiletteIsPerfume;
  const perfumes: (PricedPerfume & { group: string })[] = [];
  const articles: (Article & { group: string })[] = [];
  d.goods.perfume.forEach((item, index) => {
    const valueYen = toYen(item.value, `$.goods.perfume[${index}].value`);
    if (perfumeCounts(item.kind)) perfumes.push({ index, item, valueYen, group: groupOf(item.owner) });
    else {
      // A8: eau de toilette / cologne is not "perfume"; it joins the other goods under its own kind.
      const age = ageOf.get(ownerKey(item.owner)) ?? 0;
      articles.push({
        label: `perfume[${index}] ${item.description ?? item.kind}`,
        goods: { section: 'perfume', index, kind: item.kind, ...(item.description ? { description: item.description } : {}) },
        person: groupOf(item.owner),
        group: groupOf(item.owner),
        kind: item.kind,
        valueYen,
        eligible: age >= r.allowanceMinAge,
        generalRatesRequested: d.generalRatesRequested,
      });
    }
  });
  d.goods.other.forEach((item, index) => {
    const unitYen = toYen(item.unitValue, `$.goods.other[${index}].unitValue`);
    const age = ageOf.get(ownerKey(item.owner)) ?? 0;
    for (let n = 1; n <= item.quantity; n++) {
      articles.push({
        label: item.quantity > 1 ? `other[${index}] #${n} ${item.description}` : `other[${index}] ${item.description}`,
        goods: { section: 'other', index, kind: item.kind, description: item.description, ...(item.quantity > 1 ? { unit: n } : {}) },
        person: groupOf(item.owner),
        group: groupOf(item.owner),
        kind: item.kind,
        valueYen: unitYen,
        eligible: age >= r.allowanceMinAge || item.childOwnUse === true,
        dutyFree: item.dutyFree,
        generalDutyRatePercent: item.generalDutyRatePercent,
        food: item.food,
        excludedFromSimplifiedRates: item.excludedFromSimplifiedRates,
        generalRatesRequested: d.generalRatesRequested,
      });
    }
  });
  if (problems.length > 0) return err(CommonErrors.validation('Some goods cannot be valued in yen', { problems }));

  const lines: AssessmentLine[] = [];
  let method: Assessment['selection'] = 'exact';
  const mine = <T extends { owner?: number | undefined }>(list: readonly T[], g: string): Indexed<T>[] =>
    list.flatMap((item, index) => (groupOf(item.owner) === g ? [{ index, item }] : []));
  for (const g of groups) {
    const adults = g.members.filter((p) => p.age >= r.adultAge).length;
    const allowed = g.members.filter((p) => p.age >= r.allowanceMinAge).length;
    // A child under 6 has an allowance only for goods for the child's own use.
    const withChildGoods = g.members.filter(
      (p) => p.age < r.allowanceMinAge && d.goods.other.some((o) => ownerKey(o.owner) === p.key && o.childOwnUse),
    ).length;
    const general = d.generalRatesRequested === true;
    lines.push(...assessAlcohol(mine(d.goods.alcohol, g.key), adults, g.key, r, general));
    lines.push(...assessTobacco(mine(d.goods.tobacco, g.key), adults, g.key, r, general));
    lines.push(
      ...assessPerfume(
        perfumes.filter((p) => p.group === g.key),
        allowed,
        g.key,
        r,
        general,
      ),
    );
    const other = assessOtherGoods(
      articles.filter((a) => a.group === g.key),
      r.other.allowanceYen * (allowed + withChildGoods),
      r,
    );
    if (other.method === 'greedy') method = 'greedy';
    lines.push(...other.lines);
  }
  const sum = lines.reduce((s, l) => s + l.dutyYen, 0);
  return ok({
    rulesId: r.id,
    arrivalDate: d.arrivalDate,
    lines,
    totalDutyYen: truncateYen(sum, r.rounding.totalUnit),
    totalUnitYen: r.rounding.totalUnit,
    requiresOfficerAssessment: lines.some((l) => l.treatment === 'officer_assessment'),
    selection: method,
    assumptions: assumptionsOf(r),
  });
}
