import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

/**
 * The low-value consignment, in the spirit of the EU H7 dataset: one parcel sold on an e-commerce platform, moving
 * under a house (and usually a master) air waybill, with its item lines. The schema documents the API (OpenAPI);
 * `validateConsignment` is the authority because it names every problem with a stable code.
 */

/** Quantity units of the Japanese tariff schedule (unit_1 / unit_2 columns). */
export const UNITS = ['NO', 'PR', 'DZ', 'KG', 'GR', 'MT', 'L', 'KL', 'M', 'SM', 'CM', 'CT'] as const;
export type Unit = (typeof UNITS)[number];

/** A platform policy, not a legal figure: a parcel with more lines is a trade shipment, not a manifest item. */
export const DEFAULT_MAX_ITEMS = 100;

const DecimalString = Type.String({ pattern: '^\\d{1,15}(\\.\\d{1,6})?$', description: 'decimal, "." separator' });

export const MoneySchema = Type.Object(
  {
    amount: DecimalString,
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' }),
  },
  { additionalProperties: false },
);

export const PartySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 140 }),
    addressLines: Type.Array(Type.String({ minLength: 1, maxLength: 140 }), { minItems: 1, maxItems: 4 }),
    city: Type.String({ minLength: 1, maxLength: 70 }),
    postcode: Type.Optional(Type.String({ minLength: 1, maxLength: 17 })),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
  },
  { additionalProperties: false },
);

export const ItemLineSchema = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 512 }),
    hsCode: Type.Optional(Type.String({ pattern: '^(\\d{6}|\\d{9})$', description: 'HS 6 or JP 9 digits' })),
    quantity: Type.Number({ exclusiveMinimum: 0 }),
    unit: Type.Union(UNITS.map((u) => Type.Literal(u))),
    /** Value of the whole line (not the unit price) in the currency of the sale. */
    value: MoneySchema,
  },
  { additionalProperties: false },
);

export const TransportDocumentSchema = Type.Object(
  {
    masterAwb: Type.Optional(Type.String({ pattern: '^\\d{3}-\\d{8}$', description: 'IATA AWB, check digit mod 7' })),
    houseAwb: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{1,16}$' })),
  },
  { additionalProperties: false, description: 'at least one of masterAwb and houseAwb' },
);

export const ConsignmentSchema = Type.Object(
  {
    consignmentId: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$' }),
    transportDocument: TransportDocumentSchema,
    seller: PartySchema,
    buyer: PartySchema,
    platform: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 70 }),
        orderId: Type.String({ minLength: 1, maxLength: 70 }),
      },
      { additionalProperties: false },
    ),
    items: Type.Array(ItemLineSchema, { minItems: 1, maxItems: DEFAULT_MAX_ITEMS }),
    grossMassKg: Type.Number({ exclusiveMinimum: 0 }),
    declaredTotal: Type.Optional(MoneySchema),
  },
  { additionalProperties: false, $id: 'Consignment' },
);

export type Money = Static<typeof MoneySchema>;
export type Party = Static<typeof PartySchema>;
export type ItemLine = Static<typeof ItemLineSchema>;
export type TransportDocument = Static<typeof TransportDocumentSchema>;
export type Consignment = Static<typeof ConsignmentSchema>;

/** Code lists are passed in so that the module stays pure (the reference module owns the lists). */
export interface CodeLookups {
  readonly isCountry: (code: string) => boolean;
  readonly isCurrency: (code: string) => boolean;
}
