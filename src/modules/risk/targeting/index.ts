/**
 * Risk targeting around the learner: analyst rules (versioned, dated), the selection policy that turns rule hits and
 * model scores into lanes under an inspection budget with a random control sample, what a trader may see, findings
 * as labels, control-sample precision, selection rates per group, the model registry state machine and
 * post-clearance audit targeting. Pure: storage and the API live outside and call these functions.
 */
export { TargetingErrors } from './errors.ts';
export { declarationFacts, type DeclarationFacts, type FactsContext, type ItemFacts } from './facts.ts';
export {
  RuleCriteriaSchema,
  RuleDraftSchema,
  RuleVersionSchema,
  type RuleCriteria,
  type RuleDraft,
  type RuleLane,
  type RuleVersion,
} from './rule.ts';
export { validateRuleDraft } from './validate-rule.ts';
export { createRule, currentRules, latestVersion, reviseRule, ruleHistory, type VersionMeta } from './rule-versions.ts';
export { evaluateRules, type EvaluateOptions, type RuleHit } from './evaluate-rules.ts';
export { SelectionPolicySchema, validatePolicy, type SelectionPolicy } from './policy.ts';
export {
  DecisionSchema,
  DecisionBasisSchema,
  SelectionReasonSchema,
  maxLane,
  type Decision,
  type DecisionBasis,
  type LaneName,
  type SelectionReason,
} from './decision.ts';
export {
  calibrate,
  calibrationOf,
  observationOf,
  MIN_OBSERVATIONS,
  type SelectionCalibration,
  type SelectionObservation,
} from './calibrate.ts';
export { selectLane, type ModelScore, type SelectionInput } from './select.ts';
export { OnlineSelector, type OnlineOptions } from './online-selector.ts';
export { targetDeclaration, type TargetRequest } from './target.ts';
export { hashUniform } from './uniform.ts';
export { traderView, TraderViewSchema, type TraderView, type TraderViewOptions } from './trader-view.ts';
export {
  FindingInputSchema,
  FindingSchema,
  declarationOutcomes,
  findingsToLabels,
  isPositive,
  validateFinding,
  type DeclarationOutcome,
  type Finding,
  type FindingInput,
  type FindingKind,
  type FindingLabel,
} from './findings.ts';
export {
  controlPrecision,
  inspectionRecord,
  wilson,
  type ControlPrecision,
  type InspectionRecord,
  type PrecisionFigure,
} from './control-precision.ts';
export {
  importerSizeBand,
  selectionRates,
  type GroupRate,
  type GroupedDecision,
  type ImporterSizeBand,
  type SelectionRateReport,
} from './selection-rates.ts';
export {
  RegisteredModelSchema,
  RegistryActionSchema,
  RegistryStateSchema,
  activeModel,
  applyRegistry,
  emptyRegistry,
  type ModelStatus,
  type RegisteredModel,
  type RegistryAction,
  type RegistryState,
} from './model-registry.ts';
export { AuditTargetSchema, ControlPrecisionSchema, SelectionRateReportSchema } from './report-schemas.ts';
export {
  rankAuditTargets,
  type AuditOptions,
  type AuditReason,
  type AuditRecord,
  type AuditTarget,
} from './audit-targeting.ts';
