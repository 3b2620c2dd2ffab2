import { Decimal } from '../../../kernel/index.ts';
import type { DeclarationFacts, ItemFacts } from './facts.ts';
import type { RuleCriteria, RuleLane, RuleVersion } from './rule.ts';
import { currentRules } from './rule-versions.ts';

export interface RuleHit {
  readonly ruleId: string;
  readonly version: number;
  readonly name: string;
  readonly lane: RuleLane;
  readonly reason: string;
  /** Indexes of the items that matched; empty when the rule has only declaration-level criteria (all items). */
  readonly items: readonly number[];
}

export interface EvaluateOptions {
  /** Use the rule versions saved by this ISO timestamp (replays); default: the latest. */
  readonly asOf?: string;
}

/**
 * The rules that fire for a declaration on `date` (yyyy-mm-dd, the day in Japan; both validity ends inclusive). Accepts the whole
 * version history: only the version in force of each rule counts, and only when it is active.
 */
export function evaluateRules(
  rules: readonly RuleVersion[],
  facts: DeclarationFacts,
  date: string,
  options: EvaluateOptions = {},
): RuleHit[] {
  // Compare calendar days only: a timestamp passed by mistake must not drop a rule on its last valid day.
  const day = date.slice(0, 10);
  const hits: RuleHit[] = [];
  for (const r of currentRules(rules, options.asOf)) {
    if (!r.active || day < r.validFrom || (r.validTo !== undefined && day > r.validTo)) continue;
    if (!declarationMatches(r.criteria, facts)) continue;
    let items: number[] = [];
    if (hasItemCriteria(r.criteria)) {
      items = facts.items.filter((i) => itemMatches(r.criteria, i)).map((i) => i.index);
      if (items.length === 0) continue;
    }
    hits.push({ ruleId: r.ruleId, version: r.version, name: r.name, lane: r.lane, reason: r.reason, items });
  }
  return hits;
}

const inList = <T>(list: readonly T[] | undefined, v: T | null): boolean =>
  list === undefined || (v !== null && list.includes(v));

function declarationMatches(c: RuleCriteria, f: DeclarationFacts): boolean {
  return (
    inList(c.departureCountries, f.departureCountry) &&
    inList(c.portsOfLoading, f.portOfLoading) &&
    inList(c.importers, f.importerId) &&
    inList(c.declarants, f.declarantId) &&
    inList(c.suppliers, f.sellerId) &&
    inList(c.transportModes, f.transportMode) &&
    inList(c.customsOffices, f.customsOffice) &&
    (c.traderAeo === undefined || c.traderAeo === f.traderAeo)
  );
}

function hasItemCriteria(c: RuleCriteria): boolean {
  return (
    c.hsPrefixes !== undefined ||
    c.originCountries !== undefined ||
    c.valueYen !== undefined ||
    c.unitPriceYen !== undefined
  );
}

function itemMatches(c: RuleCriteria, i: ItemFacts): boolean {
  if (c.hsPrefixes && !c.hsPrefixes.some((p) => i.code9.startsWith(p))) return false;
  if (!inList(c.originCountries, i.originCountry)) return false;
  if (c.valueYen) {
    // An item not yet valued cannot be said to be inside a band.
    if (i.valueYen === null) return false;
    if (c.valueYen.min !== undefined && i.valueYen < c.valueYen.min) return false;
    if (c.valueYen.max !== undefined && i.valueYen > c.valueYen.max) return false;
  }
  const up = c.unitPriceYen;
  if (up) {
    if (i.unitPriceYen === null) return false;
    if (up.unit !== undefined && up.unit !== i.unit) return false;
    const p = new Decimal(i.unitPriceYen);
    if (up.min !== undefined && p.lt(up.min)) return false;
    if (up.max !== undefined && p.gt(up.max)) return false;
  }
  return true;
}
