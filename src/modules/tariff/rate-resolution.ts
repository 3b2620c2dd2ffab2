import { note } from '../../kernel/index.ts';
import type { RateColumn } from '../reference/index.ts';
import type { EpaOption, GspStatus } from './eligibility.ts';
import { evaluateRate, yenIsZero, yenLess, type EvalInput, type EvalNote, type EvalResult, type Need } from './rate-eval.ts';
import type { TariffLine } from './tariff-index.ts';

export type RateBasis = 'general' | 'temporary' | 'wto' | 'gsp' | 'ldc' | 'epa';

export interface Candidate {
  readonly column: RateColumn;
  readonly text: string;
  readonly basis: RateBasis;
  readonly agreementId?: string;
  /** The goods qualify for it as declared (an EPA only with a claim under that agreement). */
  readonly eligible: boolean;
  /** What it would take to use it. */
  readonly requires?: string;
  /** The same column evaluated inside the tariff quota, offered when the request did not say. */
  readonly quotaVariant?: boolean;
  readonly result: EvalResult;
}

export type OkCandidate = Candidate & { readonly result: Extract<EvalResult, { status: 'ok' }> };

export interface ResolveContext {
  /** A claim already checked to cover the origin on the date. */
  readonly claim: EpaOption | undefined;
  readonly epaOptions: readonly EpaOption[];
  readonly gsp: GspStatus;
  readonly evalFor: (column: RateColumn) => EvalInput;
  /** False: no candidate that cannot apply as declared (GSP of an unconfirmed origin, inside-quota variants). */
  readonly alternatives?: boolean;
}

export interface Resolution {
  readonly applied: OkCandidate | undefined;
  readonly candidates: readonly Candidate[];
  /** Inputs missing to decide the applicable rate (→ 422 with the item's path). */
  readonly needs: readonly Need[];
  readonly notes: readonly EvalNote[];
}

const isOk = (c: Candidate): c is OkCandidate => c.result.status === 'ok';

/**
 * The order of the law: the temporary rate replaces the general one; the WTO rate applies where lower; GSP / LDC
 * rates only for eligible origins; an EPA rate only with a claim under an agreement covering the origin. The lowest
 * rate the goods qualify for applies; every other rate they could use is returned with its amount.
 */
export function resolveRates(line: TariffLine, ctx: ResolveContext): Resolution {
  const candidates: Candidate[] = [];
  const notes: EvalNote[] = [];
  const add = (column: RateColumn, basis: RateBasis, eligible: boolean, extra: { agreementId?: string; requires?: string } = {}): Candidate | undefined => {
    const cell = line.cells[column];
    if (!cell) {
      const raw = line.unparsed[column];
      if (raw !== undefined) notes.push(note('RATE_UNPARSED', { column, raw }));
      return undefined;
    }
    const c: Candidate = { column, text: cell.text, basis, eligible, ...extra, result: evaluateRate(cell.rate, ctx.evalFor(column)) };
    candidates.push(c);
    return c;
  };

  const temporary = add('rate_temporary', 'temporary', true);
  // The general rate only stands where no temporary rate applies to these goods.
  if (!temporary || temporary.result.status === 'unavailable') add('rate_general', 'general', true);
  add('rate_wto', 'wto', true);
  if (ctx.gsp.gsp === 'eligible' || (ctx.gsp.gsp === 'unknown' && ctx.alternatives !== false)) {
    add('rate_gsp', 'gsp', ctx.gsp.gsp === 'eligible', {
      requires: ctx.gsp.gsp === 'eligible' ? 'a GSP certificate of origin (Form A)' : 'the origin to be a GSP beneficiary (the list in jp-rules is partial)',
    });
  }
  if (ctx.gsp.ldc === 'eligible') add('rate_gsp_ldc', 'ldc', true, { requires: 'a GSP certificate of origin (Form A)' });
  const seen = new Set<RateColumn>();
  for (const opt of ctx.epaOptions) {
    if (seen.has(opt.column)) continue;
    seen.add(opt.column);
    const claimed = ctx.claim?.column === opt.column;
    add(opt.column, 'epa', claimed, {
      agreementId: ctx.claim && claimed ? ctx.claim.agreement.id : opt.agreement.id,
      requires: `a preference claim under "${opt.agreement.id}" with proof of origin`,
    });
  }

  // "With a quota allocation you would pay ¥X": inside-quota rates priced when the request left the quota open.
  for (const c of ctx.alternatives === false ? [] : [...candidates]) {
    const cell = line.cells[c.column];
    if (!cell || cell.rate.kind !== 'branches') continue;
    const input = ctx.evalFor(c.column);
    if (input.quota !== undefined) continue;
    if (!cell.rate.branches.some((b) => b.conditions.some((x) => x.type === 'quota' && x.inside))) continue;
    const result = evaluateRate(cell.rate, { ...input, quota: 'inside' });
    if (result.status !== 'ok') continue;
    const requires = `a tariff-quota allocation (quota: "inside")${c.basis === 'epa' ? ` and ${c.requires ?? 'a preference claim'}` : ''}`;
    candidates.push({ ...c, eligible: false, quotaVariant: true, requires, result });
  }

  let applied: OkCandidate | undefined;
  const needs: Need[] = [];
  for (const c of candidates) {
    if (!c.eligible) continue;
    if (isOk(c)) {
      if (!applied || yenLess(c.result, applied.result)) applied = c;
    } else if (c.result.status === 'needs') needs.push(...c.result.needs);
  }
  // A free rate cannot be beaten, so the inputs the others need no longer matter.
  const decided = applied !== undefined && yenIsZero(applied.result);

  if (ctx.claim) {
    const claimed = candidates.find((c) => c.column === ctx.claim?.column);
    if (!claimed || claimed.result.status === 'unavailable') {
      const which = { agreement: ctx.claim.agreement.id, column: ctx.claim.column };
      notes.push(
        claimed?.result.status === 'unavailable'
          ? note('PREFERENCE_NOT_AVAILABLE.reason', { ...which, reason: claimed.result.reason })
          : note('PREFERENCE_NOT_AVAILABLE', which),
      );
    } else if (applied && claimed !== applied && claimed.result.status === 'ok' && yenLess(applied.result, claimed.result)) {
      notes.push(note('PREFERENCE_NOT_LOWER', { claimed: claimed.column, applied: applied.column }));
    }
  }
  return { applied, candidates, needs: decided ? [] : needs, notes };
}
