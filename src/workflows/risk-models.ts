import { randomBytes } from 'node:crypto';
import type { RiskReportsRepo } from '../adapters/store/risk-reports.repo.ts';
import type { RiskRepo } from '../adapters/store/risk.repo.ts';
import {
  applyRegistry,
  emptyRegistry,
  findingsToLabels,
  retrain,
  type Decision,
  type LabelledItem,
  type RegistryAction,
  type RegistryState,
  type RetrainOptions,
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
  const at = new Date();
  const version = `gbdt-${at.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '')}-${randomBytes(2).toString('hex')}`;
  await deps.riskRepo.saveModel(version, result.metrics, result.model.toJSON());
  await changeRegistry(deps, { type: 'register', version, metrics: result.metrics }, options.by);
  if (options.promote) await changeRegistry(deps, { type: 'promote', version }, options.by);
  return {
    version,
    status: options.promote ? 'active' : 'candidate',
    featureSet: result.featureSet,
    metrics: result.metrics,
    labelledItems: history.length,
  };
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
