import { Value } from '@sinclair/typebox/value';
import { Decimal, err, ok, type DomainError, type Problem, type Result } from '../../../kernel/index.ts';
import { TargetingErrors as E } from './errors.ts';
import { schemaProblems } from './problems.ts';
import { RuleDraftSchema, type RuleDraft } from './rule.ts';

/** A real calendar date (the schema pattern lets 2026-02-30 through). */
export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Checks an analyst's rule and returns every problem at once: shape first (unknown fields are refused so that a
 * misspelt criterion never silently widens a rule), then meaning (a rule without criteria would select everything).
 */
export function validateRuleDraft(input: unknown): Result<RuleDraft, DomainError> {
  const shape = schemaProblems(RuleDraftSchema, input, E.invalidRule);
  if (shape.length > 0) return err(E.invalidRule(undefined, { problems: shape }));
  const draft = Value.Clone(input) as RuleDraft;
  const problems = meaningProblems(draft);
  return problems.length > 0 ? err(E.invalidRule(undefined, { problems })) : ok(draft);
}

function meaningProblems(d: RuleDraft): Problem[] {
  const out: Problem[] = [];
  const c = d.criteria;
  const given = Object.values(c).filter((v) => v !== undefined);
  if (given.length === 0) out.push(E.ruleNoCriteria.problem('$.criteria'));
  if (c.valueYen && c.valueYen.min === undefined && c.valueYen.max === undefined)
    out.push(E.ruleBadBand.problem('$.criteria.valueYen', 'A value band needs min, max or both'));
  if (c.valueYen?.min !== undefined && c.valueYen.max !== undefined && c.valueYen.min > c.valueYen.max)
    out.push(E.ruleBadBand.problem('$.criteria.valueYen'));
  const up = c.unitPriceYen;
  if (up && up.min === undefined && up.max === undefined)
    out.push(E.ruleBadBand.problem('$.criteria.unitPriceYen', 'A unit-price band needs min, max or both'));
  if (up?.min !== undefined && up.max !== undefined && new Decimal(up.min).gt(up.max))
    out.push(E.ruleBadBand.problem('$.criteria.unitPriceYen'));
  if (!isCalendarDate(d.validFrom)) out.push(E.ruleBadDates.problem('$.validFrom', 'Not a calendar date'));
  if (d.validTo !== undefined) {
    if (!isCalendarDate(d.validTo)) out.push(E.ruleBadDates.problem('$.validTo', 'Not a calendar date'));
    else if (d.validTo < d.validFrom) out.push(E.ruleBadDates.problem('$.validTo'));
  }
  return out;
}
