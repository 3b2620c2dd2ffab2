import { calibrate, observationOf, type SelectionCalibration, type SelectionObservation } from './calibrate.ts';
import type { Decision } from './decision.ts';
import type { SelectionPolicy } from './policy.ts';
import { selectLane, type SelectionInput } from './select.ts';

export interface OnlineOptions {
  /** How many recent decisions the thresholds are derived from. */
  readonly windowSize?: number;
  /** Recalibrate after this many decisions (calibration sorts the window; doing it every time is wasted work). */
  readonly recalibrateEvery?: number;
}

/**
 * Decides one declaration at a time and keeps the recent-decision window the thresholds come from. The state is
 * plain data (`window()`), so the caller can persist it or rebuild it from stored decisions (`observationOf`).
 * Each decision records the calibration it used, which is what makes a replay exact.
 */
export class OnlineSelector {
  private readonly obs: SelectionObservation[];
  private readonly size: number;
  private readonly every: number;
  private next = 0;
  private since = 0;
  private cal: SelectionCalibration;

  constructor(
    private readonly policy: SelectionPolicy,
    seed: readonly SelectionObservation[] = [],
    options: OnlineOptions = {},
  ) {
    this.size = options.windowSize ?? 5000;
    this.every = options.recalibrateEvery ?? 100;
    this.obs = seed.slice(-this.size);
    this.next = this.obs.length % this.size;
    this.cal = calibrate(this.obs, policy);
  }

  decide(input: SelectionInput): Decision {
    const d = selectLane(input, this.policy, this.cal);
    this.record(observationOf(d.basis, d.control));
    return d;
  }

  calibration(): SelectionCalibration {
    return this.cal;
  }

  window(): SelectionObservation[] {
    return this.obs.length < this.size
      ? [...this.obs]
      : [...this.obs.slice(this.next), ...this.obs.slice(0, this.next)];
  }

  private record(o: SelectionObservation): void {
    if (this.obs.length < this.size) this.obs.push(o);
    else this.obs[this.next] = o;
    this.next = (this.next + 1) % this.size;
    if (++this.since >= this.every) {
      this.since = 0;
      this.cal = calibrate(this.obs, this.policy);
    }
  }
}
