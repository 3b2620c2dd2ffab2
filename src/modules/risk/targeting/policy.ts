import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { err, ok, type DomainError, type Problem, type Result } from '../../../kernel/index.ts';
import { TargetingErrors as E } from './errors.ts';
import { schemaProblems } from './problems.ts';

const share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const selectedLane = Type.Union([Type.Literal('yellow'), Type.Literal('red')]);

/**
 * How many declarations are selected and how. The budget is the share of units (declarations, or items when
 * declarations are weighed by their item count) sent to each lane; the random control sample and the exploration
 * share are parts of that budget, and the model (or, without a model, a random draw) fills the rest.
 */
export const SelectionPolicySchema = Type.Object(
  {
    version: Type.String({ minLength: 1, maxLength: 64, description: 'label stored with each decision' }),
    salt: Type.String({ minLength: 16, maxLength: 256, description: 'secret key of the hash draws; keep it private' }),
    unit: Type.Union([Type.Literal('declarations'), Type.Literal('items')]),
    budget: Type.Object(
      { red: share('share of units physically inspected'), yellow: share('share of units document-checked') },
      { additionalProperties: false },
    ),
    controlShare: share('uniform random control sample, the honest precision measure'),
    controlLane: selectedLane,
    explorationShare: share('random picks outside rules and control, to learn where the model does not look'),
    explorationLane: selectedLane,
    aeoFactor: share('AEO-certified traders are selected by model and exploration at this times the rate of others'),
  },
  { additionalProperties: false },
);
export type SelectionPolicy = Static<typeof SelectionPolicySchema>;

export function validatePolicy(input: unknown): Result<SelectionPolicy, DomainError> {
  const shape = schemaProblems(SelectionPolicySchema, input, E.invalidPolicy);
  if (shape.length > 0) return err(E.invalidPolicy(undefined, { problems: shape }));
  const p = Value.Clone(input) as SelectionPolicy;
  const problems: Problem[] = [];
  const total = p.budget.red + p.budget.yellow;
  if (total > 1) problems.push(E.invalidPolicy.problem('$.budget', 'red + yellow cannot exceed 1'));
  if (p.controlShare + p.explorationShare > total)
    problems.push(E.invalidPolicy.problem('$.controlShare', 'control + exploration must fit in the budget'));
  const redRandom =
    (p.controlLane === 'red' ? p.controlShare : 0) + (p.explorationLane === 'red' ? p.explorationShare : 0);
  if (redRandom > p.budget.red)
    problems.push(
      E.invalidPolicy.problem('$.budget.red', 'control and exploration sent to red must fit in the red budget'),
    );
  return problems.length > 0 ? err(E.invalidPolicy(undefined, { problems })) : ok(p);
}
