import { describe, expect, it } from 'vitest';
import { calibrate } from './calibrate.ts';
import { OnlineSelector } from './online-selector.ts';
import type { SelectionPolicy } from './policy.ts';
import type { SelectionInput } from './select.ts';

const policy: SelectionPolicy = {
  version: 'p',
  salt: 'online-selector-salt',
  unit: 'declarations',
  budget: { red: 0.05, yellow: 0.05 },
  controlShare: 0.01,
  controlLane: 'red',
  explorationShare: 0,
  explorationLane: 'red',
  aeoFactor: 1,
};
const input = (i: number): SelectionInput => ({
  declarationId: `d${i}`,
  itemCount: 1,
  traderAeo: false,
  ruleHits: [],
  model: { score: (i % 97) / 97, modelVersion: 'm', reasons: [] },
});

describe('online selector state', () => {
  it('keeps the most recent decisions, oldest first, within the window size', () => {
    const s = new OnlineSelector(policy, [], { windowSize: 300, recalibrateEvery: 50 });
    for (let i = 0; i < 450; i++) s.decide(input(i));
    const w = s.window();
    expect(w).toHaveLength(300);
    expect(w[0]?.priority).toBe((150 % 97) / 97);
    expect(w[299]?.priority).toBe((449 % 97) / 97);
    expect(s.calibration()).toEqual(calibrate(w, policy));
  });

  it('resumes from a saved window with the same decisions as if it had never stopped', () => {
    const a = new OnlineSelector(policy, [], { windowSize: 300, recalibrateEvery: 50 });
    for (let i = 0; i < 400; i++) a.decide(input(i));
    const b = new OnlineSelector(policy, a.window(), { windowSize: 300, recalibrateEvery: 50 });
    // Both recalibrated on the same 300 decisions (400 is a multiple of 50), so the next decisions agree.
    for (let i = 400; i < 440; i++) expect(b.decide(input(i))).toEqual(a.decide(input(i)));
  });
});
