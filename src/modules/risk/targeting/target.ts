import type { SelectionCalibration } from './calibrate.ts';
import type { Decision } from './decision.ts';
import { evaluateRules, type EvaluateOptions } from './evaluate-rules.ts';
import type { DeclarationFacts } from './facts.ts';
import type { SelectionPolicy } from './policy.ts';
import type { RuleVersion } from './rule.ts';
import { selectLane, type ModelScore } from './select.ts';

export interface TargetRequest {
  readonly facts: DeclarationFacts;
  readonly rules: readonly RuleVersion[];
  /** The date the rules are evaluated for (yyyy-mm-dd). */
  readonly date: string;
  readonly model: ModelScore | null;
  readonly policy: SelectionPolicy;
  readonly calibration: SelectionCalibration;
  readonly ruleOptions?: EvaluateOptions;
}

/** Rules first, then the selection policy: the whole targeting of one declaration in one pure call. */
export function targetDeclaration(req: TargetRequest): Decision {
  const ruleHits = evaluateRules(req.rules, req.facts, req.date, req.ruleOptions);
  return selectLane(
    {
      declarationId: req.facts.declarationId,
      itemCount: req.facts.items.length,
      traderAeo: req.facts.traderAeo,
      ruleHits,
      model: req.model,
    },
    req.policy,
    req.calibration,
  );
}
