import { err, ok, type DomainError, type Result } from '../../../kernel/index.ts';
import { TargetingErrors as E } from './errors.ts';
import type { RuleDraft, RuleVersion } from './rule.ts';

/**
 * Rules are never edited in place: every change is a new version and old versions stay, so that any past selection
 * can be explained by the exact rule text that made it. Deactivating is a version with `active: false`.
 */
export interface VersionMeta {
  readonly ruleId: string;
  readonly at: string;
  readonly by: string;
}

export function createRule(draft: RuleDraft, meta: VersionMeta): RuleVersion {
  return { ...draft, ruleId: meta.ruleId, version: 1, createdAt: meta.at, createdBy: meta.by };
}

/**
 * The next version of a rule. `expectedVersion` is the version the analyst edited; if someone saved in between,
 * the edit is refused rather than silently overwriting theirs.
 */
export function reviseRule(
  history: readonly RuleVersion[],
  draft: RuleDraft,
  meta: VersionMeta & { readonly expectedVersion: number },
): Result<RuleVersion, DomainError> {
  const latest = latestVersion(history, meta.ruleId);
  if (latest === undefined) return err(E.ruleNotFound(`No targeting rule ${meta.ruleId}`));
  if (latest.version !== meta.expectedVersion)
    return err(
      E.ruleVersionConflict(undefined, { ruleId: meta.ruleId, expected: meta.expectedVersion, actual: latest.version }),
    );
  return ok({ ...draft, ruleId: meta.ruleId, version: latest.version + 1, createdAt: meta.at, createdBy: meta.by });
}

/** All versions of one rule, oldest first. */
export function ruleHistory(versions: readonly RuleVersion[], ruleId: string): RuleVersion[] {
  return versions.filter((v) => v.ruleId === ruleId).sort((a, b) => a.version - b.version);
}

export function latestVersion(
  versions: readonly RuleVersion[],
  ruleId: string,
  asOf?: string,
): RuleVersion | undefined {
  return currentRules(
    versions.filter((v) => v.ruleId === ruleId),
    asOf,
  )[0];
}

/**
 * The version of each rule in force: the highest version, or with `asOf` (ISO timestamp) the highest one saved by
 * then — a replay of an old decision uses the rules as they were.
 */
export function currentRules(versions: readonly RuleVersion[], asOf?: string): RuleVersion[] {
  const asOfMs = asOf === undefined ? Infinity : Date.parse(asOf);
  const best = new Map<string, RuleVersion>();
  for (const v of versions) {
    if (Date.parse(v.createdAt) > asOfMs) continue;
    const b = best.get(v.ruleId);
    if (b === undefined || v.version > b.version) best.set(v.ruleId, v);
  }
  return [...best.values()].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
