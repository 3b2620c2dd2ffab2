import { laneRank, type DecisionBasis, type LaneName } from './decision.ts';
import type { SelectionPolicy } from './policy.ts';

/** One past decision as the calibration needs it (derivable from a stored decision's basis). */
export interface SelectionObservation {
  readonly weight: number;
  readonly priority: number | null;
  readonly preLane: LaneName;
  readonly ruleHit: boolean;
  readonly control: boolean;
  /** Left out of exploration and model selection by the AEO draw. */
  readonly thinned: boolean;
}

export interface SelectionCalibration {
  /** Priority from which the model sends to red / yellow; null: it sends none. */
  readonly redThreshold: number | null;
  readonly yellowThreshold: number | null;
  /** Chance of an exploration pick for a declaration not picked by rules or control nor thinned for AEO. */
  readonly explorationProbability: number;
  readonly observations: number;
  readonly coldStart: boolean;
}

/** Below this many recent decisions the window says too little; a uniform prior stands in. */
export const MIN_OBSERVATIONS = 200;

export const observationOf = (basis: DecisionBasis, control: boolean): SelectionObservation => ({
  weight: basis.weight,
  // A thinned declaration never competed for the model's places: it must not count as a candidate.
  priority: basis.aeoThinned ? null : basis.priority,
  preLane: basis.preLane,
  ruleHit: basis.ruleHit,
  control,
  thinned: basis.aeoThinned,
});

/** The calibration a stored decision was made with: replaying `selectLane` with it must give the same decision. */
export const calibrationOf = (basis: DecisionBasis): SelectionCalibration => ({
  redThreshold: basis.redThreshold,
  yellowThreshold: basis.yellowThreshold,
  explorationProbability: basis.explorationProbability,
  observations: 0,
  coldStart: false,
});

/**
 * Thresholds that would have met the budget on the recent decisions: for each lane, what rules, control and
 * exploration already sent there is counted first, and the highest priorities among the others fill the rest.
 * On a stationary stream the realised shares converge to the budget; when rules alone exceed it the model selects
 * nothing (rules always win — an analyst's rule is never dropped for budget).
 */
export function calibrate(window: readonly SelectionObservation[], policy: SelectionPolicy): SelectionCalibration {
  const total = policy.budget.red + policy.budget.yellow;
  if (window.length < MIN_OBSERVATIONS) return coldStart(policy, window.length);
  const W = window.reduce((s, o) => s + o.weight, 0);
  const red = threshold(window, 'red', policy.budget.red * W);
  const yellow = threshold(window, 'yellow', total * W);
  const eligible = window.reduce((s, o) => (o.control || o.ruleHit || o.thinned ? s : s + o.weight), 0);
  return {
    redThreshold: red,
    // A declaration the model sends to red is also selected; keep the yellow threshold at or below the red one.
    yellowThreshold: red === null ? yellow : yellow === null ? red : Math.min(red, yellow),
    explorationProbability:
      eligible > 0 ? Math.min(1, (policy.explorationShare * W) / eligible) : policy.explorationShare,
    observations: window.length,
    coldStart: false,
  };
}

function threshold(window: readonly SelectionObservation[], lane: LaneName, target: number): number | null {
  let room = target;
  // Weight per distinct priority: ties are selected together anyway (priority ≥ threshold), and a typed-array sort
  // of plain numbers keeps recalibration cheap on a window of thousands.
  const weightAt = new Map<number, number>();
  for (const o of window) {
    if (laneRank(o.preLane) >= laneRank(lane)) room -= o.weight;
    else if (o.priority !== null) weightAt.set(o.priority, (weightAt.get(o.priority) ?? 0) + o.weight);
  }
  const priorities = Float64Array.from(weightAt.keys()).sort();
  let t: number | null = null;
  for (let i = priorities.length - 1; i >= 0; i--) {
    const p = priorities[i]!;
    const w = weightAt.get(p)!;
    if (w > room) break;
    room -= w;
    t = p;
  }
  return t;
}

/** Without history, assume priorities uniform on [0, 1] (true of the no-model random draw). */
function coldStart(policy: SelectionPolicy, n: number): SelectionCalibration {
  const c = policy.controlShare;
  const e = policy.explorationShare;
  const randomRed = (policy.controlLane === 'red' ? c : 0) + (policy.explorationLane === 'red' ? e : 0);
  const toThreshold = (share: number): number | null => (share <= 0 ? null : Math.max(0, 1 - share));
  const red = toThreshold(policy.budget.red - randomRed);
  const yellow = toThreshold(policy.budget.red + policy.budget.yellow - c - e);
  return {
    redThreshold: red,
    yellowThreshold: red === null ? yellow : yellow === null ? red : Math.min(red, yellow),
    explorationProbability: Math.min(1, e / Math.max(1e-9, 1 - c)),
    observations: n,
    coldStart: true,
  };
}
