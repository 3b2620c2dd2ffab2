import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { rankAuditTargets } from './audit-targeting.ts';
import { controlPrecision } from './control-precision.ts';
import { DecisionSchema } from './decision.ts';
import { AuditTargetSchema, ControlPrecisionSchema, SelectionRateReportSchema } from './report-schemas.ts';
import { selectLane } from './select.ts';
import { selectionRates } from './selection-rates.ts';

describe('report schemas describe what the functions return', () => {
  it('matches a control-precision report, with and without data', () => {
    const rec = { declarationId: 'd', lane: 'red' as const, control: true, targeted: false, hit: true };
    expect(Value.Check(ControlPrecisionSchema, controlPrecision([rec]))).toBe(true);
    expect(Value.Check(ControlPrecisionSchema, controlPrecision([]))).toBe(true);
  });

  it('matches a selection-rate report and an audit ranking', () => {
    const r = selectionRates([{ lane: 'red', control: false, originCountries: ['CN'], importerSize: 'small' }]);
    expect(Value.Check(SelectionRateReportSchema, r)).toBe(true);
    const ranked = rankAuditTargets([
      { declarationId: 'd', importerId: 'i', atStakeYen: 1000, score: 0.5, outcome: null },
    ]);
    expect(ranked.every((t) => Value.Check(AuditTargetSchema, t))).toBe(true);
  });

  it('matches a decision', () => {
    const d = selectLane(
      { declarationId: 'd', itemCount: 1, traderAeo: false, ruleHits: [], model: null },
      {
        version: 'p',
        salt: 'sixteen-chars-salt',
        unit: 'declarations',
        budget: { red: 0.1, yellow: 0.1 },
        controlShare: 0.05,
        controlLane: 'red',
        explorationShare: 0,
        explorationLane: 'red',
        aeoFactor: 1,
      },
      { redThreshold: null, yellowThreshold: null, explorationProbability: 0, observations: 0, coldStart: true },
    );
    expect(Value.Check(DecisionSchema, d)).toBe(true);
    expect(Value.Check(DecisionSchema, { ...d, lane: 'blue' })).toBe(false);
  });
});
