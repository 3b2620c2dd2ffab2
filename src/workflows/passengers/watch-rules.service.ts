import type { PassengersRepo } from '../../adapters/store/passengers.repo.ts';
import { CommonErrors, newId } from '../../kernel/index.ts';
import { documentWatchRule, personWatchRule, type IdentifierKeyer } from '../../modules/passengers/index.ts';
import { watchRuleOf } from './arrivals.service.ts';

export type WatchRuleInput =
  | { readonly on: 'document'; readonly issuingCountry: string; readonly number: string; readonly reason: string }
  | { readonly on: 'person'; readonly familyName: string; readonly givenNames: string; readonly birthDate: string; readonly reason: string };

/** A watch rule as the API shows it: the identifier is gone, only its keyed hash was stored. */
export interface WatchRuleView {
  readonly id: string;
  readonly on: 'document' | 'person';
  readonly reason: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** Analysts' watch rules: the identifier entered is keyed with HMAC at once and never stored or echoed back. */
export class WatchRulesService {
  constructor(
    private readonly repo: PassengersRepo,
    private readonly keyer: IdentifierKeyer,
  ) {}

  async add(input: WatchRuleInput, createdBy: string): Promise<WatchRuleView> {
    const id = newId('wr');
    const rule = input.on === 'document' ? documentWatchRule(this.keyer, id, input, input.reason) : personWatchRule(this.keyer, id, input, input.reason);
    const stored = await this.repo.addWatchRule({ id, identifierKey: `${rule.on}:${rule.key}`, reason: rule.reason, createdBy });
    return { id, on: rule.on, reason: rule.reason, createdBy, createdAt: stored.createdAt };
  }

  async list(): Promise<WatchRuleView[]> {
    return (await this.repo.watchRules()).flatMap((r) => {
      const rule = watchRuleOf(r);
      return rule ? [{ id: r.id, on: rule.on, reason: r.reason, createdBy: r.createdBy, createdAt: r.createdAt }] : [];
    });
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repo.deleteWatchRule(id))) throw CommonErrors.notFound(`No watch rule ${id}`);
  }
}
