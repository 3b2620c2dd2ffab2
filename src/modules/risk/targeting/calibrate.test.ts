import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../gbdt/random.ts';
import { calibrate, laneThreshold, observationOf, thresholdByMap, type SelectionObservation } from './calibrate.ts';
import type { LaneName } from './decision.ts';
import type { SelectionPolicy } from './policy.ts';

const policy: SelectionPolicy = {
  version: 'p',
  salt: 'salt-salt-salt-salt',
  unit: 'declarations',
  budget: { red: 0.05, yellow: 0.1 },
  controlShare: 0,
  controlLane: 'red',
  explorationShare: 0.02,
  explorationLane: 'red',
  aeoFactor: 0.5,
};
// 200 decisions with priorities 0.005, 0.010, …, 1.000.
const plain = (i: number): SelectionObservation => ({
  weight: 1,
  priority: (i + 1) / 200,
  preLane: 'green',
  ruleHit: false,
  control: false,
  thinned: false,
});
const window = Array.from({ length: 200 }, (_, i) => plain(i));

describe('deriving thresholds from recent decisions', () => {
  it('puts the red threshold at the top 5 % and the yellow one at the top 15 %', () => {
    const c = calibrate(window, policy);
    expect(c.redThreshold).toBeCloseTo(0.955); // 10 of 200 at or above
    expect(c.yellowThreshold).toBeCloseTo(0.855); // 30 of 200
    expect(c.coldStart).toBe(false);
  });

  it('leaves the model less room when rules or random picks already used the lane', () => {
    const w = window.map((o, i) => (i < 6 ? { ...o, preLane: 'red' as const, ruleHit: true } : o));
    expect(calibrate(w, policy).redThreshold).toBeCloseTo(0.985); // 10 − 6 = 4 left: 0.985 … 1.000
  });

  it('selects nothing by model when the lane is already full', () => {
    const w = window.map((o, i) => (i < 20 ? { ...o, preLane: 'red' as const, ruleHit: true } : o));
    expect(calibrate(w, policy).redThreshold).toBeNull();
  });

  it('raises the exploration chance to make up for ineligible decisions', () => {
    const w = window.map((o, i) => (i < 50 ? { ...o, thinned: true } : i < 100 ? { ...o, control: true } : o));
    expect(calibrate(w, policy).explorationProbability).toBeCloseTo((0.02 * 200) / 100);
  });

  it('does not count a declaration thinned for AEO as a model candidate', () => {
    const basis = {
      policyVersion: 'p',
      priority: 0.99,
      redThreshold: 0.9,
      yellowThreshold: 0.8,
      explorationProbability: 0,
      preLane: 'green' as const,
      ruleHit: false,
      explored: false,
      traderAeo: true,
      aeoThinned: true,
      weight: 1,
    };
    expect(observationOf(basis, false)).toMatchObject({ priority: null, thinned: true });
    expect(observationOf({ ...basis, aeoThinned: false }, false).priority).toBe(0.99);
  });

  it('falls back to a uniform prior with too little history', () => {
    const c = calibrate(window.slice(0, 10), policy);
    expect(c).toMatchObject({ coldStart: true, observations: 10 });
    expect(c.redThreshold).toBeCloseTo(0.97); // 5 % − 2 % exploration sent to red
  });

  it('finds the same thresholds from the highest priorities alone as from every priority in the window', () => {
    const rng = new SeededRandom(9);
    const lanes: LaneName[] = ['green', 'green', 'green', 'green', 'yellow', 'red'];
    let reached = 0;
    for (let round = 0; round < 400; round++) {
      const size = [0, 1, 5, 200, 1000, 5000][round % 6]!;
      const ties = round % 4 === 0; // few distinct priorities: ties at the threshold
      const odd = round % 25 === 7; // a weight under 1, NaN and -0 priorities
      const win: SelectionObservation[] = Array.from({ length: size }, (_, i) => ({
        // round 13 and every 25th after: weights far under 1, so the walk goes past the highest priorities
        weight: round % 25 === 13 ? 0.01 : odd && i % 50 === 0 ? 0.5 : round % 3 === 0 ? 1 + rng.int(4) : 1,
        priority: rng.next() < 0.05 ? null : odd && i % 70 === 1 ? Number.NaN : odd && i % 70 === 2 ? -0 : ties ? rng.int(20) / 20 : rng.next(),
        preLane: lanes[rng.int(lanes.length)]!,
        ruleHit: false,
        control: false,
        thinned: false,
      }));
      for (const lane of ['red', 'yellow'] as const) {
        const target = [0, 0.5, 1, 3.7, size * 0.02, size * 0.07, size * 0.4, size * 2][round % 8]!;
        const got = laneThreshold(win, lane, target);
        expect(got, `round ${round} ${lane}`).toBe(thresholdByMap(win, lane, target));
        if (got !== null) reached++;
      }
    }
    expect(reached).toBeGreaterThan(100);
  });
});
