import { describe, expect, it } from 'vitest';
import { calibrate } from './calibrate.ts';
import type { SelectionPolicy } from './policy.ts';
import { createRule } from './rule-versions.ts';
import { targetDeclaration } from './target.ts';
import { ruleDraft, sampleFacts } from './test-fixtures.ts';

const policy: SelectionPolicy = {
  version: 'p1',
  salt: 'target-test-salt-000',
  unit: 'declarations',
  budget: { red: 0.02, yellow: 0.05 },
  controlShare: 0,
  controlLane: 'red',
  explorationShare: 0,
  explorationLane: 'red',
  aeoFactor: 0.5,
};

describe('targeting one declaration', () => {
  it('runs the rules before the selection and reports the hit with its item', () => {
    const rule = createRule(ruleDraft({ lane: 'yellow' }), { ruleId: 'r1', at: '2026-11-01T00:00:00Z', by: 'a' });
    const d = targetDeclaration({
      facts: sampleFacts(),
      rules: [rule],
      date: '2026-11-20',
      model: null,
      policy,
      calibration: { ...calibrate([], policy), redThreshold: null, yellowThreshold: null },
    });
    expect(d.lane).toBe('yellow');
    expect(d.reasons.map((r) => [r.code, r.source, r.items])).toEqual([
      ['RULE_HIT', 'rule', [0]],
      ['NO_MODEL', 'model', undefined],
    ]);
  });
});
