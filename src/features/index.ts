import { consignmentsFeature } from './consignments.feature.ts';
import { documentsFeature } from './documents.feature.ts';
import type { FeatureFactory } from './feature.ts';
import { passengersFeature } from './passengers.feature.ts';
import { riskFeature } from './risk.feature.ts';
import { tariffFeature } from './tariff.feature.ts';

export type { Feature, FeatureEnv, FeatureFactory } from './feature.ts';

/** The platform's features, in registration order. One line each. */
export const FEATURES: readonly FeatureFactory[] = [
  tariffFeature,
  riskFeature,
  consignmentsFeature,
  passengersFeature,
  documentsFeature,
];
