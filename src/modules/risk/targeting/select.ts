import type { SelectionCalibration } from './calibrate.ts';
import { maxLane, type Decision, type LaneName, type SelectionReason } from './decision.ts';
import type { RuleHit } from './evaluate-rules.ts';
import type { SelectionPolicy } from './policy.ts';
import { hashUniform } from './uniform.ts';

export interface ModelScore {
  /** Probability-like score in [0, 1] from the promoted model. */
  readonly score: number;
  readonly modelVersion: string;
  /** Officer-readable reason codes from the model's explanation, strongest first. */
  readonly reasons: readonly {
    readonly code: string;
    readonly text: string;
    readonly params?: object;
    /** The item (0-based) the reason is about. */
    readonly item?: number;
  }[];
}

export interface SelectionInput {
  readonly declarationId: string;
  readonly itemCount: number;
  readonly traderAeo: boolean;
  readonly ruleHits: readonly RuleHit[];
  /** null: no promoted model yet ("no model"). */
  readonly model: ModelScore | null;
}

const pct = (x: number): string => `${(x * 100).toFixed(1).replace(/\.0$/, '')} %`;

/**
 * The lane of one declaration. Order of say: analyst rules (always honoured, never thinned for AEO: the analyst can
 * write the AEO criterion), the random control sample (uniform, AEO included, so that its precision is an honest
 * estimate for the whole flow), exploration, then the model's priority against the calibrated thresholds. Without a
 * model a random draw takes the model's place, so the budget is still used. Same input, policy and calibration →
 * the same decision.
 *
 * AEO: a hash draw keeps an AEO trader's declaration in the running for exploration and model selection with
 * probability `aeoFactor`, so AEO traders are selected at `aeoFactor` times the rate of others with the same risk —
 * a figure an analyst can state and check. (Scaling the score instead would cut their rate by an unknowable amount
 * that depends on the score distribution.)
 */
export function selectLane(input: SelectionInput, policy: SelectionPolicy, cal: SelectionCalibration): Decision {
  const m = input.model;
  // A broken score would poison the thresholds of every later decision (NaN sorts anywhere): a programming fault.
  if (m !== null && !(Number.isFinite(m.score) && m.score >= 0 && m.score <= 1))
    throw new RangeError(`Model score must be in [0, 1], got ${m.score} for ${input.declarationId}`);
  const reasons: SelectionReason[] = [];
  const draw = (purpose: string): number => hashUniform(policy.salt, purpose, input.declarationId);
  const aeoThinned = input.traderAeo && draw('aeo') >= policy.aeoFactor;

  let ruleLane: LaneName = 'green';
  for (const h of input.ruleHits) {
    ruleLane = maxLane(ruleLane, h.lane);
    reasons.push({
      code: 'RULE_HIT',
      text: `Rule "${h.name}" (v${h.version}): ${h.reason}`,
      source: 'rule',
      ruleId: h.ruleId,
      ruleVersion: h.version,
      items: [...h.items],
      params: { name: h.name, version: h.version, reason: h.reason },
    });
  }
  const ruleHit = input.ruleHits.length > 0;

  const control = draw('control') < policy.controlShare;
  if (control)
    reasons.push({
      code: 'CONTROL_SAMPLE',
      text: `Random control sample (${pct(policy.controlShare)})`,
      source: 'control',
      params: { share: pct(policy.controlShare) },
    });

  const explored = !control && !ruleHit && !aeoThinned && draw('explore') < cal.explorationProbability;
  if (explored)
    reasons.push({
      code: 'EXPLORATION',
      text: 'Random exploration pick, to learn outside the usual targets',
      source: 'exploration',
    });

  const preLane = maxLane(
    ruleLane,
    control ? policy.controlLane : 'green',
    explored ? policy.explorationLane : 'green',
  );
  const priority = input.model === null ? draw('fill') : input.model.score;
  const modelLane: LaneName = aeoThinned
    ? 'green'
    : cal.redThreshold !== null && priority >= cal.redThreshold
      ? 'red'
      : cal.yellowThreshold !== null && priority >= cal.yellowThreshold
        ? 'yellow'
        : 'green';
  const lane = maxLane(preLane, modelLane);

  if (input.model === null) {
    reasons.push({
      code: 'NO_MODEL',
      text: 'No model: selection on rules, the budget and the random control sample',
      source: 'model',
    });
    if (modelLane !== 'green' && modelLane === lane && preLane !== lane)
      reasons.push({
        code: 'BUDGET_RANDOM_PICK',
        text: 'Picked at random to fill the inspection budget',
        source: 'exploration',
      });
  } else if (modelLane !== 'green') {
    const t = modelLane === 'red' ? cal.redThreshold : cal.yellowThreshold;
    reasons.push({
      code: 'MODEL_SCORE',
      text:
        `Risk score ${input.model.score.toFixed(3)} (model ${input.model.modelVersion})` +
        ` ≥ ${modelLane} threshold ${t?.toFixed(3)}`,
      source: 'model',
      params: { score: Number(input.model.score.toFixed(3)), threshold: Number((t ?? 0).toFixed(3)), lane: modelLane },
    });
    reasons.push(...modelReasons(input.model));
  }

  return {
    declarationId: input.declarationId,
    lane,
    reasons,
    score: input.model?.score ?? null,
    modelVersion: input.model?.modelVersion ?? null,
    control,
    noModel: input.model === null,
    ...(input.model === null ? {} : { modelReasons: modelReasons(input.model) }),
    basis: {
      policyVersion: policy.version,
      priority,
      redThreshold: cal.redThreshold,
      yellowThreshold: cal.yellowThreshold,
      explorationProbability: cal.explorationProbability,
      preLane,
      ruleHit,
      explored,
      traderAeo: input.traderAeo,
      aeoThinned,
      weight: policy.unit === 'items' ? Math.max(1, input.itemCount) : 1,
    },
  };
}

function modelReasons(m: ModelScore): SelectionReason[] {
  return m.reasons.map((r) => ({
    code: r.code,
    text: r.text,
    source: 'model' as const,
    ...(r.item === undefined ? {} : { items: [r.item] }),
    ...(r.params === undefined ? {} : { params: { ...r.params } as Record<string, unknown> }),
  }));
}
