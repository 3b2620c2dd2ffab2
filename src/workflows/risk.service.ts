import { randomBytes } from 'node:crypto';
import type { RiskRepo } from '../adapters/store/risk.repo.ts';
import type { Declaration } from '../modules/declarations/index.ts';
import {
  OnlineSelector,
  RiskModel,
  activeModel,
  currentRules,
  declarationFacts,
  emptyRegistry,
  evaluateRules,
  observationOf,
  validatePolicy,
  type Decision,
  type ModelScore,
  type RegistryState,
  type RiskItem,
  type RuleVersion,
  type SelectionPolicy,
} from '../modules/risk/index.ts';
import type { AssessmentOutcome, RiskDecision, RiskPort } from './ports.ts';

/** Default policy (dated configuration an analyst can change through the API): 5 % red, 10 % yellow, 1 % control. */
export function defaultPolicy(salt: string): SelectionPolicy {
  return {
    version: 'default-2026-11',
    salt,
    unit: 'declarations',
    budget: { red: 0.05, yellow: 0.1 },
    controlShare: 0.01,
    controlLane: 'red',
    explorationShare: 0.01,
    explorationLane: 'yellow',
    aeoFactor: 0.5,
  };
}

interface AssessedItem {
  customsValueYen?: number;
  dutyYen?: number;
  appliedRate?: { column?: string };
}

/** A platform declaration item as the risk model sees it (the same shape the benchmark maps the Korean data onto). */
export function riskItems(d: Declaration, assessment: unknown): RiskItem[] {
  const assessed = ((assessment as { items?: AssessedItem[] } | null)?.items ?? []) as AssessedItem[];
  const party = (p: { partyId?: string; name?: string } | undefined): string => p?.partyId ?? p?.name ?? '';
  return d.data.items.map((it, i) => {
    const a = assessed[i];
    const value = a?.customsValueYen ?? 0;
    return {
      date: d.data.transport.date,
      office: d.data.customsOffice,
      processType: '',
      importType: d.kind,
      importUse: '',
      paymentType: '',
      transportMode: d.data.transport.mode,
      declarant: party(d.data.declarant),
      importer: party(d.kind === 'import' ? d.data.importer : d.data.exporter),
      seller: party(d.data.seller),
      courier: '',
      hs: it.code9,
      departure: d.data.transport.portOfLoading?.slice(0, 2) ?? '',
      origin: it.originCountry,
      taxRate: value > 0 ? ((a?.dutyYen ?? 0) / value) * 100 : 0,
      taxType: a?.appliedRate?.column ?? '',
      originIndicator: it.preference ? 'Y' : 'N',
      netMassKg: it.netMassKg ? Number(it.netMassKg) : 0,
      value,
    };
  });
}

/**
 * Live targeting of declarations: analyst rules, then the selection policy with the promoted model's score (or,
 * until a model trained on the platform's own findings is promoted, "no model": rules, budget and control sample).
 */
export class RiskService implements RiskPort {
  private rules: RuleVersion[] = [];
  private policy!: SelectionPolicy;
  private selector!: OnlineSelector;
  private model: { version: string; model: RiskModel } | null = null;

  constructor(
    private readonly repo: RiskRepo,
    private readonly isAeo: (partyId: string) => boolean,
  ) {}

  async init(seed: readonly Decision[] = []): Promise<void> {
    this.rules = await this.repo.ruleVersions();
    let policy = await this.repo.getSetting<SelectionPolicy>('risk.policy');
    if (!policy) {
      // The salt keys the random control draws: secret, so traders cannot predict which declarations are picked.
      policy = defaultPolicy(randomBytes(24).toString('base64url'));
      await this.repo.putSetting('risk.policy', policy);
    }
    this.policy = policy;
    this.selector = new OnlineSelector(policy, seed.map((d) => observationOf(d.basis, d.control)));
    await this.reloadModel();
  }

  async reloadRules(): Promise<void> {
    this.rules = await this.repo.ruleVersions();
  }

  allRuleVersions(): readonly RuleVersion[] {
    return this.rules;
  }

  currentPolicy(): SelectionPolicy {
    return this.policy;
  }

  async setPolicy(input: unknown): Promise<SelectionPolicy> {
    const r = validatePolicy(input);
    if (!r.ok) throw r.error;
    await this.repo.putSetting('risk.policy', r.value);
    this.policy = r.value;
    this.selector = new OnlineSelector(r.value, this.selector.window());
    return r.value;
  }

  /** Picks up a policy another node stored (scaled mode: every API node and worker decides with the same policy). */
  async reloadPolicy(): Promise<void> {
    const p = await this.repo.getSetting<SelectionPolicy>('risk.policy');
    if (p === undefined || JSON.stringify(p) === JSON.stringify(this.policy)) return;
    this.policy = p;
    this.selector = new OnlineSelector(p, this.selector.window());
  }

  async registry(): Promise<RegistryState> {
    return (await this.repo.registry()) ?? emptyRegistry();
  }

  async reloadModel(): Promise<void> {
    const active = activeModel(await this.registry());
    if (!active) {
      this.model = null;
      return;
    }
    const json = await this.repo.model(active.version);
    this.model = json ? { version: active.version, model: RiskModel.fromJSON(json) } : null;
  }

  modelVersion(): string | null {
    return this.model?.version ?? null;
  }

  /** The model's view of a declaration: the riskiest item's score and its explanation. */
  score(d: Declaration, assessment: unknown): ModelScore | null {
    if (!this.model) return null;
    const items = riskItems(d, assessment);
    const scores = this.model.model.score(items);
    let best = 0;
    for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
    const explanation = this.model.model.explain(items[best]!);
    return {
      score: Math.min(1, Math.max(0, scores[best]!)),
      modelVersion: this.model.version,
      reasons: explanation.reasons.map((r) => ({ code: r.code, text: `Item ${best + 1}: ${r.text}`, params: r.params, item: best })),
    };
  }

  async decide(d: Declaration, assessment: AssessmentOutcome): Promise<RiskDecision> {
    const items = (assessment.detail as { items?: AssessedItem[] } | null)?.items ?? [];
    const facts = declarationFacts(d.data, {
      declarationId: d.id,
      isAeo: this.isAeo,
      itemValuesYen: d.data.items.map((_, i) => items[i]?.customsValueYen ?? null),
    });
    const ruleHits = evaluateRules(currentRules(this.rules), facts, d.data.transport.date);
    const decision = this.selector.decide({
      declarationId: d.id,
      itemCount: d.data.items.length,
      traderAeo: facts.traderAeo,
      ruleHits,
      model: this.score(d, assessment.detail),
    });
    return { lane: decision.lane, detail: decision };
  }
}
