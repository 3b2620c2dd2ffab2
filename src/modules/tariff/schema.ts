import { Type, type Static } from '@sinclair/typebox';

/** JSON Schemas of the assessment contract (issue 3 item 4), published by the API in OpenAPI. */
const strict = { additionalProperties: false } as const;
const DECIMAL = '^\\d{1,15}(\\.\\d{1,6})?$';
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

export const AGREEMENT_IDS = [
  'singapore', 'mexico', 'malaysia', 'chile', 'thailand', 'indonesia', 'brunei', 'asean', 'philippines', 'switzerland',
  'vietnam', 'india', 'peru', 'australia', 'mongolia', 'cptpp', 'eu', 'uk', 'rcep', 'us',
] as const;
export const INCOTERMS = ['EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CPT', 'CIF', 'CIP', 'DAP', 'DPU', 'DDP'] as const;
export const QUANTITY_UNITS = ['KG', 'MT', 'GR', 'L', 'KL', 'NO', 'DZ', 'PR', 'SM', 'M', 'CM', 'CT', 'TH', 'GT', 'ST', 'DT'] as const;

export const AssessmentMoneySchema = Type.Object(
  {
    amount: Type.String({ pattern: DECIMAL, description: 'non-negative decimal string, e.g. "1234.50"' }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' }),
  },
  strict,
);

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const AssessmentItemSchema = Type.Object(
  {
    code9: Type.String({ pattern: '^\\d{9}$', description: '9-digit statistical code of the applied tariff schedule' }),
    originCountry: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
    preference: Type.Optional(literals(AGREEMENT_IDS)),
    value: AssessmentMoneySchema,
    quantities: Type.Optional(
      Type.Array(Type.Object({ amount: Type.String({ pattern: DECIMAL }), unit: literals(QUANTITY_UNITS) }, strict), {
        maxItems: 8,
      }),
    ),
    reducedRate: Type.Optional(Type.Boolean({ description: 'food at the reduced consumption-tax rate; default per line' })),
    quota: Type.Optional(literals(['inside', 'outside'] as const)),
    personalUse: Type.Optional(Type.Boolean({ description: 'private use: valued at 60 % of the overseas retail price' })),
    rateBranch: Type.Optional(
      Type.Record(Type.String({ pattern: '^(rate|epa)_[a-z_]+$' }), Type.Integer({ minimum: 1, maximum: 9 }), {
        description: 'for cells that depend on a goods description: the printed branch number the goods fall under',
      }),
    ),
    lactosePercent: Type.Optional(Type.String({ pattern: DECIMAL, description: 'lactose content by weight, percent' })),
    sugarContentKg: Type.Optional(Type.String({ pattern: DECIMAL, description: 'weight of sugar contained, kg' })),
  },
  strict,
);

export const AssessmentRequestSchema = Type.Object(
  {
    date: Type.Optional(Type.String({ pattern: DATE, description: 'import date; default today' })),
    exchangeRates: Type.Optional(
      Type.Record(Type.String({ pattern: '^[A-Z]{3}$' }), Type.String({ pattern: DECIMAL }), {
        description: 'customs exchange rates of the week: yen per unit of each currency',
      }),
    ),
    incoterm: Type.Optional(literals(INCOTERMS)),
    freight: Type.Optional(AssessmentMoneySchema),
    insurance: Type.Optional(AssessmentMoneySchema),
    simplifiedTariff: Type.Optional(
      Type.Boolean({ description: 'false: the importer declines the small-import simplified rates (whole declaration)' }),
    ),
    items: Type.Array(AssessmentItemSchema, { minItems: 1, maxItems: 999 }),
  },
  {
    ...strict,
    examples: [
      {
        date: '2026-11-20',
        exchangeRates: { USD: '150.00' },
        incoterm: 'CIF',
        items: [{ code9: '090111000', originCountry: 'BR', value: { amount: '5400.00', currency: 'USD' }, quantities: [{ amount: '1200', unit: 'KG' }] }],
      },
    ],
  },
);

/** A note's `message` is in the asker's language (Accept-Language); `params` and `messageKey` let a client word it itself. */
const NoteSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  messageKey: Type.Optional(Type.String({ description: 'the catalogue key when the wording is a variant of the code (`STANDARD_RATE.default`)' })),
});
const Yen = Type.Integer({ description: 'yen' });

export const AssessmentResponseSchema = Type.Object({
  date: Type.String(),
  scheduleVersion: Type.String(),
  items: Type.Array(
    Type.Object({
      code9: Type.String(),
      appliedRate: Type.Object({
        column: Type.String({ description: 'schedule CSV column (rate_wto, epa_cptpp…) or simplified_tariff' }),
        text: Type.String(),
      }),
      alternatives: Type.Array(
        Type.Object({
          column: Type.String(),
          text: Type.String(),
          dutyYen: Yen,
          differenceYen: Type.Integer({ description: 'dutyYen minus the applied duty (negative = you would pay less)' }),
          requires: Type.Optional(Type.String()),
        }),
      ),
      customsValueYen: Yen,
      dutyYen: Yen,
      consumptionTaxYen: Yen,
      localConsumptionTaxYen: Yen,
      notes: Type.Array(NoteSchema),
    }),
  ),
  totals: Type.Object({
    customsValueYen: Yen,
    dutyYen: Yen,
    consumptionTaxYen: Yen,
    localConsumptionTaxYen: Yen,
    totalYen: Yen,
  }),
  exchangeRates: Type.Array(
    Type.Object({ currency: Type.String(), rate: Type.String(), source: Type.String() }),
  ),
  assumptions: Type.Array(NoteSchema, { description: 'unconfirmed or configured rules this result depends on' }),
});

export type AssessmentRequest = Static<typeof AssessmentRequestSchema>;
export type AssessmentItemRequest = Static<typeof AssessmentItemSchema>;
export type AssessmentResponse = Static<typeof AssessmentResponseSchema>;
export type AssessmentNote = Static<typeof NoteSchema>;
