import { Type, type Static } from '@sinclair/typebox';

/** The selection decision for one declaration, as stored with it and shown to officers (never to traders). */
const lane = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')]);

export const SelectionReasonSchema = Type.Object({
  code: Type.String(),
  text: Type.String(),
  source: Type.Union([
    Type.Literal('rule'),
    Type.Literal('model'),
    Type.Literal('control'),
    Type.Literal('exploration'),
  ]),
  ruleId: Type.Optional(Type.String()),
  ruleVersion: Type.Optional(Type.Integer()),
  items: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
  /** The reason's figures, so that the console writes it in the officer's language (the text is English). */
  params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

/** What the decision was made from, so a replay can show it was made the same way. */
export const DecisionBasisSchema = Type.Object({
  policyVersion: Type.String(),
  /** The model score (or a random draw without a model) compared with the thresholds. */
  priority: Type.Union([Type.Number(), Type.Null()]),
  redThreshold: Type.Union([Type.Number(), Type.Null()], { description: 'null: the model selects none for red' }),
  yellowThreshold: Type.Union([Type.Number(), Type.Null()]),
  explorationProbability: Type.Number(),
  /** Lane from rules, control and exploration before the model (or random fill) had its say. */
  preLane: lane,
  ruleHit: Type.Boolean(),
  explored: Type.Boolean(),
  traderAeo: Type.Boolean(),
  /** An AEO trader's declaration left out of exploration and model selection by the AEO draw. */
  aeoThinned: Type.Boolean(),
  /** 1 per declaration, or its item count when the budget is a share of items. */
  weight: Type.Integer({ minimum: 1 }),
});

export const DecisionSchema = Type.Object({
  declarationId: Type.String(),
  lane,
  reasons: Type.Array(SelectionReasonSchema),
  score: Type.Union([Type.Number(), Type.Null()]),
  modelVersion: Type.Union([Type.String(), Type.Null()]),
  control: Type.Boolean(),
  noModel: Type.Boolean(),
  /** The model's strongest reasons for its score, whatever the lane (the officer sees why the score is what it is). */
  modelReasons: Type.Optional(Type.Array(SelectionReasonSchema)),
  basis: DecisionBasisSchema,
});

export type LaneName = Static<typeof lane>;
export type SelectionReason = Static<typeof SelectionReasonSchema>;
export type DecisionBasis = Static<typeof DecisionBasisSchema>;
export type Decision = Static<typeof DecisionSchema>;

const RANK: Record<LaneName, number> = { green: 0, yellow: 1, red: 2 };
export const laneRank = (l: LaneName): number => RANK[l];
export const maxLane = (...lanes: LaneName[]): LaneName =>
  lanes.reduce<LaneName>((a, b) => (RANK[b] > RANK[a] ? b : a), 'green');
