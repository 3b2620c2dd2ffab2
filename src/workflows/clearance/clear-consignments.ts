import { yenAtRates, type Problem, type Result } from '../../kernel/index.ts';
import { ConsignmentErrors, manifestDecision, type ClearableConsignment } from '../../modules/consignments/index.ts';
import type { OnlineSelector, RiskItem, RiskModel } from '../../modules/risk/index.ts';
import type { AssessmentResponse } from '../../modules/tariff/index.ts';
import type { ConsignmentDecision } from '../../adapters/store/consignments.repo.ts';
import type { CodeResolver, ResolvedCode } from './code-resolver.ts';
import { ClearanceErrors as E } from './errors.ts';
import { consignmentRiskItems } from './risk-items.ts';

export interface ClearancePorts {
  /** The assessment engine (env.tariff.quote): de minimis and simplified small-import rates are its rules. */
  readonly quote: (body: unknown) => Result<AssessmentResponse, Problem[]>;
  /** Customs rate of the week, yen per unit, or undefined: a consignment is never valued at a guessed rate. */
  readonly rateFor: (currency: string, date: string) => string | undefined;
  readonly codes: CodeResolver;
  readonly model: { readonly version: string; readonly model: RiskModel } | null;
  readonly selector: OnlineSelector;
}

interface Valued {
  readonly c: ClearableConsignment;
  readonly valueYen: number;
  readonly lineYen: number[];
  readonly rates: Record<string, string>;
}

/**
 * Clears consignments in batches: value in yen at the week's rates (no rate → failed with a code), the 200,000-yen
 * manifest ceiling (above → full declaration required, with the reason), codes resolved or suggested, duty and taxes
 * from the assessment engine, then the risk model's score (one call for the whole batch) and the selection policy's
 * lane. Green is released; yellow and red are held for an officer. Explanations are computed only for those held:
 * TreeSHAP per item costs more than scoring, and an officer reads only the held ones.
 */
export class ClearanceEngine {
  constructor(private readonly ports: ClearancePorts) {}

  async clear(list: readonly { consignmentId: string; data: unknown }[], date: string): Promise<ConsignmentDecision[]> {
    // Indexed by input position: decisions come back in the order the consignments came in.
    const out: ConsignmentDecision[] = new Array<ConsignmentDecision>(list.length);
    const scored: { at: number; v: Valued; codes: ResolvedCode[]; assessment: AssessmentResponse; from: number }[] = [];
    const items: RiskItem[] = [];
    for (let at = 0; at < list.length; at++) {
      const { consignmentId, data } = list[at]!;
      const c = data as ClearableConsignment;
      const valued = this.value(c, date);
      if (!valued.ok) {
        out[at] = { consignmentId, status: 'failed', lane: null, assessment: { problems: valued.error }, risk: null };
        continue;
      }
      const v = valued.value;
      const route = manifestDecision(v.valueYen);
      if (route.route === 'full-declaration') {
        out[at] = { consignmentId, status: 'full-declaration-required', lane: null, assessment: { valueYen: v.valueYen, reason: route.reason }, risk: null };
        continue;
      }
      // Most lines are told at once (declared code, HS6, a description seen before): no promise per consignment.
      const now = c.items.map((it) => this.ports.codes.resolveNow(it));
      const codes = now.includes(undefined)
        ? await Promise.all(c.items.map((it) => this.ports.codes.resolve(it)))
        : now.map((r) => r ?? undefined);
      const missing = codes.flatMap((r, i) =>
        r === undefined ? [E.noTariffLine.problem(`$.items[${i}].hsCode`, `No tariff line found for "${c.items[i]!.description}"`)] : [],
      );
      if (missing.length > 0) {
        out[at] = held(consignmentId, { valueYen: v.valueYen, problems: missing });
        continue;
      }
      const resolved = codes as ResolvedCode[];
      const q = this.ports.quote(request(v, resolved, date));
      if (!q.ok) {
        out[at] = held(consignmentId, { valueYen: v.valueYen, problems: [E.assessmentFailed.problem('$', 'The assessment failed', { problems: q.error })] });
        continue;
      }
      scored.push({ at, v, codes: resolved, assessment: q.value, from: items.length });
      items.push(...consignmentRiskItems(c, v.lineYen, date));
    }
    const m = this.ports.model;
    const scores = m && items.length > 0 ? m.model.score(items) : undefined;
    for (const s of scored) {
      const n = s.v.c.items.length;
      let best = s.from;
      if (scores) for (let i = s.from + 1; i < s.from + n; i++) if (scores[i]! > scores[best]!) best = i;
      const score = scores ? Math.min(1, Math.max(0, scores[best]!)) : null;
      const decision = this.ports.selector.decide({
        declarationId: s.v.c.consignmentId,
        itemCount: n,
        traderAeo: false,
        ruleHits: [],
        model: score === null || !m ? null : { score, modelVersion: m.version, reasons: [] },
      });
      let reasons = decision.reasons;
      if (decision.lane !== 'green' && m && score !== null && decision.reasons.some((r) => r.source === 'model')) {
        const e = m.model.explain(items[best]!);
        reasons = [...reasons, ...e.reasons.map((r) => ({ code: r.code, text: `Item ${best - s.from + 1}: ${r.text}`, source: 'model' as const }))];
      }
      out[s.at] = {
        consignmentId: s.v.c.consignmentId,
        status: decision.lane === 'green' ? 'released' : 'held',
        lane: decision.lane,
        assessment: summary(s.v, s.codes, s.assessment),
        risk: { score: decision.score, modelVersion: decision.modelVersion, control: decision.control, reasons },
      };
    }
    return out;
  }

  private value(c: ClearableConsignment, date: string): Result<Valued, Problem[]> {
    const rates: Record<string, string> = {};
    const problems: Problem[] = [];
    const lines = c.items.map((it, i) => {
      const cur = it.value.currency;
      const rate = cur === 'JPY' ? '1' : (rates[cur] ?? this.ports.rateFor(cur, date));
      if (rate === undefined) {
        problems.push(ConsignmentErrors.noExchangeRate.problem(`$.items[${i}].value.currency`, `No customs exchange rate for ${cur} on ${date}`));
        return { amount: '0', rate: '0' };
      }
      if (cur !== 'JPY') rates[cur] = rate;
      return { amount: it.value.amount, rate };
    });
    if (problems.length > 0) return { ok: false, error: problems };
    // Summed exactly and truncated once, as manifest-ceiling.ts valueInYen does.
    const { lineYen, totalYen } = yenAtRates(lines);
    return { ok: true, value: { c, valueYen: totalYen, lineYen, rates } };
  }
}

const QUOTE_UNITS = new Set(['KG', 'MT', 'GR', 'L', 'KL', 'NO', 'DZ', 'PR', 'SM', 'M', 'CM', 'CT']);

function request(v: Valued, codes: readonly ResolvedCode[], date: string): unknown {
  return {
    date,
    exchangeRates: v.rates,
    items: v.c.items.map((it, i) => ({
      code9: codes[i]!.code9,
      originCountry: v.c.seller.country,
      value: it.value,
      ...(QUOTE_UNITS.has(it.unit) ? { quantities: [{ amount: String(it.quantity), unit: it.unit }] } : {}),
    })),
  };
}

function summary(v: Valued, codes: readonly ResolvedCode[], a: AssessmentResponse): unknown {
  return {
    valueYen: v.valueYen,
    ...a.totals,
    items: a.items.map((it, i) => ({
      code9: it.code9,
      codeSource: codes[i]!.source,
      suggested: codes[i]!.suggested,
      rate: it.appliedRate.column,
      dutyYen: it.dutyYen,
    })),
  };
}

function held(consignmentId: string, assessment: { valueYen: number; problems: Problem[] }): ConsignmentDecision {
  return {
    consignmentId,
    status: 'held',
    lane: 'yellow',
    assessment,
    risk: { score: null, modelVersion: null, control: false, reasons: [{ code: assessment.problems[0]!.code, text: assessment.problems[0]!.message, source: 'rule' }] },
  };
}
