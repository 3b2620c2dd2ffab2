import type { DecidedDeclaration, LanesOnDay, RiskReportsRepo } from '../adapters/store/risk-reports.repo.ts';
import type { RiskRepo } from '../adapters/store/risk.repo.ts';
import {
  controlPrecision,
  declarationOutcomes,
  findingsToLabels,
  importerSizeBand,
  inspectionRecord,
  rankAuditTargets,
  selectionRates,
  type AuditTarget,
  type ControlPrecision,
  type DeclarationOutcome,
  type SelectionRateReport,
} from '../modules/risk/index.ts';

const DAY_MS = 86_400_000;

/**
 * The officer and analyst reports, computed by the risk module's pure functions over the stored decisions and the
 * recorded findings. A report covers the declarations created in the last `days` days.
 */
export class RiskReports {
  constructor(
    private readonly reports: RiskReportsRepo,
    private readonly riskRepo: RiskRepo,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private since(days: number): Date {
    return new Date(this.now().getTime() - days * DAY_MS);
  }

  private async inputs(days: number): Promise<{ decided: DecidedDeclaration[]; outcomes: Map<string, DeclarationOutcome> }> {
    const [decided, findings] = await Promise.all([this.reports.decided(this.since(days)), this.riskRepo.findings()]);
    return { decided, outcomes: declarationOutcomes(findingsToLabels(findings)) };
  }

  async controlPrecision(days: number): Promise<ControlPrecision> {
    const { decided, outcomes } = await this.inputs(days);
    return controlPrecision(decided.map((d) => inspectionRecord(d.decision, outcomes.get(d.id))));
  }

  /** Selection rates per origin and importer size (declarations over the last twelve months, not just the window). */
  async selectionRates(days: number): Promise<SelectionRateReport> {
    const [decided, perTrader] = await Promise.all([
      this.reports.decided(this.since(days)),
      this.reports.declarationsPerTrader(this.since(365)),
    ]);
    return selectionRates(
      decided.map((d) => ({
        lane: d.decision.lane,
        control: d.decision.control,
        originCountries: d.originCountries,
        importerSize: importerSizeBand(d.trader === '' ? null : (perTrader.get(d.trader) ?? 0)),
      })),
    );
  }

  async auditTargets(days: number, limit: number): Promise<AuditTarget[]> {
    const { decided, outcomes } = await this.inputs(days);
    return rankAuditTargets(
      decided
        .filter((d) => d.trader !== '')
        .map((d) => ({
          declarationId: d.id,
          importerId: d.trader,
          atStakeYen: d.owedYen,
          score: d.decision.score,
          outcome: outcomes.get(d.id) ?? null,
        })),
      { limit },
    );
  }

  /** The web dashboard's shape: lanes per day (every day of the window, zeros included) and the two hit rates. */
  async dashboard(modelVersion: string | null, days = 30): Promise<Dashboard> {
    const today = this.now();
    const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - (days - 1) * DAY_MS);
    const [rows, precision] = await Promise.all([this.reports.lanesPerDay(first), this.controlPrecisionSince(first)]);
    const byDate = new Map(rows.map((r) => [r.date, r]));
    const perDay: LanesOnDay[] = [];
    for (let i = 0; i < days; i++) {
      const date = new Date(first.getTime() + i * DAY_MS).toISOString().slice(0, 10);
      perDay.push(byDate.get(date) ?? { date, declarations: 0, green: 0, yellow: 0, red: 0 });
    }
    const fig = (f: { inspected: number; hits: number }) => ({ inspected: f.inspected, hits: f.hits });
    return { perDay, hitRate: { targeted: fig(precision.targeted), control: fig(precision.control) }, modelVersion };
  }

  private async controlPrecisionSince(since: Date): Promise<ControlPrecision> {
    const [decided, findings] = await Promise.all([this.reports.decided(since), this.riskRepo.findings()]);
    const outcomes = declarationOutcomes(findingsToLabels(findings));
    return controlPrecision(decided.map((d) => inspectionRecord(d.decision, outcomes.get(d.id))));
  }
}

export interface Dashboard {
  readonly perDay: readonly LanesOnDay[];
  readonly hitRate: {
    readonly targeted: { readonly inspected: number; readonly hits: number };
    readonly control: { readonly inspected: number; readonly hits: number };
  };
  readonly modelVersion: string | null;
}
