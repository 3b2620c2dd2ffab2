import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../kernel/index.ts';
import { ruleDraft } from './test-fixtures.ts';
import { validateRuleDraft } from './validate-rule.ts';

const problems = (input: unknown): Problem[] => {
  const r = validateRuleDraft(input);
  if (r.ok) return [];
  expect(r.error.code).toBe('RISK.RULE_INVALID');
  return (r.error.details as { problems: Problem[] }).problems;
};
const codes = (input: unknown) => problems(input).map((p) => [p.path, p.code]);

describe('rule validation', () => {
  it('accepts a well-formed rule', () => {
    const r = validateRuleDraft(ruleDraft({ validTo: '2026-12-31' }));
    expect(r.ok).toBe(true);
  });

  it('refuses unknown fields so a misspelt criterion never widens a rule', () => {
    expect(codes({ ...ruleDraft(), criteria: { hsPrefix: ['8517'] } })).toContainEqual([
      '$.criteria.hsPrefix',
      'RISK.RULE_INVALID',
    ]);
  });

  it('lists every shape problem with its JSON path', () => {
    const paths = problems({ ...ruleDraft(), lane: 'green', criteria: { hsPrefixes: ['8'] }, validFrom: '1/1/26' }).map(
      (p) => p.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['$.lane', '$.criteria.hsPrefixes[0]', '$.validFrom']));
  });

  it('refuses a rule without criteria', () => {
    expect(codes(ruleDraft({ criteria: {} }))).toEqual([['$.criteria', 'RISK.RULE_NO_CRITERIA']]);
  });

  it('refuses inverted or empty bands', () => {
    expect(codes(ruleDraft({ criteria: { valueYen: { min: 10, max: 5 } } }))).toEqual([
      ['$.criteria.valueYen', 'RISK.RULE_BAD_BAND'],
    ]);
    expect(codes(ruleDraft({ criteria: { unitPriceYen: { min: '100.5', max: '99' } } }))).toEqual([
      ['$.criteria.unitPriceYen', 'RISK.RULE_BAD_BAND'],
    ]);
    expect(codes(ruleDraft({ criteria: { unitPriceYen: { unit: 'KG' } } }))).toEqual([
      ['$.criteria.unitPriceYen', 'RISK.RULE_BAD_BAND'],
    ]);
  });

  it('refuses validTo before validFrom and dates that do not exist', () => {
    expect(codes(ruleDraft({ validFrom: '2026-05-01', validTo: '2026-04-30' }))).toEqual([
      ['$.validTo', 'RISK.RULE_BAD_DATES'],
    ]);
    expect(codes(ruleDraft({ validFrom: '2026-02-30' }))).toEqual([['$.validFrom', 'RISK.RULE_BAD_DATES']]);
  });
});
