import { describe, expect, it } from 'vitest';
import { createRule, currentRules, reviseRule, ruleHistory } from './rule-versions.ts';
import { ruleDraft } from './test-fixtures.ts';

const v1 = createRule(ruleDraft(), { ruleId: 'r1', at: '2026-11-01T00:00:00Z', by: 'ana' });

describe('rule versioning', () => {
  it('keeps every version when a rule is edited', () => {
    const v2 = reviseRule([v1], ruleDraft({ reason: 'sharper reason' }), {
      ruleId: 'r1',
      at: '2026-11-02T00:00:00Z',
      by: 'bo',
      expectedVersion: 1,
    });
    if (!v2.ok) throw v2.error;
    const history = ruleHistory([v2.value, v1], 'r1');
    expect(history.map((v) => [v.version, v.reason, v.createdBy])).toEqual([
      [1, 'Undervaluation seen on network switches', 'ana'],
      [2, 'sharper reason', 'bo'],
    ]);
    expect(currentRules(history).map((v) => v.version)).toEqual([2]);
  });

  it('refuses an edit made on a stale version', () => {
    const v2 = reviseRule([v1], ruleDraft(), {
      ruleId: 'r1',
      at: '2026-11-02T00:00:00Z',
      by: 'bo',
      expectedVersion: 1,
    });
    if (!v2.ok) throw v2.error;
    const stale = reviseRule([v1, v2.value], ruleDraft(), {
      ruleId: 'r1',
      at: '2026-11-03T00:00:00Z',
      by: 'cy',
      expectedVersion: 1,
    });
    expect(stale.ok ? null : stale.error.code).toBe('RISK.RULE_VERSION_CONFLICT');
  });

  it('refuses to revise an unknown rule', () => {
    const r = reviseRule([v1], ruleDraft(), {
      ruleId: 'nope',
      at: '2026-11-02T00:00:00Z',
      by: 'bo',
      expectedVersion: 1,
    });
    expect(r.ok ? null : r.error.code).toBe('RISK.RULE_NOT_FOUND');
  });

  it('gives the versions in force at an instant', () => {
    const v2 = { ...v1, version: 2, createdAt: '2026-11-05T00:00:00Z' };
    expect(currentRules([v1, v2], '2026-11-04T23:59:59Z').map((v) => v.version)).toEqual([1]);
    expect(currentRules([v1, v2], '2026-10-01T00:00:00Z')).toEqual([]);
  });
});
