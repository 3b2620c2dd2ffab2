import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../kernel/index.ts';
import { validatePolicy, type SelectionPolicy } from './policy.ts';

const good: SelectionPolicy = {
  version: 'p1',
  salt: 'a-long-secret-salt',
  unit: 'items',
  budget: { red: 0.03, yellow: 0.07 },
  controlShare: 0.01,
  controlLane: 'red',
  explorationShare: 0.01,
  explorationLane: 'yellow',
  aeoFactor: 0.3,
};
const paths = (p: unknown): (string | undefined)[] => {
  const r = validatePolicy(p);
  return r.ok ? [] : (r.error.details as { problems: Problem[] }).problems.map((x) => x.path);
};

describe('selection policy validation', () => {
  it('accepts a consistent policy', () => {
    expect(validatePolicy(good).ok).toBe(true);
  });
  it('refuses shares outside 0..1 and a short salt', () => {
    expect(paths({ ...good, aeoFactor: 1.5, salt: 'short' })).toEqual(
      expect.arrayContaining(['$.aeoFactor', '$.salt']),
    );
  });
  it('refuses control and exploration that do not fit in the budget', () => {
    expect(paths({ ...good, controlShare: 0.06, explorationShare: 0.05 })).toContain('$.controlShare');
    expect(paths({ ...good, controlShare: 0.04 })).toEqual(['$.budget.red']);
  });
});
