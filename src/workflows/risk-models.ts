import { randomBytes } from 'node:crypto';
import type { RiskReportsRepo } from '../adapters/store/risk-reports.repo.ts';
import type { RiskRepo } from '../adapters/store/risk.repo.ts';
import {
  applyRegistry,
  emptyRegistry,
  findingsToLabels,
  parseRiskHistory,
  retrain,
  type Decision,
  type LabelledItem,
  type RegistryAction,
  type RegistryState,
  type RetrainOptions,
  type RetrainResult,
  type SkippedRow,
} from '../modules/risk/index.ts';
import { riskItems } from './risk.service.ts';

/**
 * The platform's labelled history: each inspected item of a stored declaration with its latest finding. A finding on
 * a single item labels that item; a finding on the whole declaration labels the items without one of their own.
 */
export async function labelledHistory(riskRepo: RiskRepo, reports: RiskReportsRepo): Promise<LabelledItem[]> {
  const labels = findingsToLabels(await riskRepo.findings());
  const byDeclaration = new Map<string, { whole?: 0 | 1; items: Map<number, 0 | 1> }>();
  for (const l of labels) {
    const e = byDeclaration.get(l.declarationId) ?? { items: new Map<number, 0 | 1>() };
    if (l.item === null) e.whole = l.label;
    else e.items.set(l.item, l.label);
    byDeclaration.set(l.declarationId, e);
  }
  const out: LabelledItem[] = [];
  for (const d of await reports.byIds([...byDeclaration.keys()])) {
    const e = byDeclaration.get(d.id)!;
    const control = (d.risk as Partial<Decision> | null)?.control === true;
    riskItems(d, d.assessment).forEach((item, i) => {
      const label = e.items.get(i) ?? e.whole;
      if (label !== undefined) out.push({ declarationId: d.id, at: d.createdAt, item, label, control });
    });
  }
  return out;
}

export interface TrainOutcome {
  readonly version: string;
  readonly status: 'candidate' | 'active';
  readonly featureSet: string;
  readonly metrics: Record<string, number>;
  readonly labelledItems: number;
}

export interface TrainDeps {
  readonly riskRepo: RiskRepo;
  readonly reports: RiskReportsRepo;
  /** Called after the registry changed (the server reloads the model it scores with). */
  readonly afterChange?: () => Promise<void>;
}

/** `customs risk train`: fit on the findings, save the model, register it as a candidate (and promote it if asked). */
export async function trainAndRegister(
  deps: TrainDeps,
  options: { readonly promote: boolean; readonly by: string; readonly onProgress?: RetrainOptions['onProgress'] },
): Promise<TrainOutcome> {
  const history = await labelledHistory(deps.riskRepo, deps.reports);
  const result = retrain(history, options.onProgress ? { onProgress: options.onProgress } : {});
  const version = await register(deps, result, options);
  return {
    version,
    status: options.promote ? 'active' : 'candidate',
    featureSet: result.featureSet,
    metrics: result.metrics,
    labelledItems: history.length,
  };
}

/** What `customs risk history import` answers (one JSON object). */
export interface HistoryImportOutcome {
  readonly modelId: string;
  readonly status: 'candidate' | 'active';
  readonly promoted: boolean;
  readonly rowsUsed: number;
  readonly rowsSkipped: number;
  /** AUC on the held-back part: the most recent quarter of the file's declarations, never trained on. */
  readonly auc: number;
  readonly heldOutRows: number;
  readonly trainRows: number;
  readonly featureSet: string;
  readonly metrics: Record<string, number>;
  /** Field → the file's column it was read from, and the file's columns read past (no such field on the platform). */
  readonly mapping: Readonly<Record<string, string>>;
  readonly ignoredColumns: readonly string[];
  /** Skipped rows by reason, and the first few of them with their line. */
  readonly skippedByCode: Readonly<Record<string, number>>;
  readonly skipped: readonly SkippedRow[];
}

/**
 * `customs risk history import`: a history of past declarations with inspection outcomes (another system's export)
 * trains a model the same way the platform's own findings do; it is saved and registered as a candidate (promoted
 * at once if asked), so scores show from the first run.
 */
export async function importHistoryAndRegister(
  deps: Pick<TrainDeps, 'riskRepo' | 'afterChange'>,
  text: string,
  options: {
    readonly promote: boolean;
    readonly by: string;
    readonly yenPerUnit?: number;
    readonly onProgress?: RetrainOptions['onProgress'];
  },
): Promise<HistoryImportOutcome> {
  const parsed = parseRiskHistory(text, options.yenPerUnit === undefined ? {} : { yenPerUnit: options.yenPerUnit });
  const result = retrain(parsed.items, { trainedOn: 'history-import', ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const version = await register(deps, result, options);
  const skippedByCode: Record<string, number> = {};
  for (const s of parsed.skipped) skippedByCode[s.code] = (skippedByCode[s.code] ?? 0) + 1;
  return {
    modelId: version,
    status: options.promote ? 'active' : 'candidate',
    promoted: options.promote,
    rowsUsed: parsed.items.length,
    rowsSkipped: parsed.skipped.length,
    auc: Math.round((result.metrics['auc'] ?? Number.NaN) * 1e4) / 1e4,
    heldOutRows: result.metrics['validItems'] ?? 0,
    trainRows: result.metrics['trainItems'] ?? 0,
    featureSet: result.featureSet,
    metrics: result.metrics,
    mapping: parsed.mapping,
    ignoredColumns: parsed.ignoredColumns,
    skippedByCode,
    skipped: parsed.skipped.slice(0, 20),
  };
}

/** Saves a trained model and registers it as a candidate, then promotes it if asked; answers its version. */
async function register(
  deps: Pick<TrainDeps, 'riskRepo' | 'afterChange'>,
  result: RetrainResult,
  options: { readonly promote: boolean; readonly by: string },
): Promise<string> {
  const at = new Date();
  const version = `gbdt-${at.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '')}-${randomBytes(2).toString('hex')}`;
  await deps.riskRepo.saveModel(version, result.metrics, result.model.toJSON());
  await changeRegistry(deps, { type: 'register', version, metrics: result.metrics }, options.by);
  if (options.promote) await changeRegistry(deps, { type: 'promote', version }, options.by);
  return version;
}

/**
 * Applies a registry action and stores the new state. Refusals (unknown version, nothing to roll back to…) are
 * thrown as the registry's domain errors.
 */
export async function changeRegistry(
  deps: Pick<TrainDeps, 'riskRepo' | 'afterChange'>,
  action: RegistryAction,
  by: string,
): Promise<RegistryState> {
  const state = await deps.riskRepo.updateSetting<RegistryState>('risk.registry', (current) => {
    const next = applyRegistry(current ?? emptyRegistry(), action, { at: new Date().toISOString(), by });
    if (!next.ok) throw next.error;
    return next.value;
  });
  await deps.afterChange?.();
  return state;
}
