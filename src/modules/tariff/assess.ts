import { err, msg, note, ok, type Problem, type Result } from '../../kernel/index.ts';
import { TARIFF_SCHEDULE_VERSION } from '../reference/index.ts';
import { resolveItem, type ItemResolution } from './assess-item.ts';
import { consumptionTaxes, consumptionTaxRuleFor, reducedRateByDefault } from './consumption-tax.ts';
import { customsValues } from './customs-value.ts';
import { parsedDecimal } from './decimal-cache.ts';
import type { AssessOptions } from './assess-options.ts';
import { prepare, type Prepared } from './assess-prepare.ts';
import { AssessmentErrors } from './errors.ts';
import { DEFAULT_RULES, inForce, startsWithAny, type AssessmentRules, type SmallValueExemptionRule } from './rules.ts';
import type { AssessmentNote, AssessmentResponse } from './schema.ts';
import { pricedItem, type PricedItem } from './assess-price.ts';



/**
 * Assesses duty and import consumption tax for a declaration (issue 3 item 4 contract). Pure: the tariff index,
 * agreement lists and exchange rates come in through `options`. Invalid requests yield every problem at once.
 */
export function assess(body: unknown, options: AssessOptions): Result<AssessmentResponse, Problem[]> {
  const rules: AssessmentRules = options.rules ? { ...DEFAULT_RULES, ...options.rules } : DEFAULT_RULES;
  const prepared = prepare(body, options);
  if (!prepared.ok) return prepared;
  const { req, date, lines, claims, rates } = prepared.value;
  const problems: Problem[] = [];
  // Keyed by the English wording: the same assumption from several items is said once.
  const assumptions = new Map<string, AssessmentNote>();
  const assume = (n: AssessmentNote): void => void assumptions.set(n.message, n);

  const ctRule = consumptionTaxRuleFor(rules.consumptionTax, date);
  if (!ctRule) problems.push(AssessmentErrors.noRuleForDate.problem('$.date', msg('ASSESSMENT.NO_RULE_FOR_DATE.date', { date })));
  const personalUse = inForce(rules.personalUse, date) ? rules.personalUse : undefined;
  const valuation = customsValues({
    incoterm: req.incoterm ?? 'CIF',
    freight: req.freight,
    insurance: req.insurance,
    items: req.items,
    yenPer: (c) => rates.get(c)?.rate ?? ONE,
    personalUse,
  });
  const totalValueYen = valuation.totalYen;
  const taxable = valuation.taxableYen;

  const sv = rules.smallValueExemption;
  const exemption = inForce(sv, date) && totalValueYen <= sv.thresholdYen;
  const exempt = req.items.map((it) => exemption && !startsWithAny(it.code9, sv.excludedHsPrefixes));

  const resolved: ItemResolution[] = [];
  req.items.forEach((item, i) => {
    const r = resolveItem({
      line: lines[i]!,
      item,
      path: `$.items[${i}]`,
      date,
      taxableYen: taxable[i]!,
      claim: claims[i],
      jpRules: options.jpRules,
      rules,
      exempt: exempt[i]!,
      alternatives: options.alternatives !== false,
    });
    if (r.ok) resolved.push(r.value);
    else problems.push(...r.problems);
  });
  if (problems.length > 0 || !ctRule) return err(problems);

  const simplified = rules.simplifiedTariff;
  const useSimplified = req.simplifiedTariff !== false && inForce(simplified, date) && totalValueYen <= simplified.thresholdYen;
  const priced: PricedItem[] = [];
  req.items.forEach((item, i) => {
    const p = pricedItem({
      item,
      path: `$.items[${i}]`,
      line: lines[i]!,
      resolution: resolved[i]!,
      taxableYen: taxable[i]!,
      claimed: claims[i] !== undefined,
      simplified: useSimplified ? simplified : undefined,
      exempt: exempt[i]!,
      personalUseFactor: item.personalUse === true && personalUse ? personalUse.factor : undefined,
    });
    if (!p.ok) problems.push(...p.problems);
    else priced.push(p.value);
  });
  if (problems.length > 0) return err(problems);

  if (useSimplified && priced.some((p) => p.appliedRate.column === 'simplified_tariff')) {
    assume(note('ASSUMPTION.simplifiedTable', { version: simplified.version }));
  }
  if (exemption) {
    assume(exemptionAssumption(sv, totalValueYen));
    if (!sv.exclusionsConfirmed) assume(note('ASSUMPTION.exemptionExclusions'));
  }
  if (personalUse && req.items.some((i) => i.personalUse)) {
    if (!personalUse.confirmed) {
      assume(note(personalUse.addFreightAndInsurance ? 'ASSUMPTION.personalUseFreight' : 'ASSUMPTION.personalUse', { factor: String(personalUse.factor) }));
    }
  }
  for (const r of resolved) for (const a of r.assumptions) assume(a);
  // One schedule edition is loaded; rates of earlier dates are not kept, so an older date says so.
  if (date < TARIFF_SCHEDULE_VERSION) assume(note('ASSUMPTION.scheduleEdition', { edition: TARIFF_SCHEDULE_VERSION, date }));

  const taxes = consumptionTaxes(
    priced.map((p, i) => ({
      customsValueYen: p.customsValueYen,
      dutyYen: p.dutyYen,
      reduced: req.items[i]!.reducedRate ?? reducedRateByDefault(lines[i]!),
      exempt: p.exempt,
    })),
    ctRule,
  );
  const items = priced.map((p, i) => {
    const item = req.items[i]!;
    const notes: AssessmentNote[] = [...valuationNotes(i, valuation.notes), ...p.notes];
    const reduced = item.reducedRate ?? reducedRateByDefault(lines[i]!);
    if (!p.exempt) {
      const percent = reduced ? ctRule.reducedPercent : ctRule.standardPercent;
      const code = reduced ? 'REDUCED_RATE' : 'STANDARD_RATE';
      notes.push(note(item.reducedRate === undefined ? `${code}.default` : code, { percent }));
    }
    return {
      code9: item.code9,
      appliedRate: p.appliedRate,
      alternatives: p.alternatives,
      customsValueYen: p.customsValueYen,
      dutyYen: p.dutyYen,
      consumptionTaxYen: taxes[i]!.national,
      localConsumptionTaxYen: taxes[i]!.local,
      notes,
    };
  });
  let value = 0;
  let duty = 0;
  let national = 0;
  let local = 0;
  for (const x of items) {
    value += x.customsValueYen;
    duty += x.dutyYen;
    national += x.consumptionTaxYen;
    local += x.localConsumptionTaxYen;
  }
  const totals = {
    customsValueYen: value,
    dutyYen: hundreds(duty),
    consumptionTaxYen: hundreds(national),
    localConsumptionTaxYen: hundreds(local),
    totalYen: hundreds(duty) + hundreds(national) + hundreds(local),
  };
  return ok({
    date,
    scheduleVersion: TARIFF_SCHEDULE_VERSION,
    items,
    totals,
    exchangeRates: exchangeRatesUsed(rates),
    assumptions: [...assumptions.values()],
  });
}

const ONE = parsedDecimal('1');

function exchangeRatesUsed(rates: Prepared['rates']): { currency: string; rate: string; source: string }[] {
  const out: { currency: string; rate: string; source: string }[] = [];
  for (const [currency, r] of rates) if (currency !== 'JPY') out.push({ currency, rate: r.rate.text, source: r.source });
  return out;
}

/** One message per exempt total (at most the threshold's count of them), built once: it was a visible cost. */
function exemptionAssumption(sv: SmallValueExemptionRule, totalYen: number): AssessmentNote {
  let byTotal = exemptionMessages.get(sv);
  if (!byTotal) exemptionMessages.set(sv, (byTotal = new Map()));
  let message = byTotal.get(totalYen);
  if (message === undefined) {
    if (byTotal.size >= 20_000) byTotal.clear();
    message = note('ASSUMPTION.smallValueExemption', { total: totalYen, threshold: sv.thresholdYen });
    byTotal.set(totalYen, message);
  }
  return message;
}
const exemptionMessages = new WeakMap<SmallValueExemptionRule, Map<number, AssessmentNote>>();

/** Totals are integer yen: truncating below 100 yen needs no decimal arithmetic. */
const hundreds = (yen: number): number => yen - (yen % 100);

/** Header-level valuation notes go on the first item only, so they are not repeated. */
const valuationNotes = (i: number, notes: readonly AssessmentNote[]): AssessmentNote[] => (i === 0 ? [...notes] : []);

export type { AssessOptions };
