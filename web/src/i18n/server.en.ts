/**
 * The page's own wording of what the server reports (problems, warnings, notes, history events), by the code or
 * `messageKey` and the `params` the server sends. What is not here reads as the server's message, which the client
 * asks for in the page's language. `{x@column}` names a rate column, `{x@code9}` prints a statistical code as the schedule does.
 */
export const serverEn: Readonly<Record<string, string>> = {
  // Notes on an estimate.
  STANDARD_RATE: 'Consumption tax at the standard rate: {percent}% national, plus local consumption tax',
  'STANDARD_RATE.default': 'Consumption tax at the standard rate: {percent}% national, plus local consumption tax (the usual rate for this line; confirm that the goods are not food for the reduced rate)',
  REDUCED_RATE: 'Consumption tax at the reduced rate for food: {percent}% national, plus local consumption tax',
  'REDUCED_RATE.default': 'Consumption tax at the reduced rate for food: {percent}% national, plus local consumption tax (the usual rate for this line; confirm that the goods are food and not liquor)',
  SMALL_VALUE_EXEMPT: 'Total taxable value of ¥10,000 or less: duty and consumption tax are exempt (Customs Tariff Act Art. 14 (18)); excise taxes are still due',
  SIMPLIFIED_TARIFF: 'Small import of ¥200,000 or less: the simplified rate applies (Customs Tariff Act Art. 3-3)',
  'EXCISE_NOT_ASSESSED.liquor': 'Liquor tax is due on import and is not included here; it is also part of the consumption-tax base',
  'EXCISE_NOT_ASSESSED.tobacco': 'Tobacco taxes are due on import and are not included here; they are also part of the consumption-tax base',
  'EXCISE_NOT_ASSESSED.petroleum': 'Petroleum and coal tax, gasoline tax or LPG tax may be due on import and are not included here',
  FREIGHT_INCLUDED: '{incoterm} prices include freight, so the freight entered was not added',
  INSURANCE_INCLUDED: '{incoterm} prices include insurance, so the insurance entered was not added',
  NO_INSURANCE: 'No insurance entered: none was added to the customs value',
  PREFERENCE_NOT_LOWER: 'The {claimed@column} is not lower than the {applied@column}, so the {applied@column} applies',
  PREFERENCE_NOT_AVAILABLE: 'This line has no preferential rate under the agreement claimed ({column@column})',
  'PREFERENCE_NOT_AVAILABLE.reason': 'The preferential rate of the agreement claimed ({column@column}) cannot be applied to this line',
  RATE_INHERITED: 'The {column@column} is printed on the parent line {parent}',

  // Warnings and problems on a declaration.
  'DECLARATION.OTHER_LAWS_PERMIT_REQUIRED.line': 'Line {code9@code9} needs permits or confirmations under other laws before import ({laws})',
  'DECLARATION.MISSING_QUANTITY.line': 'Line {code9@code9} needs a quantity in {unit}',
  'DECLARATION.UNIT_MISMATCH.line': 'Line {code9@code9} is declared in {units}, not {unit}',

  // History events.
  'event.created': 'Created',
  'event.submitted': 'Submitted',
  'event.accepted': 'Accepted',
  'event.rejected': 'Rejected',
  'event.assessed': 'Duty and taxes assessed',
  'event.assessment_failed': 'Assessment failed',
  'event.lane_assigned': 'Lane assigned',
  'event.released': 'Released',
  'event.held': 'Held',
  'event.amended': 'Amended',
  'event.payment_recorded': 'Payment recorded',
  'event.finding_recorded': 'Inspection finding recorded',
  'reason.green lane, nothing owed': 'Green lane with nothing to pay: released automatically',
  'reason.paid in full, green lane': 'Paid in full on the green lane: released automatically',
};
