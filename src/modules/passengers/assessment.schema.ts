import { Type, type Static } from '@sinclair/typebox';
import { PassengerDeclarationSchema } from './declaration.schema.ts';

/** Request and response of the allowance-and-duty assessment, published by the API as they are. */

export const AssessmentRequestSchema = Type.Object(
  {
    declaration: PassengerDeclarationSchema,
    exchangeRates: Type.Optional(
      Type.Record(Type.String({ pattern: '^[A-Z]{3}$' }), Type.String({ pattern: '^\\d{1,9}(\\.\\d{1,8})?$' }), {
        description: 'Customs exchange rates of the arrival week: yen per unit of each currency',
      }),
    ),
  },
  { additionalProperties: false, $id: 'PassengerAssessmentRequest' },
);

export const TreatmentSchema = Type.Union([
  Type.Literal('free_allowance'),
  Type.Literal('free_small_kind'),
  Type.Literal('taxed_simplified'),
  Type.Literal('taxed_consumption_only'),
  Type.Literal('taxed_general'),
  Type.Literal('officer_assessment'),
]);

const Params = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]));

/** Which declared goods a line is about, with what a reader needs to name them in any language. */
export const GoodsRefSchema = Type.Object({
  section: Type.Union([Type.Literal('alcohol'), Type.Literal('tobacco'), Type.Literal('perfume'), Type.Literal('other')]),
  index: Type.Integer({ description: 'Index in goods[section]' }),
  unit: Type.Optional(Type.Integer({ description: 'Other goods: which unit of the line (1-based), when its quantity is above 1' })),
  kind: Type.String(),
  description: Type.Optional(Type.String()),
  volumeMl: Type.Optional(Type.Integer()),
});

/**
 * Why the line is treated so, as a code and its parameters (amounts in yen, volumes, rates), for clients to word in
 * their language; `explanation` is the same in English. `tax`, when present, is how the excess is taxed.
 */
export const BasisSchema = Type.Object({
  code: Type.String({ description: 'e.g. alcohol.free, alcohol.simplified, other.overAllowance' }),
  params: Params,
  tax: Type.Optional(Type.Object({ code: Type.String({ description: 'tax.simplified, tax.consumptionOnly, tax.general, tax.officer' }), params: Params })),
});

export const AssessmentLineSchema = Type.Object({
  item: Type.String({ description: 'Which declared goods, e.g. "other[1] #2 handbag"' }),
  person: Type.String({ description: '"traveller", "member[0]", … or "family" when allowances are pooled' }),
  treatment: TreatmentSchema,
  taxableYen: Type.Union([Type.Integer(), Type.Null()]),
  rate: Type.Union([Type.String(), Type.Null()]),
  dutyYen: Type.Integer({ description: 'Duty and taxes of this line before the total is truncated' }),
  explanation: Type.String(),
  goods: Type.Optional(GoodsRefSchema),
  basis: Type.Optional(BasisSchema),
});

export const AssumptionSchema = Type.Object({
  id: Type.String({ description: 'Item of jp-rules/passengers.md §C (or the rule number) this assumption covers' }),
  setting: Type.String(),
  value: Type.String(),
  note: Type.String(),
});

export const AssessmentSchema = Type.Object(
  {
    rulesId: Type.String(),
    arrivalDate: Type.String(),
    lines: Type.Array(AssessmentLineSchema),
    totalDutyYen: Type.Integer({ description: 'The sum of the lines, truncated to totalUnitYen' }),
    totalUnitYen: Type.Optional(Type.Integer({ description: 'The total is truncated to a multiple of this (1 or 100)' })),
    requiresOfficerAssessment: Type.Boolean(),
    selection: Type.Union([Type.Literal('exact'), Type.Literal('greedy')]),
    assumptions: Type.Array(AssumptionSchema),
  },
  { $id: 'PassengerAssessment' },
);

export type Treatment = Static<typeof TreatmentSchema>;
export type AssessmentLine = Static<typeof AssessmentLineSchema>;
export type Assumption = Static<typeof AssumptionSchema>;
export type Assessment = Static<typeof AssessmentSchema>;
export type GoodsRef = Static<typeof GoodsRefSchema>;
export type Basis = Static<typeof BasisSchema>;
export type AssessmentRequest = Static<typeof AssessmentRequestSchema>;
