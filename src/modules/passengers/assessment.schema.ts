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

export const AssessmentLineSchema = Type.Object({
  item: Type.String({ description: 'Which declared goods, e.g. "other[1] #2 handbag"' }),
  person: Type.String({ description: '"traveller", "member[0]", … or "family" when allowances are pooled' }),
  treatment: TreatmentSchema,
  taxableYen: Type.Union([Type.Integer(), Type.Null()]),
  rate: Type.Union([Type.String(), Type.Null()]),
  dutyYen: Type.Integer({ description: 'Duty and taxes of this line before the total is truncated' }),
  explanation: Type.String(),
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
    totalDutyYen: Type.Integer(),
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
export type AssessmentRequest = Static<typeof AssessmentRequestSchema>;
