import { note } from '../../kernel/index.ts';
import type { AssessmentNote } from './schema.ts';
import type { RateColumn } from '../reference/index.ts';
import type { Agreement, AgreementParty, GspLists } from './jp-rules.ts';
import type { GspPolicy } from './rules.ts';

export interface EpaOption {
  readonly agreement: Agreement;
  readonly column: RateColumn;
  readonly party: AgreementParty;
}

/** The agreement covers the origin on the date (entry into force for that party) — and which column it uses. */
export function agreementCovers(agreement: Agreement, origin: string, date: string): EpaOption | undefined {
  const party = agreement.parties.find((p) => p.iso2 === origin);
  if (!party || party.entryIntoForce === '' || date < party.entryIntoForce) return undefined;
  // RCEP prints three columns; the origin party picks one (Art. 2.6 overrides are not modelled: see notes).
  const column = agreement.columnByParty[origin] ?? (agreement.columns.length === 1 ? agreement.columns[0] : undefined);
  return column ? { agreement, column, party } : undefined;
}

/** Every agreement whose preferential rate the goods could claim (origin rules are the importer's claim). */
export function epaOptions(agreements: readonly Agreement[], origin: string, date: string): EpaOption[] {
  // Assessments repeat the same origins and dates: memoised per agreement list (the lists are immutable values).
  // By date, then origin: no key string to build per item.
  let byDate = memo.get(agreements);
  if (!byDate) memo.set(agreements, (byDate = new Map()));
  let byOrigin = byDate.get(date);
  if (!byOrigin) {
    if (byDate.size >= 1_000) byDate.clear();
    byDate.set(date, (byOrigin = new Map()));
  }
  let options = byOrigin.get(origin);
  if (!options) {
    if (byOrigin.size >= 10_000) byOrigin.clear();
    options = agreements.flatMap((a) => agreementCovers(a, origin, date) ?? []);
    byOrigin.set(origin, options);
  }
  return options;
}
const memo = new WeakMap<readonly Agreement[], Map<string, Map<string, EpaOption[]>>>();

export type Eligibility = 'eligible' | 'not' | 'unknown';

export interface GspStatus {
  readonly gsp: Eligibility;
  readonly ldc: Eligibility;
  /** Why, where it rests on an unconfirmed or partial list. */
  readonly assumptions: readonly AssessmentNote[];
}

/**
 * GSP (特恵) and LDC (特別特恵) eligibility of an origin on a date, from the partial lists in jp-rules/gsp.json plus the
 * operator's policy. A country in no list is "unknown": the GSP rate is then not applied, and the output says so.
 */
export function gspStatus(origin: string, date: string, lists: GspLists, policy: GspPolicy): GspStatus {
  const assumptions: AssessmentNote[] = [];
  const graduated = lists.graduated[origin];
  if (graduated && date >= graduated.from) {
    if (graduated.unconfirmed) assumptions.push(note('ASSUMPTION.gspGraduated', { country: origin, date: graduated.from }));
    return { gsp: 'not', ldc: 'not', assumptions };
  }
  let ldc: Eligibility = 'not';
  if (lists.ldc.has(origin)) {
    const until = lists.ldcUntil[origin];
    if (until && date >= until.date) {
      assumptions.push(note(until.unconfirmed ? 'ASSUMPTION.ldcLeftScheduled' : 'ASSUMPTION.ldcLeft', { country: origin, date: until.date }));
    } else {
      ldc = 'eligible';
      if (lists.ldcUnconfirmed) assumptions.push(note('ASSUMPTION.ldcFromUnList', { country: origin }));
      if (until) assumptions.push(note('ASSUMPTION.ldcLeaving', { country: origin, date: until.date }));
    }
  }
  if (ldc === 'eligible' || policy.extraBeneficiaries.includes(origin)) return { gsp: 'eligible', ldc, assumptions };
  if (lists.beneficiaries.has(origin)) {
    assumptions.push(note('ASSUMPTION.gspListed', { country: origin }));
    return { gsp: 'eligible', ldc, assumptions };
  }
  if (policy.assumeUnlistedEligible) {
    assumptions.push(note('ASSUMPTION.gspConfigured', { country: origin }));
    return { gsp: 'eligible', ldc, assumptions };
  }
  return { gsp: 'unknown', ldc, assumptions };
}
