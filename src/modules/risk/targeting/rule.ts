import { Type, type Static } from '@sinclair/typebox';

/**
 * A targeting rule an analyst writes. Every criterion given must hold (AND); a list matches any of its values (OR).
 * Item criteria (HS prefix, origin, value and unit-price bands) are tested per item and the hit names the items;
 * the others are tested once per declaration.
 */
const strict = { additionalProperties: false } as const;
const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const country = Type.String({ pattern: '^[A-Z]{2}$' });
const partyIds = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 500 });
const list = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Array(t, { minItems: 1, maxItems: 500 });
const yen = Type.Integer({ minimum: 0, description: 'yen' });
const decimalYen = Type.String({ pattern: '^\\d{1,15}(\\.\\d{1,6})?$', description: 'yen per unit, decimal string' });

export const TransportModeSchema = Type.Union(
  (['sea', 'air', 'road', 'rail', 'post', 'multimodal'] as const).map((m) => Type.Literal(m)),
);

export const RuleCriteriaSchema = Type.Object(
  {
    hsPrefixes: Type.Optional(list(Type.String({ pattern: '^\\d{2,9}$', description: 'leading digits of code9' }))),
    originCountries: Type.Optional(list(country)),
    departureCountries: Type.Optional(list(country)),
    portsOfLoading: Type.Optional(list(Type.String({ pattern: '^[A-Z]{2}[A-Z2-9]{3}$' }))),
    importers: Type.Optional(partyIds),
    declarants: Type.Optional(partyIds),
    suppliers: Type.Optional(partyIds),
    transportModes: Type.Optional(Type.Array(TransportModeSchema, { minItems: 1, maxItems: 6 })),
    customsOffices: Type.Optional(list(Type.String({ pattern: '^[0-9A-Z]{2,8}$' }))),
    valueYen: Type.Optional(Type.Object({ min: Type.Optional(yen), max: Type.Optional(yen) }, strict)),
    unitPriceYen: Type.Optional(
      Type.Object(
        {
          min: Type.Optional(decimalYen),
          max: Type.Optional(decimalYen),
          unit: Type.Optional(Type.String({ minLength: 1, maxLength: 4, description: 'only items declared in it' })),
        },
        strict,
      ),
    ),
    traderAeo: Type.Optional(Type.Boolean({ description: 'AEO status of the importer (import) or exporter (export)' })),
  },
  strict,
);

export const RuleDraftSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    lane: Type.Union([Type.Literal('yellow'), Type.Literal('red')]),
    reason: Type.String({ minLength: 1, maxLength: 500, description: 'shown to officers, never to traders' }),
    criteria: RuleCriteriaSchema,
    validFrom: Type.String({ pattern: DATE, description: 'first day the rule applies, yyyy-mm-dd' }),
    validTo: Type.Optional(Type.String({ pattern: DATE, description: 'last day the rule applies (inclusive)' })),
    active: Type.Boolean(),
  },
  {
    ...strict,
    examples: [{ name: 'Coffee from CN', lane: 'yellow', reason: 'document check of the origin', criteria: { originCountries: ['CN'], hsPrefixes: ['0901'] }, validFrom: '2026-01-01', active: true }],
  },
);

export const RuleVersionSchema = Type.Intersect([
  RuleDraftSchema,
  Type.Object({
    ruleId: Type.String(),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ description: 'ISO timestamp of this version' }),
    createdBy: Type.String(),
  }),
]);

export type RuleCriteria = Static<typeof RuleCriteriaSchema>;
export type RuleDraft = Static<typeof RuleDraftSchema>;
export type RuleVersion = Static<typeof RuleVersionSchema>;
export type RuleLane = RuleDraft['lane'];
