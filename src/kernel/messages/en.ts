/**
 * English wordings that are not an error code's own title: variants of a code (`CODE.variant`), with parameters, and
 * the codes of notes and warnings that answers carry. An error code without an entry here reads as its `defineError`
 * title. Every key has a Japanese twin in ja.ts (src/kernel/messages/messages.test.ts checks both ways).
 *
 * `{name}` is a parameter; `{name@prefix}` looks the parameter's value up as `prefix.value` in the same language
 * (party roles, rate columns), and shows the value itself when there is no such entry.
 */
export const EN: Readonly<Record<string, string>> = {
  // Words that parameters are looked up as.
  'party.declarant': 'declarant',
  'party.importer': 'importer',
  'party.exporter': 'exporter',
  'party.seller': 'seller',
  'party.buyer': 'buyer',
  'column.rate_general': 'general rate',
  'column.rate_temporary': 'temporary rate',
  'column.rate_wto': 'WTO rate',
  'column.rate_gsp': 'GSP rate',
  'column.rate_ldc': 'LDC rate',
  'column.simplified_tariff': 'simplified rate',

  // Request validation (JSON schema keywords), with Ajv's own English wording.
  'REQUEST.VALIDATION_FAILED.count': 'The request has {count} problem(s)',
  'REQUEST.UNKNOWN_FIELD.name': 'Unknown field "{field}"',
  'REQUEST.MISSING_FIELD.name': "must have required property '{field}'",
  'REQUEST.INVALID_VALUE.type': 'must be {type}',
  'REQUEST.INVALID_VALUE.format': 'must match format "{format}"',
  'REQUEST.INVALID_VALUE.pattern': 'must match pattern "{pattern}"',
  'REQUEST.INVALID_VALUE.maximum': 'must be {comparison} {limit}',
  'REQUEST.INVALID_VALUE.minimum': 'must be {comparison} {limit}',
  'REQUEST.INVALID_VALUE.exclusiveMaximum': 'must be {comparison} {limit}',
  'REQUEST.INVALID_VALUE.exclusiveMinimum': 'must be {comparison} {limit}',
  'REQUEST.INVALID_VALUE.maxLength': 'must NOT have more than {limit} characters',
  'REQUEST.INVALID_VALUE.minLength': 'must NOT have fewer than {limit} characters',
  'REQUEST.INVALID_VALUE.maxItems': 'must NOT have more than {limit} items',
  'REQUEST.INVALID_VALUE.minItems': 'must NOT have fewer than {limit} items',
  'REQUEST.INVALID_VALUE.enum': 'must be equal to one of the allowed values',
  'REQUEST.INVALID_VALUE.const': 'must be equal to constant',
  'REQUEST.INVALID_VALUE.anyOf': 'must match a schema in anyOf',
  'REQUEST.INVALID_VALUE.multipleOf': 'must be multiple of {multipleOf}',
  'REQUEST.NOT_FOUND.route': 'No route {method} {url}',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE.type': 'Content-Type "{contentType}" is not accepted here',

  // Declarations.
  'DECLARATION.UNKNOWN_CURRENCY.value': 'Unknown currency "{currency}"',
  'DECLARATION.UNKNOWN_COUNTRY.value': 'Unknown country "{country}"',
  'DECLARATION.MISSING_PARTY.required': 'The {role@party} is required',
  'DECLARATION.MISSING_PARTY.nameOrId': 'The {role@party} needs a partyId from the registry or a name',
  'DECLARATION.UNKNOWN_PARTY.value': 'No party "{partyId}" in the registry',
  'DECLARATION.UNKNOWN_LOCATION.value': 'Unknown UN/LOCODE "{location}"',
  'DECLARATION.INVALID_TRANSPORT_DOCUMENT.awb': 'An AWB number is 11 digits whose last is the mod-7 check digit of the serial',
  'DECLARATION.INVALID_TRANSPORT_DOCUMENT.bl': 'A B/L number has 4 to 35 letters or digits',
  'DECLARATION.UNKNOWN_AGREEMENT.value': 'No agreement "{agreement}"',
  'DECLARATION.NON_POSITIVE_VALUE.mass': 'The net mass must be a positive decimal string',
  'DECLARATION.NON_POSITIVE_VALUE.quantity': 'Quantities are positive decimal strings',
  'DECLARATION.UNKNOWN_TARIFF_CODE.value': 'No statistical code "{code9}" in the tariff schedule',
  'DECLARATION.UNIT_MISMATCH.line': 'Line {code9} is declared in {units}, not {unit}',
  'DECLARATION.MISSING_QUANTITY.line': 'Line {code9} needs a quantity in {unit}',
  'DECLARATION.OTHER_LAWS_PERMIT_REQUIRED.line': 'Line {code9} needs permits or confirmations under other laws: {laws}',

  // Assessments (duty and consumption-tax quotes).
  'ASSESSMENT.INVALID_REQUEST.count': '{count} problems in the assessment request',
  'ASSESSMENT.INVALID_FIELD.date': 'not a calendar date: {date}',
  'ASSESSMENT.INVALID_FIELD.freight': 'incoterm {incoterm} excludes freight: declare the freight to Japan',
  'ASSESSMENT.INVALID_FIELD.rateBranch': 'not a rate column of the schedule',
  'ASSESSMENT.NO_EXCHANGE_RATE.currency': 'no customs exchange rate for {currency} on {date}',
  'ASSESSMENT.UNKNOWN_CODE.line': '{code9} is not in the tariff schedule {version}',
  'ASSESSMENT.PREFERENCE_NOT_APPLICABLE.origin': '"{agreement}" does not cover {country} on {date}',
  'ASSESSMENT.PREFERENCE_NOT_APPLICABLE.unknown': '"{agreement}" is not in the loaded agreement list',
  'ASSESSMENT.NO_APPLICABLE_RATE.line': 'no rate applies to {code9} as declared{why}',
  'ASSESSMENT.MISSING_QUANTITY.specific': '{code9} has a specific duty per {unit}: declare the quantity in {unit}{alsoAccepted}',
  'ASSESSMENT.MISSING_QUANTITY.simplified': 'the simplified rate for {label} is per litre: declare the quantity in L',
  'ASSESSMENT.MISSING_ATTRIBUTE.lactose': '{code9}: the duty depends on the lactose content',
  'ASSESSMENT.MISSING_ATTRIBUTE.sugar': '{code9}: the duty depends on the weight of sugar contained',
  'ASSESSMENT.MISSING_REFERENCE_PRICE.line':
    '{code9}: the duty refers to the reference import price of {name}, which is not configured (rules.referencePrices)',
  'ASSESSMENT.NO_RULE_FOR_DATE.date': 'no consumption-tax rule in force on {date}',

  // Notes on an assessed item (codes of `notes[]`).
  STANDARD_RATE: 'consumption tax at {percent}% national',
  'STANDARD_RATE.default': 'consumption tax at {percent}% national (default for this line; set reducedRate to confirm)',
  REDUCED_RATE: 'consumption tax at {percent}% national',
  'REDUCED_RATE.default': 'consumption tax at {percent}% national (default for this line; set reducedRate to confirm)',
  PERSONAL_USE_VALUATION: 'valued at {factor} × the overseas retail price (関税定率法 Art. 4-6)',
  RATE_INHERITED: '{column} is printed on the parent row {parent}',
  SMALL_VALUE_EXEMPT: 'total taxable value ≤ 10,000 yen: duty and consumption tax exempt (関税定率法 Art. 14 (18)); excise still due',
  RATE_MARKER: '{column} is printed with {markers} (see the schedule legend)',
  SIMPLIFIED_TARIFF_EXCLUDED: 'HS {hs} is excluded from the simplified rates (domestic industry)',
  SIMPLIFIED_TARIFF:
    'small import ≤ 200,000 yen: simplified rate (関税定率法 Art. 3-3); set simplifiedTariff false to decline for the whole declaration',
  FREIGHT_INCLUDED: '{incoterm} values include freight; the header freight was not added',
  INSURANCE_INCLUDED: '{incoterm} values include insurance; the header insurance was not added',
  NO_INSURANCE: 'no insurance declared: none added to the customs value',
  D_TERM_VALUE:
    '{incoterm}: costs after arrival (and for DDP duties and taxes) must be deducted from the declared value by the declarant',
  EXCISE_NOT_ASSESSED: 'excise taxes may be due on import and are not assessed here',
  'EXCISE_NOT_ASSESSED.liquor': 'liquor tax (酒税) is due on import and is not assessed here; it also belongs in the consumption-tax base',
  'EXCISE_NOT_ASSESSED.tobacco':
    'tobacco taxes (たばこ税・たばこ特別税) are due on import and are not assessed here; they also belong in the consumption-tax base',
  'EXCISE_NOT_ASSESSED.petroleum': 'petroleum and coal tax / gasoline and LPG taxes may be due on import and are not assessed here',
  RATE_VARIES: 'the printed rate differs by sub-item ({rates}); the highest was used',
  QUOTA_RATE_AVAILABLE: 'an inside-quota rate exists ({rates}); set quota "inside" with a quota allocation',
  RATE_BRANCH_ASSUMED: 'the rate depends on the goods ({branches}); the highest, {chosen}, was used — pass rateBranch to choose',
  RATE_UNPARSED: '{column} "{raw}" is not understood and was not used',
  PREFERENCE_NOT_AVAILABLE: 'no preferential rate under "{agreement}" ({column}) for this line',
  'PREFERENCE_NOT_AVAILABLE.reason': 'no preferential rate under "{agreement}" ({column}) for this line: {reason}',
  PREFERENCE_NOT_LOWER: 'the {claimed} rate is not lower than {applied}; {applied} applies',
  ASSUMPTION: 'an assumption this result depends on',
};
