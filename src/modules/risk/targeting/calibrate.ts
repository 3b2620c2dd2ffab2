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
  const red = laneThreshold(window, 'red', policy.budget.red * W);
  const yellow = laneThreshold(window, 'yellow', total * W);
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

/** The lowest priority the model may select at in `lane` so that the window would have met `target` (units). */
export function laneThreshold(window: readonly SelectionObservation[], lane: LaneName, target: number): number | null {
  let room = target;
  const rank = laneRank(lane);
  const priorities = new Float64Array(window.length);
  let n = 0;
  let plain = true;
  for (const o of window) {
    if (laneRank(o.preLane) >= rank) room -= o.weight;
    else if (o.priority !== null) {
      priorities[n++] = o.priority;
      // NaN sorts above every number but compares with none: the cut below cannot place it.
      if (Number.isNaN(o.priority)) plain = false;
    }
  }
  if (!plain || !Number.isFinite(room)) return thresholdByMap(window, lane, target);
  if (n === 0) return null;
  // Only the highest priorities are summed and sorted (a budget's worth, not the window: sorting the whole window
  // twice was most of a recalibration). Every candidate at or above the cut is in, so the walk down from the top is
  // the whole window's walk for as long as it stays above the cut; should it get below, the whole window decides.
  // With weights of at least 1 it never does: it takes at most floor(room) candidates, then looks at one more.
  const take = Math.max(1, Math.min(n, Math.floor(room) + 1));
  const cutoff = nthSmallest(priorities.subarray(0, n), n - take);
  const weightAt = new Map<number, number>();
  for (const o of window) {
    const p = o.priority;
    if (p !== null && p >= cutoff && laneRank(o.preLane) < rank) weightAt.set(p, (weightAt.get(p) ?? 0) + o.weight);
  }
  const top = Float64Array.from(weightAt.keys()).sort();
  let t: number | null = null;
  for (let i = top.length - 1; i >= 0; i--) {
    const p = top[i]!;
    const w = weightAt.get(p)!;
    if (w > room) return t;
    room -= w;
    t = p;
  }
  return take === n ? t : thresholdByMap(window, lane, target);
}

/** The k-th smallest value (0-based) of a, reordering a (quickselect; a sort when the pivots go badly). */
function nthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  for (let rounds = 0; lo < hi; rounds++) {
    if (rounds > 64) return a.subarray(lo, hi + 1).sort()[k - lo]!;
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const tmp = a[i]!;
        a[i++] = a[j]!;
        a[j--] = tmp;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The threshold as first written: weight per distinct priority for all candidates, the walk from the top. */
export function thresholdByMap(window: readonly SelectionObservation[], lane: LaneName, target: number): number | null {
  let room = target;
  // Weight per distinct priority: ties are selected together anyway (priority ≥ threshold).
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
