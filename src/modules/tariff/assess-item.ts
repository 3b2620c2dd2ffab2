import { Decimal, msg, note, type Problem } from '../../kernel/index.ts';
import type { RateColumn } from '../reference/index.ts';
import { epaOptions, gspStatus, type EpaOption } from './eligibility.ts';
import { AssessmentErrors } from './errors.ts';
import type { JpRules } from './jp-rules.ts';
import { quantityIn } from './quantities.ts';
import type { EvalInput, Need } from './rate-eval.ts';
import { resolveRates, type Resolution } from './rate-resolution.ts';
import type { AssessmentRules } from './rules.ts';
import type { AssessmentItemRequest, AssessmentNote } from './schema.ts';
import type { TariffLine } from './tariff-index.ts';

export interface ItemContext {
  readonly line: TariffLine;
  readonly item: AssessmentItemRequest;
  readonly path: string;
  readonly date: string;
  readonly taxableYen: number;
  readonly claim: EpaOption | undefined;
  readonly jpRules: JpRules | undefined;
  readonly rules: AssessmentRules;
  /** Exempt items owe no duty: inputs that only the duty needs are then not asked for. */
  readonly exempt: boolean;
  /** False: only the rates that can apply as declared are evaluated (AssessOptions.alternatives). */
  readonly alternatives?: boolean;
}

export interface ItemResolution {
  readonly resolution: Resolution;
  readonly assumptions: readonly AssessmentNote[];
}

const NONE: readonly EpaOption[] = Object.freeze([]);
const dec = (s: string | undefined): Decimal | undefined => (s === undefined ? undefined : new Decimal(s));

/** Resolves the applicable rate of one item, or the problems (missing quantity, attribute…) that prevent it. */
export function resolveItem(ctx: ItemContext): { ok: true; value: ItemResolution } | { ok: false; problems: Problem[] } {
  const { item, line, rules } = ctx;
  const origin = item.originCountry;
  const all = ctx.jpRules ? epaOptions(ctx.jpRules.agreements, origin, ctx.date) : [];
  // Without alternatives, an agreement counts only when claimed: unclaimed EPA rates can never apply.
  const claimed = ctx.claim?.column;
  const options = ctx.alternatives !== false ? all : claimed === undefined ? NONE : all.filter((o) => o.column === claimed);
  const gsp = ctx.jpRules
    ? gspStatus(origin, ctx.date, ctx.jpRules.gsp, rules.gsp)
    : { gsp: 'unknown' as const, ldc: 'not' as const, assumptions: [note('ASSUMPTION.noGspLists')] };
  // One input per item; only the declared goods branch differs between columns. Ad valorem duty on whole yen is
  // computed on the integer; the Decimal serves the other rate kinds.
  const shared: EvalInput = {
    valueYen: new Decimal(ctx.taxableYen),
    valueWholeYen: ctx.taxableYen,
    quantity: (unit) => quantityIn(item.quantities, unit),
    lactosePercent: dec(item.lactosePercent),
    sugarContentKg: dec(item.sugarContentKg),
    referencePrice: (name) => dec(rules.referencePrices[name]),
    origin,
    date: ctx.date,
    quota: item.quota,
    branch: undefined,
  };
  const branches = item.rateBranch;
  const resolution = resolveRates(line, {
    claim: ctx.claim,
    epaOptions: options,
    gsp,
    alternatives: ctx.alternatives !== false,
    evalFor: (column: RateColumn) => (branches?.[column] === undefined ? shared : { ...shared, branch: branches[column] }),
  });
  if (ctx.exempt) return { ok: true, value: { resolution, assumptions: [] } };
  if (resolution.needs.length > 0) return { ok: false, problems: needProblems(resolution.needs, ctx) };
  if (!resolution.applied) {
    const why = resolution.candidates
      .filter((c) => c.eligible && c.result.status === 'unavailable')
      .map((c) => `${c.column}: ${c.result.status === 'unavailable' ? c.result.reason : ''}`);
    return {
      ok: false,
      problems: [AssessmentErrors.noRate.problem(`${ctx.path}.code9`, msg('ASSESSMENT.NO_APPLICABLE_RATE.line', { code9: line.code9, why: why.length ? ` (${why.join('; ')})` : '' }))],
    };
  }
  const assumptions = [...gsp.assumptions.filter(() => resolution.candidates.some((c) => c.basis === 'gsp' || c.basis === 'ldc'))];
  const used = resolution.applied;
  if (used.agreementId === 'rcep') {
    assumptions.push(note('ASSUMPTION.rcepColumn'));
  }
  const party = ctx.claim?.party;
  if (party?.unconfirmed && used.basis === 'epa') {
    assumptions.push(note('ASSUMPTION.entryIntoForce', { agreement: ctx.claim?.agreement.id ?? '', country: party.iso2, date: party.entryIntoForce }));
  }
  for (const c of resolution.candidates) {
    if (c.result.status === 'ok' && line.cells[c.column]?.rate.kind === 'referencePrice') {
      assumptions.push(note('ASSUMPTION.referencePrices', { prices: JSON.stringify(rules.referencePrices) }));
      break;
    }
  }
  return { ok: true, value: { resolution, assumptions } };
}

function needProblems(needs: readonly Need[], ctx: ItemContext): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const n of needs) {
    const key = JSON.stringify(n);
    if (seen.has(key)) continue;
    seen.add(key);
    switch (n.kind) {
      case 'quantity':
        out.push(
          AssessmentErrors.missingQuantity.problem(
            `${ctx.path}.quantities`,
            msg('ASSESSMENT.MISSING_QUANTITY.specific', {
              code9: ctx.line.code9,
              unit: n.unit,
              alsoAccepted: n.unit === 'KG' ? ' (or MT)' : n.unit === 'L' ? ' (or KL)' : '',
            }),
            { unit: n.unit },
          ),
        );
        break;
      case 'lactosePercent':
        out.push(AssessmentErrors.missingAttribute.problem(`${ctx.path}.lactosePercent`, msg('ASSESSMENT.MISSING_ATTRIBUTE.lactose', { code9: ctx.line.code9 })));
        break;
      case 'sugarContentKg':
        out.push(AssessmentErrors.missingAttribute.problem(`${ctx.path}.sugarContentKg`, msg('ASSESSMENT.MISSING_ATTRIBUTE.sugar', { code9: ctx.line.code9 })));
        break;
      case 'referencePrice':
        out.push(
          AssessmentErrors.missingReferencePrice.problem(
            `${ctx.path}.code9`,
            msg('ASSESSMENT.MISSING_REFERENCE_PRICE.line', { code9: ctx.line.code9, name: n.name }),
          ),
        );
        break;
    }
  }
  return out;
}
