import type { Decision, LaneName } from './decision.ts';
import type { DeclarationOutcome } from './findings.ts';

/** One selected declaration and, once an officer recorded it, what the inspection found. */
export interface InspectionRecord {
  readonly declarationId: string;
  readonly lane: LaneName;
  readonly control: boolean;
  /** Selected by a rule or the model (not only by a random draw). */
  readonly targeted: boolean;
  /** null while no finding is recorded. */
  readonly hit: boolean | null;
}

export function inspectionRecord(d: Decision, outcome: DeclarationOutcome | undefined): InspectionRecord {
  return {
    declarationId: d.declarationId,
    lane: d.lane,
    control: d.control,
    targeted: d.reasons.some((r) => r.source === 'rule' || r.code === 'MODEL_SCORE'),
    hit: outcome === undefined ? null : outcome.label === 1,
  };
}

export interface PrecisionFigure {
  readonly inspected: number;
  readonly hits: number;
  /** hits / inspected; null with nothing inspected yet. */
  readonly precision: number | null;
  /** Wilson 95 % interval: a control sample is small, and its precision should be read with its uncertainty. */
  readonly ci95: readonly [number, number] | null;
}

export interface ControlPrecision {
  /** Random-control inspections: the share of hits in the flow as a whole. */
  readonly control: PrecisionFigure;
  /** Rule- or model-targeted inspections. A control pick also targeted counts in both. */
  readonly targeted: PrecisionFigure;
  /** targeted / control precision: how much better than chance targeting is; null if undefined. */
  readonly lift: number | null;
  readonly pending: number;
}

/**
 * Precision measured honestly: the control sample is drawn uniformly whatever the rules and the model say, so its
 * hit rate estimates the rate in the whole flow; comparing targeted precision with it shows what targeting adds.
 * Only declarations with a recorded finding count; green declarations were not inspected.
 */
export function controlPrecision(records: readonly InspectionRecord[]): ControlPrecision {
  const inspected = records.filter((r) => r.lane !== 'green');
  const done = inspected.filter((r) => r.hit !== null);
  const control = figure(done.filter((r) => r.control));
  const targeted = figure(done.filter((r) => r.targeted));
  const lift =
    control.precision !== null && control.precision > 0 && targeted.precision !== null
      ? targeted.precision / control.precision
      : null;
  return { control, targeted, lift, pending: inspected.length - done.length };
}

function figure(rs: readonly InspectionRecord[]): PrecisionFigure {
  const n = rs.length;
  const hits = rs.filter((r) => r.hit === true).length;
  return { inspected: n, hits, precision: n === 0 ? null : hits / n, ci95: n === 0 ? null : wilson(hits, n) };
}

export function wilson(hits: number, n: number, z = 1.959964): readonly [number, number] {
  const p = hits / n;
  const den = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
