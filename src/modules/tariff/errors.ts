import { defineError, DomainError, msg, type Localised, type Problem } from '../../kernel/index.ts';

/** Every expected failure of an assessment; 422 answers list them all at once as problems with JSON paths. */
export const AssessmentErrors = {
  invalid: defineError('ASSESSMENT.INVALID_REQUEST', 422, 'The assessment request is invalid'),
  field: defineError('ASSESSMENT.INVALID_FIELD', 422, 'A field of the assessment request is missing or malformed'),
  unknownCode: defineError('ASSESSMENT.UNKNOWN_CODE', 422, 'No such 9-digit code in the tariff schedule'),
  noExchangeRate: defineError('ASSESSMENT.NO_EXCHANGE_RATE', 422, 'No customs exchange rate for the currency on the date'),
  preferenceNotApplicable: defineError(
    'ASSESSMENT.PREFERENCE_NOT_APPLICABLE',
    422,
    'The claimed agreement does not cover the origin country on the date',
  ),
  missingQuantity: defineError('ASSESSMENT.MISSING_QUANTITY', 422, "A specific duty needs the quantity in the line's unit"),
  missingAttribute: defineError('ASSESSMENT.MISSING_ATTRIBUTE', 422, 'The rate needs an attribute of the goods'),
  missingReferencePrice: defineError(
    'ASSESSMENT.MISSING_REFERENCE_PRICE',
    422,
    'The rate refers to a statutory reference price that is not configured',
  ),
  noRate: defineError('ASSESSMENT.NO_APPLICABLE_RATE', 422, 'No rate of the schedule applies to the goods as declared'),
  noRuleForDate: defineError('ASSESSMENT.NO_RULE_FOR_DATE', 422, 'No consumption-tax rule is in force on the date'),
} as const;

/**
 * The 422 an invalid assessment request answers with (API and CLI alike): the problem's own code when all problems
 * share one (`ASSESSMENT.NO_EXCHANGE_RATE`), otherwise ASSESSMENT.INVALID_REQUEST; `details.problems` lists them all.
 */
export function assessmentError(problems: readonly Problem[]): DomainError {
  const codes = new Set(problems.map((p) => p.code));
  const only = codes.size === 1 ? problems[0] : undefined;
  if (only) return new DomainError(only.code, 422, only.message, { problems }, wordedAs(only));
  const count = msg('ASSESSMENT.INVALID_REQUEST.count', { count: problems.length });
  return AssessmentErrors.invalid(count, { problems });
}

/** A problem's wording, to word an error the same way in another language. */
export function wordedAs(p: Problem): Localised | undefined {
  return p.params ? msg(p.messageKey ?? p.code, p.params) : undefined;
}
