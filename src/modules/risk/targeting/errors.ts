import { defineError } from '../../../kernel/index.ts';

/** Expected failures of targeting rules, findings and the model registry. */
export const TargetingErrors = {
  invalidRule: defineError('RISK.RULE_INVALID', 422, 'The targeting rule has problems; see details.problems'),
  ruleNoCriteria: defineError('RISK.RULE_NO_CRITERIA', 422, 'A targeting rule needs at least one criterion'),
  ruleBadBand: defineError('RISK.RULE_BAD_BAND', 422, 'A value or unit-price band needs min ≤ max'),
  ruleBadDates: defineError('RISK.RULE_BAD_DATES', 422, 'validFrom must be a date on or before validTo'),
  ruleNotFound: defineError('RISK.RULE_NOT_FOUND', 404, 'No such targeting rule'),
  ruleVersionConflict: defineError(
    'RISK.RULE_VERSION_CONFLICT',
    409,
    'The rule changed since you read it (version mismatch)',
  ),
  invalidPolicy: defineError('RISK.POLICY_INVALID', 422, 'The selection policy has problems; see details.problems'),
  invalidFinding: defineError('RISK.FINDING_INVALID', 422, 'The inspection finding has problems; see details.problems'),
  modelVersionUnknown: defineError('RISK.MODEL_VERSION_UNKNOWN', 404, 'No such model version in the registry'),
  modelVersionExists: defineError('RISK.MODEL_VERSION_EXISTS', 409, 'This model version is already registered'),
  modelNotPromotable: defineError(
    'RISK.MODEL_NOT_PROMOTABLE',
    409,
    'Only a candidate or retired version can be promoted',
  ),
  noPreviousModel: defineError('RISK.NO_PREVIOUS_MODEL', 409, 'There is no previously active model to roll back to'),
} as const;
