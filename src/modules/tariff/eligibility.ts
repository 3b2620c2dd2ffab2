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
  readonly assumptions: readonly string[];
}

/**
 * GSP (特恵) and LDC (特別特恵) eligibility of an origin on a date, from the partial lists in jp-rules/gsp.json plus the
 * operator's policy. A country in no list is "unknown": the GSP rate is then not applied, and the output says so.
 */
export function gspStatus(origin: string, date: string, lists: GspLists, policy: GspPolicy): GspStatus {
  const assumptions: string[] = [];
  const graduated = lists.graduated[origin];
  if (graduated && date >= graduated.from) {
    if (graduated.unconfirmed) assumptions.push(`${origin} graduated from GSP on ${graduated.from} (unconfirmed source)`);
    return { gsp: 'not', ldc: 'not', assumptions };
  }
  let ldc: Eligibility = 'not';
  if (lists.ldc.has(origin)) {
    const until = lists.ldcUntil[origin];
    if (until && date >= until.date) {
      assumptions.push(`${origin} left the LDC list on ${until.date}${until.unconfirmed ? ' (scheduled; deferral outcome unconfirmed)' : ''}`);
    } else {
      ldc = 'eligible';
      if (lists.ldcUnconfirmed) assumptions.push(`${origin} treated as an LDC beneficiary from the UN LDC list (Japan's notice unconfirmed)`);
      if (until) assumptions.push(`${origin} is scheduled to leave the LDC list on ${until.date} (unconfirmed)`);
    }
  }
  if (ldc === 'eligible' || policy.extraBeneficiaries.includes(origin)) return { gsp: 'eligible', ldc, assumptions };
  if (lists.beneficiaries.has(origin)) {
    assumptions.push(`${origin} is on the FY2018 GSP beneficiary list (later changes not known)`);
    return { gsp: 'eligible', ldc, assumptions };
  }
  if (policy.assumeUnlistedEligible) {
    assumptions.push(`${origin} assumed a GSP beneficiary by configuration (the beneficiary list is partial)`);
    return { gsp: 'eligible', ldc, assumptions };
  }
  return { gsp: 'unknown', ldc, assumptions };
}
