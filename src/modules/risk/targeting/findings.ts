import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { err, ok, type DomainError, type Problem, type Result } from '../../../kernel/index.ts';
import { TargetingErrors as E } from './errors.ts';
import { schemaProblems } from './problems.ts';

/**
 * An officer's inspection finding, per item (or for the whole declaration when `item` is absent). One flat shape
 * with a kind rather than a union so that a bad request gets a precise problem instead of "no union member matched".
 */
export const FindingKindSchema = Type.Union([
  Type.Literal('no_discrepancy'),
  Type.Literal('discrepancy_revenue'),
  Type.Literal('prohibited_goods'),
]);
export const FindingInputSchema = Type.Object(
  {
    declarationId: Type.String({ minLength: 1 }),
    item: Type.Optional(Type.Integer({ minimum: 0, description: 'item index; absent: the whole declaration' })),
    kind: FindingKindSchema,
    revenueYen: Type.Optional(
      Type.Integer({ minimum: 1, description: 'duty and tax short-declared, yen (discrepancy_revenue only)' }),
    ),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const FindingSchema = Type.Intersect([
  FindingInputSchema,
  Type.Object({
    findingId: Type.String(),
    officerId: Type.String(),
    at: Type.String({ description: 'ISO timestamp' }),
  }),
]);
export type FindingKind = Static<typeof FindingKindSchema>;
export type FindingInput = Static<typeof FindingInputSchema>;
export type Finding = Static<typeof FindingSchema>;

export function validateFinding(input: unknown, itemCount?: number): Result<FindingInput, DomainError> {
  const shape = schemaProblems(FindingInputSchema, input, E.invalidFinding);
  if (shape.length > 0) return err(E.invalidFinding(undefined, { problems: shape }));
  const f = Value.Clone(input) as FindingInput;
  const problems: Problem[] = [];
  if (f.kind === 'discrepancy_revenue' && f.revenueYen === undefined)
    problems.push(E.invalidFinding.problem('$.revenueYen', 'A revenue discrepancy needs the yen amount at stake'));
  if (f.kind !== 'discrepancy_revenue' && f.revenueYen !== undefined)
    problems.push(E.invalidFinding.problem('$.revenueYen', 'Only a revenue discrepancy carries a yen amount'));
  if (f.item !== undefined && itemCount !== undefined && f.item >= itemCount)
    problems.push(E.invalidFinding.problem('$.item', `The declaration has ${itemCount} item(s)`));
  return problems.length > 0 ? err(E.invalidFinding(undefined, { problems })) : ok(f);
}

export interface FindingLabel {
  readonly declarationId: string;
  /** null: a finding on the whole declaration. */
  readonly item: number | null;
  /** 1: the inspection found something (revenue discrepancy or prohibited goods). */
  readonly label: 0 | 1;
  readonly revenueYen: number;
  readonly kind: FindingKind;
  readonly at: string;
}

export const isPositive = (kind: FindingKind): boolean => kind !== 'no_discrepancy';

/**
 * Findings become training labels. A later finding on the same item replaces an earlier one (officers correct
 * their records; the history keeps both, the label follows the latest).
 */
export function findingsToLabels(findings: readonly Finding[]): FindingLabel[] {
  const latest = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.declarationId}\u0000${f.item ?? ''}`;
    const prev = latest.get(key);
    if (prev === undefined || Date.parse(f.at) >= Date.parse(prev.at)) latest.set(key, f);
  }
  return [...latest.values()].map((f) => ({
    declarationId: f.declarationId,
    item: f.item ?? null,
    label: isPositive(f.kind) ? 1 : 0,
    revenueYen: f.revenueYen ?? 0,
    kind: f.kind,
    at: f.at,
  }));
}

export interface DeclarationOutcome {
  readonly declarationId: string;
  readonly label: 0 | 1;
  readonly revenueYen: number;
  readonly prohibited: boolean;
}

/** One outcome per inspected declaration: positive when any of its (latest) labels is. */
export function declarationOutcomes(labels: readonly FindingLabel[]): Map<string, DeclarationOutcome> {
  const out = new Map<string, DeclarationOutcome>();
  for (const l of labels) {
    const o = out.get(l.declarationId) ?? {
      declarationId: l.declarationId,
      label: 0,
      revenueYen: 0,
      prohibited: false,
    };
    out.set(l.declarationId, {
      declarationId: l.declarationId,
      label: o.label === 1 || l.label === 1 ? 1 : 0,
      revenueYen: o.revenueYen + l.revenueYen,
      prohibited: o.prohibited || l.kind === 'prohibited_goods',
    });
  }
  return out;
}
