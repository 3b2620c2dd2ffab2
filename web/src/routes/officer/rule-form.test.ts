import { describe, expect, it } from 'vitest';
import { ruleDraft, ruleValues } from './rule-form.ts';

describe('the rule form', () => {
  it('reads comma lists, upper-cases countries and keeps only the criteria given', () => {
    const d = ruleDraft({ name: 'Coffee from BR', lane: 'red', reason: 'undervaluation seen', hsPrefixes: '0901, 2101', originCountries: 'br vn', validFrom: '2026-01-01', active: 'yes', valueMin: '', valueMax: '' });
    expect(d).toEqual({ name: 'Coffee from BR', lane: 'red', reason: 'undervaluation seen', criteria: { hsPrefixes: ['0901', '2101'], originCountries: ['BR', 'VN'] }, validFrom: '2026-01-01', active: true });
  });

  it('round-trips a rule through the form', () => {
    const d = ruleDraft({ name: 'x', lane: 'yellow', reason: 'y', validFrom: '2026-01-01', validTo: '2026-12-31', active: 'no', valueMin: '100000', transportModes: 'air' });
    expect(ruleDraft(ruleValues(d))).toEqual(d);
  });
});
