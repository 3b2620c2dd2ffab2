import { Type } from '@sinclair/typebox';

/** JSON Schemas of the analyst reports, for the API's OpenAPI document (types live beside the functions). */
const figure = Type.Object({
  inspected: Type.Integer(),
  hits: Type.Integer(),
  precision: Type.Union([Type.Number(), Type.Null()]),
  ci95: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
});

export const ControlPrecisionSchema = Type.Object({
  control: figure,
  targeted: figure,
  lift: Type.Union([Type.Number(), Type.Null()]),
  pending: Type.Integer(),
});

const groupRate = Type.Object({
  group: Type.String(),
  declarations: Type.Integer(),
  selected: Type.Integer(),
  red: Type.Integer(),
  yellow: Type.Integer(),
  rate: Type.Number(),
  ratio: Type.Union([Type.Number(), Type.Null()]),
  small: Type.Boolean(),
});

export const SelectionRateReportSchema = Type.Object({
  overallRate: Type.Number(),
  byOrigin: Type.Array(groupRate),
  byImporterSize: Type.Array(groupRate),
});

export const AuditTargetSchema = Type.Object({
  rank: Type.Integer({ minimum: 1 }),
  importerId: Type.String(),
  expectedRevenueYen: Type.Integer(),
  declarations: Type.Integer(),
  atStakeYen: Type.Integer(),
  inspections: Type.Integer(),
  discrepancies: Type.Integer(),
  revenueFoundYen: Type.Integer(),
  recordMultiplier: Type.Number(),
  reasons: Type.Array(Type.Object({ code: Type.String(), text: Type.String() })),
  topDeclarations: Type.Array(
    Type.Object({
      declarationId: Type.String(),
      score: Type.Union([Type.Number(), Type.Null()]),
      atStakeYen: Type.Integer(),
      expectedYen: Type.Integer(),
    }),
  ),
});
