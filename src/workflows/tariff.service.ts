import type { Problem, Result } from '../kernel/index.ts';
import type { DeclarationInput } from '../modules/declarations/index.ts';
import type { ReferenceCatalog } from '../modules/reference/index.ts';
import {
  assess,
  buildTariffIndex,
  loadJpRules,
  type AssessmentRequest,
  type AssessmentResponse,
  type ExchangeRateSource,
  type JpRules,
  type TariffIndex,
} from '../modules/tariff/index.ts';
import type { AssessmentPort } from './ports.ts';

/**
 * The tariff engine as the platform uses it: the index built once from the loaded schedule, the jp-rules lists,
 * and the weekly exchange-rate table from the store.
 */
export class TariffService implements AssessmentPort {
  private idx: TariffIndex;
  readonly jpRules: JpRules;

  constructor(
    private readonly catalog: ReferenceCatalog,
    dataDir: string,
    private readonly exchangeRates: ExchangeRateSource,
  ) {
    this.idx = buildTariffIndex([...catalog.tariffRows()]);
    this.jpRules = loadJpRules(dataDir);
  }

  get index(): TariffIndex {
    return this.idx;
  }

  /** After a reference reload. */
  rebuild(): void {
    this.idx = buildTariffIndex([...this.catalog.tariffRows()]);
  }

  quote(body: unknown, today?: string): Result<AssessmentResponse, Problem[]> {
    return assess(body, { index: this.idx, jpRules: this.jpRules, exchangeRates: this.exchangeRates, ...(today ? { today } : {}) });
  }

  /** The same assessment without pricing the rates that cannot apply as declared (no `alternatives`). */
  quoteApplied(body: unknown): Result<AssessmentResponse, Problem[]> {
    return assess(body, { index: this.idx, jpRules: this.jpRules, exchangeRates: this.exchangeRates, alternatives: false });
  }

  /** The declaration's assessment for the spine: its items as an assessment request for the arrival date. */
  assess(input: DeclarationInput, date: string): { ok: true; value: { totalYen: number; detail: unknown } } | { ok: false; error: Problem[] } {
    const r = this.quote(declarationRequest(input, date));
    if (!r.ok) return { ok: false, error: r.error };
    return { ok: true, value: { totalYen: r.value.totals.totalYen, detail: r.value } };
  }
}

export function declarationRequest(input: DeclarationInput, date: string): AssessmentRequest {
  // Built as plain JSON: the engine checks the shape again and reports any problem with its path.
  return <AssessmentRequest>(<unknown>{
    date: input.transport.date || date,
    ...(input.incoterm ? { incoterm: input.incoterm as AssessmentRequest['incoterm'] } : {}),
    ...(input.freight ? { freight: input.freight } : {}),
    ...(input.insurance ? { insurance: input.insurance } : {}),
    items: input.items.map((it) => ({
      code9: it.code9,
      originCountry: it.originCountry,
      value: it.invoiceValue,
      ...(it.preference ? { preference: it.preference as NonNullable<AssessmentRequest['items'][number]['preference']> } : {}),
      quantities: it.quantities.map((q) => ({ amount: q.amount, unit: q.unit.toUpperCase() as never })),
      ...(it.reducedRate !== undefined ? { reducedRate: it.reducedRate } : {}),
      ...(it.quota ? { quota: it.quota } : {}),
    })),
  });
}
