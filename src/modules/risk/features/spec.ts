import { PARTY_FIELDS, type KeyField } from './item.ts';

export type NumericFeature = 'taxRate' | 'logMass' | 'logValue' | 'logUnitValue' | 'priceDeviation';

/** Which features the pipeline derives from an item. Plain data, saved with the model. */
export interface PipelineSpec {
  /** Fields given to the trees as native categories. */
  readonly categorical: readonly KeyField[];
  /** Keys whose training-row count becomes a feature ("how often have we seen this before"). */
  readonly frequency: readonly (readonly KeyField[])[];
  /** Keys whose out-of-fold fraud rate becomes a feature. */
  readonly targetEncoded: readonly (readonly KeyField[])[];
  readonly numeric: readonly NumericFeature[];
  /** K of the out-of-fold target encoding. */
  readonly folds: number;
  /**
   * How training rows are target-encoded: out-of-fold (default; K folds, never the row's own label) or past-only
   * (only rows dated strictly before: never the row's label, never the future).
   */
  readonly encoding?: 'out-of-fold' | 'past-only';
  /** Pseudo-rows of prior in the target encoding. */
  readonly smoothing: number;
  readonly seed: number;
}

/**
 * The default for declaration items: HS at several levels, countries, office, procedure types, parties (frequency and
 * target encodings; parties are never native categories, there are too many), value, mass, unit value and its
 * deviation from the HS × origin norm, duty rate — and HS crossed with origin, departure and the tariff type, because
 * what is risky is a kind of goods from a place under a regime, rarely one of them alone.
 */
export const DEFAULT_SPEC: PipelineSpec = {
  categorical: [
    'office', 'processType', 'importType', 'importUse', 'paymentType', 'transportMode', 'departure', 'origin',
    'taxType', 'originIndicator', 'hs2',
  ],
  frequency: [['hs6'], ['hs6', 'origin'], ['value'], ['mass'], ['mass', 'value'], ['declarant'], ['importer'], ['seller'], ['courier'], ['importer', 'hs6']],
  targetEncoded: [
    ['hs4'], ['hs6'], ['hs10'], ['origin'], ['departure'], ['taxType'],
    ['hs6', 'origin'], ['hs6', 'departure'], ['hs6', 'taxType'], ['hs6', 'taxRate'], ['hs4', 'origin'],
    ['hs6', 'origin', 'taxType'], ['hs6', 'departure', 'origin'], ['hs6', 'importType'], ['hs6', 'importUse'],
    ['hs6', 'paymentType'], ['hs6', 'transportMode'], ['hs6', 'office'],
    ['value'], ['mass'], ['unitValue'], ['mass', 'value'], ['hs6', 'mass'], ['hs6', 'value'], ['hs6', 'unitValue'],
    ['declarant'], ['importer'], ['seller'], ['courier'], ['importer', 'hs6'],
  ],
  numeric: ['taxRate', 'logMass', 'logValue', 'logUnitValue', 'priceDeviation'],
  folds: 5,
  smoothing: 20,
  seed: 1,
};

const isParty = (group: readonly KeyField[]): boolean => group.some((f) => PARTY_FIELDS.includes(f));

/** The same spec without any party-ID feature (a candidate feature set the benchmark decides on by validation). */
export function withoutParties(spec: PipelineSpec): PipelineSpec {
  return {
    ...spec,
    categorical: spec.categorical.filter((f) => !PARTY_FIELDS.includes(f)),
    frequency: spec.frequency.filter((g) => !isParty(g)),
    targetEncoded: spec.targetEncoded.filter((g) => !isParty(g)),
  };
}

export const groupName = (g: readonly KeyField[]): string => g.join('×');
