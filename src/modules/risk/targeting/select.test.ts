import { describe, expect, it } from 'vitest';
import type { SelectionCalibration } from './calibrate.ts';
import type { SelectionPolicy } from './policy.ts';
import { selectLane, type SelectionInput } from './select.ts';
import { hashUniform } from './uniform.ts';

const policy: SelectionPolicy = {
  version: 'p1',
  salt: 'unit-test-salt-0000',
  unit: 'declarations',
  budget: { red: 0.05, yellow: 0.1 },
  controlShare: 0.02,
  controlLane: 'red',
  explorationShare: 0,
  explorationLane: 'red',
  aeoFactor: 0.5,
};
const cal: SelectionCalibration = {
  redThreshold: 0.9,
  yellowThreshold: 0.7,
  explorationProbability: 0,
  observations: 5000,
  coldStart: false,
};
const input = (over: Partial<SelectionInput> = {}): SelectionInput => ({
  declarationId: 'dec-1',
  itemCount: 2,
  traderAeo: false,
  ruleHits: [],
  model: {
    score: 0.8,
    modelVersion: 'm1',
    reasons: [{ code: 'UNIT_PRICE_LOW', text: 'unit price 62 % below the norm' }],
  },
  ...over,
});

/** A declaration id that the control draw picks (or not) under this policy's salt. */
const idWhere = (control: boolean): string => {
  for (let i = 0; ; i++)
    if (hashUniform(policy.salt, 'control', `d${i}`) < policy.controlShare === control) return `d${i}`;
};

describe('selecting the lane of one declaration', () => {
  it('is the same decision every time for the same declaration id', () => {
    expect(selectLane(input(), policy, cal)).toEqual(selectLane(input(), policy, cal));
    const id = idWhere(true);
    expect(selectLane(input({ declarationId: id }), policy, cal).control).toBe(true);
    expect(selectLane(input({ declarationId: id }), policy, cal).control).toBe(true);
  });

  it('sends scores over the thresholds to yellow and red, with the model reasons', () => {
    const id = idWhere(false);
    const lane = (score: number) =>
      selectLane(input({ declarationId: id, model: { score, modelVersion: 'm1', reasons: [] } }), policy, cal).lane;
    expect([lane(0.5), lane(0.7), lane(0.89), lane(0.95)]).toEqual(['green', 'yellow', 'yellow', 'red']);
    const d = selectLane(input({ declarationId: id }), policy, cal);
    expect(d).toMatchObject({ lane: 'yellow', score: 0.8, modelVersion: 'm1', control: false, noModel: false });
    expect(d.reasons.map((r) => [r.code, r.source])).toEqual([
      ['MODEL_SCORE', 'model'],
      ['UNIT_PRICE_LOW', 'model'],
    ]);
  });

  it('keeps an AEO trader out of model selection with probability 1 − aeoFactor, by a hash draw', () => {
    const aeoDraw = (id: string) => hashUniform(policy.salt, 'aeo', id);
    const ids = Array.from({ length: 400 }, (_, i) => `a${i}`).filter(
      (id) => hashUniform(policy.salt, 'control', id) >= 0.02,
    );
    const kept = ids.find((id) => aeoDraw(id) < policy.aeoFactor)!;
    const thinned = ids.find((id) => aeoDraw(id) >= policy.aeoFactor)!;
    const high = (declarationId: string, traderAeo: boolean) =>
      selectLane(
        input({ declarationId, traderAeo, model: { score: 0.95, modelVersion: 'm1', reasons: [] } }),
        policy,
        cal,
      );
    expect(high(kept, true)).toMatchObject({ lane: 'red', basis: { aeoThinned: false } });
    expect(high(thinned, true)).toMatchObject({ lane: 'green', basis: { aeoThinned: true, priority: 0.95 } });
    expect(high(thinned, false)).toMatchObject({ lane: 'red', basis: { aeoThinned: false } });
    const share = ids.filter((id) => high(id, true).basis.aeoThinned).length / ids.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
  });

  it('marks a control pick and sends it to the control lane whatever the score', () => {
    const d = selectLane(
      input({ declarationId: idWhere(true), model: { score: 0.01, modelVersion: 'm1', reasons: [] } }),
      policy,
      cal,
    );
    expect(d).toMatchObject({ lane: 'red', control: true });
    expect(d.reasons).toEqual([expect.objectContaining({ code: 'CONTROL_SAMPLE', source: 'control' })]);
  });

  it('takes the highest lane of rule, control and model, and says a rule hit', () => {
    const d = selectLane(
      input({
        declarationId: idWhere(false),
        ruleHits: [
          { ruleId: 'r9', version: 2, name: 'textiles VN', lane: 'red', reason: 'origin fraud alert', items: [1] },
        ],
      }),
      policy,
      cal,
    );
    expect(d.lane).toBe('red');
    expect(d.reasons[0]).toEqual({
      code: 'RULE_HIT',
      text: 'Rule "textiles VN" (v2): origin fraud alert',
      source: 'rule',
      ruleId: 'r9',
      ruleVersion: 2,
      items: [1],
      params: { name: 'textiles VN', version: 2, reason: 'origin fraud alert' },
    });
  });

  it('keeps the model reasons with their item and figures even when the score leaves the declaration green', () => {
    const id = idWhere(false);
    const reasons = [{ code: 'history:hs6', text: 'Item 2: 6109.10: 5 of 10…', item: 1, params: { hits: 5, total: 10 } }];
    const d = selectLane(input({ declarationId: id, model: { score: 0.2, modelVersion: 'm1', reasons } }), policy, cal);
    expect(d.lane).toBe('green');
    expect(d.reasons).toEqual([]);
    expect(d.modelReasons).toEqual([{ code: 'history:hs6', text: 'Item 2: 6109.10: 5 of 10…', source: 'model', items: [1], params: { hits: 5, total: 10 } }]);
    expect(selectLane(input({ model: null }), policy, cal).modelReasons).toBeUndefined();
  });

  it('says "no model" when there is none and records no score', () => {
    const d = selectLane(input({ model: null }), policy, cal);
    expect(d).toMatchObject({ score: null, modelVersion: null, noModel: true });
    expect(d.reasons).toContainEqual(
      expect.objectContaining({ code: 'NO_MODEL', text: expect.stringContaining('No model') }),
    );
  });

  it('records the thresholds it used so that a replay can be checked', () => {
    expect(selectLane(input(), policy, cal).basis).toMatchObject({
      policyVersion: 'p1',
      redThreshold: 0.9,
      yellowThreshold: 0.7,
      weight: 1,
    });
    expect(selectLane(input(), { ...policy, unit: 'items' }, cal).basis.weight).toBe(2);
  });

  it('refuses a score outside [0, 1] rather than poisoning the thresholds', () => {
    for (const score of [Number.NaN, -0.1, 1.5])
      expect(() => selectLane(input({ model: { score, modelVersion: 'm1', reasons: [] } }), policy, cal)).toThrow(
        RangeError,
      );
  });
});
