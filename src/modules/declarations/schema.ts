import { Type, type Static } from '@sinclair/typebox';

/** JSON Schemas of the declaration API; unknown fields are rejected so typos never pass silently. */
const strict = { additionalProperties: false } as const;

export const MoneySchema = Type.Object(
  {
    amount: Type.String({ pattern: '^-?\\d{1,15}(\\.\\d{1,6})?$', description: 'decimal string, e.g. "1234.50"' }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' }),
  },
  strict,
);

export const PartyRefSchema = Type.Object(
  {
    partyId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    corporateNumber: Type.Optional(Type.String({ maxLength: 13 })),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    address: Type.Optional(Type.String({ maxLength: 400 })),
  },
  strict,
);

export const ItemSchema = Type.Object(
  {
    code9: Type.String({ pattern: '^\\d{9}$', description: '9-digit statistical code' }),
    description: Type.String({ minLength: 1, maxLength: 500 }),
    originCountry: Type.String({ pattern: '^[A-Z]{2}$' }),
    quantities: Type.Array(
      Type.Object({ amount: Type.String({ maxLength: 24 }), unit: Type.String({ minLength: 1, maxLength: 4 }) }, strict),
      { maxItems: 2 },
    ),
    netMassKg: Type.Optional(Type.String({ maxLength: 24 })),
    invoiceValue: MoneySchema,
    preference: Type.Optional(Type.String({ maxLength: 32 })),
    reducedRate: Type.Optional(Type.Boolean()),
    quota: Type.Optional(Type.Union([Type.Literal('inside'), Type.Literal('outside')])),
  },
  strict,
);

export const TransportSchema = Type.Object(
  {
    mode: Type.Union(['sea', 'air', 'road', 'rail', 'post', 'multimodal'].map((m) => Type.Literal(m))),
    date: Type.String({ description: 'arrival (import) or departure (export) date, yyyy-mm-dd' }),
    portOfLoading: Type.Optional(Type.String({ pattern: '^[A-Z]{2}[A-Z2-9]{3}$' })),
    port: Type.String({ pattern: '^[A-Z]{2}[A-Z2-9]{3}$', description: 'UN/LOCODE of the Japanese port or airport' }),
    transportDocument: Type.Object(
      { type: Type.Union([Type.Literal('BL'), Type.Literal('AWB')]), number: Type.String({ minLength: 1, maxLength: 35 }) },
      strict,
    ),
    vesselOrFlight: Type.Optional(Type.String({ maxLength: 64 })),
  },
  strict,
);

export const DeclarationInputSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('import'), Type.Literal('export')]),
    lrn: Type.Optional(Type.String({ maxLength: 64 })),
    customsOffice: Type.String({ pattern: '^[0-9A-Z]{2,8}$', description: 'customs office code' }),
    declarant: PartyRefSchema,
    importer: Type.Optional(PartyRefSchema),
    exporter: Type.Optional(PartyRefSchema),
    seller: Type.Optional(PartyRefSchema),
    buyer: Type.Optional(PartyRefSchema),
    transport: TransportSchema,
    incoterm: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    freight: Type.Optional(MoneySchema),
    insurance: Type.Optional(MoneySchema),
    items: Type.Array(ItemSchema, { minItems: 1, maxItems: 999 }),
  },
  strict,
);

/** A complete import declaration (green coffee from Brazil into Tokyo), the example of the API documents. */
export const EXAMPLE_DECLARATION = {
  kind: 'import',
  lrn: 'LRN-0001',
  customsOffice: '1A',
  declarant: { name: 'Yamato Customs Brokers KK', corporateNumber: '7000012050002' },
  importer: { name: 'Kissa Trading KK', country: 'JP' },
  seller: { name: 'Fazenda Boa Vista', country: 'BR' },
  transport: { mode: 'sea', date: '2026-11-20', port: 'JPTYO', portOfLoading: 'BRSSZ', transportDocument: { type: 'BL', number: 'MSCU1234567' } },
  incoterm: 'CIF',
  items: [
    {
      code9: '090111000',
      description: 'Green coffee beans, not roasted, not decaffeinated',
      originCountry: 'BR',
      quantities: [{ amount: '1200', unit: 'KG' }],
      netMassKg: '1200',
      invoiceValue: { amount: '5400.00', currency: 'USD' },
    },
  ],
} as const;

export const CreateDeclarationSchema = Type.Object(
  {
    ...DeclarationInputSchema.properties,
    submit: Type.Optional(Type.Boolean({ description: 'false keeps it as a draft; default true' })),
  },
  { ...strict, examples: [EXAMPLE_DECLARATION] },
);

/**
 * The version a change was made on (the `version` of the declaration as read). The same as an `If-Match` header;
 * a mismatch is 409 DECLARATION.VERSION_CONFLICT.
 */
export const ExpectedVersionSchema = Type.Integer({
  minimum: 1,
  maximum: 1_000_000,
  description: 'the declaration version this was made on (as read); 409 DECLARATION.VERSION_CONFLICT if it changed since',
});

export const AmendDeclarationSchema = Type.Object(
  { ...DeclarationInputSchema.properties, expectedVersion: Type.Optional(ExpectedVersionSchema) },
  { ...strict, examples: [{ ...EXAMPLE_DECLARATION, lrn: 'LRN-0001-A', expectedVersion: 1 }] },
);

export type DeclarationInputBody = Static<typeof DeclarationInputSchema>;
