import { Type, type Static } from '@sinclair/typebox';

/**
 * The traveller's personal-effects and unaccompanied-baggage declaration (携帯品・別送品申告書) as TypeBox schemas,
 * so that the API can publish them in OpenAPI and validate requests with the same definitions the engine uses.
 * Amounts are decimal strings (never binary floats); yen amounts in results are integers.
 */

const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Calendar date, YYYY-MM-DD' });
const DecimalString = Type.String({ pattern: '^\\d{1,12}(\\.\\d{1,6})?$', description: 'Non-negative decimal' });
const Owner = Type.Integer({
  minimum: 0,
  description: 'Index in familyMembers of the person the goods belong to; absent = the declaring traveller',
});

export const PriceSchema = Type.Object(
  {
    amount: DecimalString,
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code; JPY for yen' }),
  },
  { additionalProperties: false },
);

export const TravellerSchema = Type.Object(
  {
    familyName: Type.String({ minLength: 1, maxLength: 70 }),
    givenNames: Type.String({ minLength: 1, maxLength: 70 }),
    dateOfBirth: DateString,
    nationality: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3, as in passports' }),
    passportNumber: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{5,20}$' })),
    occupation: Type.Optional(Type.String({ maxLength: 70 })),
    addressInJapan: Type.Optional(Type.String({ maxLength: 200 })),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
  },
  { additionalProperties: false },
);

export const FamilyMemberSchema = Type.Object(
  {
    givenNames: Type.Optional(Type.String({ maxLength: 70 })),
    familyName: Type.Optional(Type.String({ maxLength: 70, description: "Absent = the traveller's family name" })),
    /** With names, lets advance passenger data be matched to this member too. */
    dateOfBirth: Type.Optional(DateString),
    age: Type.Integer({ minimum: 0, maximum: 130, description: 'Age on the arrival date' }),
  },
  { additionalProperties: false },
);

export const FlightSchema = Type.Object(
  {
    flightNumber: Type.String({ pattern: '^[A-Z0-9]{2}[A-Z]?\\d{1,4}[A-Z]?$', description: 'e.g. NH012' }),
    departureAirport: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    arrivalAirport: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  },
  { additionalProperties: false },
);

/** The yes/no questions of the form; any "yes" sends the traveller to the red channel. */
export const AnswersSchema = Type.Object(
  {
    prohibitedOrRestrictedGoods: Type.Boolean(),
    goodsOverAllowance: Type.Boolean(),
    commercialGoodsOrSamples: Type.Boolean(),
    goodsCarriedForOthers: Type.Boolean(),
    cashOver1MillionYen: Type.Boolean(),
    unaccompaniedBaggage: Type.Boolean(),
    unaccompaniedPackages: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
  },
  { additionalProperties: false },
);

export const AlcoholKindSchema = Type.Union([
  Type.Literal('whisky_brandy'),
  Type.Literal('rum_gin_vodka'),
  Type.Literal('liqueur'),
  Type.Literal('shochu_other_spirits'),
  Type.Literal('wine_beer_other'),
]);

export const AlcoholItemSchema = Type.Object(
  {
    kind: AlcoholKindSchema,
    volumeMl: Type.Integer({ minimum: 1, maximum: 20_000, description: 'Volume of one bottle' }),
    bottles: Type.Integer({ minimum: 1, maximum: 500 }),
    owner: Type.Optional(Owner),
  },
  { additionalProperties: false },
);

// Tobacco is a union so that a quantity always comes with its unit: sticks, pieces, packages or grams.
export const TobaccoItemSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('cigarettes'),
      sticks: Type.Integer({ minimum: 1, maximum: 100_000 }),
      owner: Type.Optional(Owner),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('cigars'),
      pieces: Type.Integer({ minimum: 1, maximum: 10_000 }),
      owner: Type.Optional(Owner),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('heat_not_burn'),
      form: Type.Union([Type.Literal('sticks'), Type.Literal('capsules')]),
      packages: Type.Integer({ minimum: 1, maximum: 10_000 }),
      unitsPerPackage: Type.Integer({ minimum: 1, maximum: 100 }),
      owner: Type.Optional(Owner),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('other'), grams: Type.Integer({ minimum: 1, maximum: 100_000 }), owner: Type.Optional(Owner) },
    { additionalProperties: false },
  ),
]);

export const PerfumeItemSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('perfume'), Type.Literal('eau_de_toilette'), Type.Literal('eau_de_cologne')]),
    ounces: DecimalString,
    value: PriceSchema,
    description: Type.Optional(Type.String({ maxLength: 100 })),
    owner: Type.Optional(Owner),
  },
  { additionalProperties: false },
);

export const OtherGoodsItemSchema = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Type.String({
      minLength: 1,
      maxLength: 60,
      description: 'The kind of goods (品目) used to total goods of one kind for the 10,000-yen rule, e.g. "necktie"',
    }),
    quantity: Type.Integer({ minimum: 1, maximum: 1_000 }),
    unitValue: PriceSchema,
    dutyFree: Type.Optional(
      Type.Boolean({ description: 'Goods free of customs duty (e.g. watches): consumption tax only' }),
    ),
    generalDutyRatePercent: Type.Optional(DecimalString),
    food: Type.Optional(Type.Boolean()),
    childOwnUse: Type.Optional(Type.Boolean({ description: "Clearly for a child's own use (toys)" })),
    excludedFromSimplifiedRates: Type.Optional(
      Type.Boolean({ description: 'Rice, laver, pineapple products, konnyaku, hunting guns: general rates apply' }),
    ),
    owner: Type.Optional(Owner),
  },
  { additionalProperties: false },
);

export const GoodsSchema = Type.Object(
  {
    alcohol: Type.Optional(Type.Array(AlcoholItemSchema, { maxItems: 50 })),
    tobacco: Type.Optional(Type.Array(TobaccoItemSchema, { maxItems: 50 })),
    perfume: Type.Optional(Type.Array(PerfumeItemSchema, { maxItems: 50 })),
    other: Type.Optional(Type.Array(OtherGoodsItemSchema, { maxItems: 200 })),
  },
  { additionalProperties: false },
);

export const PassengerDeclarationSchema = Type.Object(
  {
    traveller: TravellerSchema,
    flight: FlightSchema,
    arrivalDate: DateString,
    familyMembers: Type.Optional(Type.Array(FamilyMemberSchema, { maxItems: 20 })),
    answers: AnswersSchema,
    generalRatesRequested: Type.Optional(
      Type.Boolean({
        description: 'The traveller asks not to use the simplified rates, for all the goods declared (law art. 3-2)',
      }),
    ),
    goods: Type.Optional(GoodsSchema),
  },
  { additionalProperties: false, $id: 'PassengerDeclaration' },
);

export type Price = Static<typeof PriceSchema>;
export type AlcoholKind = Static<typeof AlcoholKindSchema>;
export type AlcoholItem = Static<typeof AlcoholItemSchema>;
export type TobaccoItem = Static<typeof TobaccoItemSchema>;
export type PerfumeItem = Static<typeof PerfumeItemSchema>;
export type OtherGoodsItem = Static<typeof OtherGoodsItemSchema>;
export type PassengerDeclaration = Static<typeof PassengerDeclarationSchema>;
